package nl.leerkring.platform;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** Document ids and secret tokens. */
public final class Ids {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");

  private Ids() {
  }

  /** 96 random bits: unguessable, so an id alone reveals nothing about other documents. */
  public static String newId() {
    return random(12);
  }

  /** 256 random bits, for things that grant access: login sessions, invitations. */
  public static String newSecret() {
    return random(32);
  }

  public static boolean looksLikeId(String value) {
    return value != null && ID.matcher(value).matches();
  }

  private static String random(int bytes) {
    byte[] buffer = new byte[bytes];
    RANDOM.nextBytes(buffer);
    return URL_SAFE.encodeToString(buffer);
  }
}
