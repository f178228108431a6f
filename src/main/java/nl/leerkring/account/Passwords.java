package nl.leerkring.account;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.auth.hashing.HashingStrategy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Salted PBKDF2-HMAC-SHA512 through vertx-auth. The iteration count follows OWASP's advice for this
 * algorithm; it is written into each hash, so raising it later keeps old hashes verifiable.
 */
public final class Passwords {

  private static final Map<String, String> PARAMETERS = Map.of("it", "210000");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Vertx vertx;
  private final HashingStrategy strategy = HashingStrategy.load();

  public Passwords(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Slow on purpose, so it runs on a worker thread. */
  public Future<String> hash(String password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    String encodedSalt = Base64.getEncoder().withoutPadding().encodeToString(salt);
    return vertx.executeBlocking(() -> strategy.hash("pbkdf2", PARAMETERS, encodedSalt, password), false);
  }

  public Future<Boolean> verify(String hash, String password) {
    return vertx.executeBlocking(() -> strategy.verify(hash, password), false);
  }
}
