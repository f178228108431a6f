package nl.leerkring.account;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.auth.hashing.HashingStrategy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Salted PBKDF2-HMAC-SHA512 through vertx-auth. The iteration count (the setting passwordIterations) is
 * written into each hash and verification reads it from there, so changing the count later keeps every
 * stored hash verifiable.
 */
public final class Passwords {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Vertx vertx;
  private final Map<String, String> parameters;
  private final HashingStrategy strategy = HashingStrategy.load();

  public Passwords(Vertx vertx, int iterations) {
    this.vertx = vertx;
    this.parameters = Map.of("it", String.valueOf(iterations));
  }

  /** Slow on purpose, so it runs on a worker thread. */
  public Future<String> hash(String password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    String encodedSalt = Base64.getEncoder().withoutPadding().encodeToString(salt);
    return vertx.executeBlocking(() -> strategy.hash("pbkdf2", parameters, encodedSalt, password), false);
  }

  public Future<Boolean> verify(String hash, String password) {
    return vertx.executeBlocking(() -> strategy.verify(hash, password), false);
  }
}
