package nl.leerkring.web;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every text a person reads, from message bundles per feature: the key {@code note.kind.experiment} lives in
 * {@code i18n/note.properties} (Dutch) and {@code i18n/note_en.properties}. Dutch is the base language, so a
 * key missing in English shows in Dutch rather than as a raw key.
 */
public final class I18n {

  public static final List<String> LANGUAGES = List.of("nl", "en");
  private static final ResourceBundle.Control BASE_IS_DUTCH =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private I18n() {
  }

  public static String text(String language, String key, Object... args) {
    int dot = key.indexOf('.');
    String bundle = "i18n/" + (dot < 0 ? "common" : key.substring(0, dot));
    String pattern;
    try {
      pattern = ResourceBundle.getBundle(bundle, locale(language), BASE_IS_DUTCH).getString(key);
    } catch (MissingResourceException e) {
      throw new IllegalArgumentException("No text for '" + key + "' in " + bundle, e);
    }
    // MessageFormat treats apostrophes as quotes; only texts with arguments go through it.
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale(language)).format(args);
  }

  /** Whether a key has a text: optional texts, such as a message for one specific error, ask first. */
  public static boolean has(String key) {
    int dot = key.indexOf('.');
    try {
      return ResourceBundle.getBundle("i18n/" + key.substring(0, dot), Locale.ROOT, BASE_IS_DUTCH).containsKey(key);
    } catch (MissingResourceException e) {
      return false;
    }
  }

  public static Locale locale(String language) {
    return "en".equals(language) ? Locale.ENGLISH : Locale.forLanguageTag("nl-NL");
  }

  public static boolean supports(String language) {
    return LANGUAGES.contains(language);
  }
}
