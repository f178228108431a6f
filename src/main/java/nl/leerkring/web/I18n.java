package nl.leerkring.web;

import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every text a person reads, from message bundles per feature: the key {@code note.kind.experiment} lives in
 * {@code i18n/note.properties} (Dutch) and {@code i18n/note_en.properties}. Dutch is the base language, so a
 * key missing in English shows in Dutch rather than as a raw key.
 */
public final class I18n {

  public static final List<String> LANGUAGES = List.of("nl", "en");
  private static final ResourceBundle.Control BASE_IS_DUTCH =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
  /**
   * Texts by language and key, as found: a page asks for dozens, and each bundle lookup takes the JDK's cache keys
   * and checks. Bundles change only with a release, and keys are the bundles' own, so this stays small.
   */
  private static final Map<String, String> PATTERNS = new ConcurrentHashMap<>();
  private static final Map<String, Boolean> KNOWN = new ConcurrentHashMap<>();
  private static final ThreadLocal<Map<String, MessageFormat>> FORMATS = ThreadLocal.withInitial(HashMap::new);

  private I18n() {
  }

  public static String text(String language, String key, Object... args) {
    String pattern = PATTERNS.computeIfAbsent(("en".equals(language) ? "en " : "nl ") + key, x -> pattern(language, key));
    // MessageFormat treats apostrophes as quotes; only texts with arguments go through it. Parsing the pattern cost
    // more than formatting, and a MessageFormat may be used by one thread at a time: one per thread and text.
    return args.length == 0 ? pattern
        : FORMATS.get().computeIfAbsent(pattern + '\u0000' + language, x -> new MessageFormat(pattern, locale(language)))
            .format(args);
  }

  private static String pattern(String language, String key) {
    int dot = key.indexOf('.');
    String bundle = "i18n/" + (dot < 0 ? "common" : key.substring(0, dot));
    try {
      return ResourceBundle.getBundle(bundle, locale(language), BASE_IS_DUTCH).getString(key);
    } catch (MissingResourceException e) {
      throw new IllegalArgumentException("No text for '" + key + "' in " + bundle, e);
    }
  }

  /** Whether a key has a text: optional texts, such as a message for one specific error, ask first. */
  public static boolean has(String key) {
    return KNOWN.computeIfAbsent(key, x -> {
      int dot = key.indexOf('.');
      try {
        return ResourceBundle.getBundle("i18n/" + key.substring(0, dot), Locale.ROOT, BASE_IS_DUTCH).containsKey(key);
      } catch (MissingResourceException e) {
        return false;
      }
    });
  }

  public static Locale locale(String language) {
    return "en".equals(language) ? Locale.ENGLISH : Locale.forLanguageTag("nl-NL");
  }

  public static boolean supports(String language) {
    return LANGUAGES.contains(language);
  }
}
