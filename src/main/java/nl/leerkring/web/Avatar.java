package nl.leerkring.web;

import java.util.Arrays;
import java.util.Locale;

/**
 * A person's initials in a coloured circle, drawn by the style sheet: no image to download, no photo of anyone
 * kept. The colour follows from the person's id, so it stays the same on every page; each of the colours
 * ({@code .avatar.av0} to {@code av7} in app.css) carries white text at a contrast of at least 4.5:1.
 */
public final class Avatar {

  static final int COLOURS = 8;

  private Avatar() {
  }

  /** The first letters of the first and the last word: "Kees de Vries" is KV, "Sanne" is S. */
  public static String initials(String name) {
    String[] words = Arrays.stream(name == null ? new String[0] : name.trim().split("\\s+"))
        .filter(word -> !word.isEmpty() && Character.isLetterOrDigit(word.codePointAt(0))).toArray(String[]::new);
    if (words.length == 0) {
      return "?";
    }
    String first = firstLetter(words[0]);
    return (words.length == 1 ? first : first + firstLetter(words[words.length - 1])).toUpperCase(Locale.ROOT);
  }

  /** String.hashCode is fixed by the Java specification, so a person keeps their colour across releases. */
  public static int colour(String id) {
    return Math.floorMod(id == null ? 0 : id.hashCode(), COLOURS);
  }

  private static String firstLetter(String word) {
    return new String(Character.toChars(word.codePointAt(0)));
  }
}
