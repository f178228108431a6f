package nl.leerkring.platform;

import java.util.regex.Pattern;

/**
 * A repeated submission made harmless: a form carries a token made when it was shown, an API call its
 * {@code Idempotency-Key}. The record a request creates keeps the hash of person and token under a unique
 * index, so a repeat by the same person cannot create a second one; it loses ({@link Lost}) and is answered
 * with the first. The key is part of the record itself, so the record exists the moment the key is taken.
 */
public final class ClientKeys {

  /** The field under which a record keeps the key of the request that created it. */
  public static final String FIELD = "clientKey";
  private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7E]{8,100}");

  private ClientKeys() {
  }

  /** The key of this person's request with this token; null when there is no token. */
  public static String of(String userId, String token) {
    if (token == null || token.isEmpty()) {
      return null;
    }
    if (!TOKEN.matcher(token).matches()) {
      throw Problem.badRequest("bad_client_token", "A client token (Idempotency-Key) is 8 to 100 visible characters.");
    }
    return Hashes.sha256(userId + " " + token);
  }
}
