package nl.leerkring.platform;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;

/** Document ids and secret tokens. */
public final class Ids {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");
  /** The 64 characters of an id in ascending code order, so that ids sort as the numbers they encode. */
  private static final char[] SORTABLE =
      "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz".toCharArray();
  private static final int TIME_CHARS = 8;
  private static final int RANDOM_CHARS = 12;

  private Ids() {
  }

  /**
   * The creation millisecond (48 bits) followed by 72 random bits. A store keeps documents in _id order; ids
   * that grow with time add new documents at the end of that order, so a write touches the same few pages at
   * any size instead of one anywhere in the collection (the embedded store's file then rewrites and compacts
   * a little, not the whole collection; MongoDB's ObjectId does the same). The random part keeps an id
   * unguessable even for someone who knows when a document was made.
   */
  public static String newId() {
    char[] id = new char[TIME_CHARS + RANDOM_CHARS];
    from(Instant.ofEpochMilli(System.currentTimeMillis())).getChars(0, TIME_CHARS, id, 0);
    byte[] random = new byte[RANDOM_CHARS * 6 / 8];
    RANDOM.nextBytes(random);
    for (int i = 0; i < RANDOM_CHARS; i++) {
      int bit = i * 6;
      int pair = ((random[bit / 8] & 0xff) << 8) | (bit / 8 + 1 < random.length ? random[bit / 8 + 1] & 0xff : 0);
      id[TIME_CHARS + i] = SORTABLE[(pair >>> (10 - bit % 8)) & 63];
    }
    return new String(id);
  }

  /**
   * The start of the ids made at or after {@code moment}: its millisecond in the ids' alphabet. Any id made then
   * or later sorts at or after it, any id made earlier before it, so "since T" is a range on ids.
   */
  public static String from(Instant moment) {
    char[] prefix = new char[TIME_CHARS];
    long millis = moment.toEpochMilli();
    for (int i = TIME_CHARS - 1; i >= 0; i--) {
      prefix[i] = SORTABLE[(int) (millis & 63)];
      millis >>>= 6;
    }
    return new String(prefix);
  }

  /** 256 random bits, for things that grant access: login sessions, invitations. */
  public static String newSecret() {
    byte[] buffer = new byte[32];
    RANDOM.nextBytes(buffer);
    return URL_SAFE.encodeToString(buffer);
  }

  public static boolean looksLikeId(String value) {
    return value != null && ID.matcher(value).matches();
  }
}
