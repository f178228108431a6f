package nl.leerkring.sso;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import nl.leerkring.platform.Problem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
@DisplayName("A company's client secret is stored sealed")
class SecretBoxTest {

  private static final String SECRET = "client-secret-of-van-dijk";

  @Test
  @DisplayName("Sealed, the secret is unreadable and differs each time; opened with the same key it is the secret again")
  void sealsAndOpens(Vertx vertx, @TempDir Path dataDir) {
    SecretBox box = new SecretBox(vertx, "", dataDir);
    String once = box.seal(SECRET).await();
    String twice = box.seal(SECRET).await();
    assertFalse(once.contains(SECRET));
    assertNotEquals(once, twice, "a fresh nonce each time");
    assertTrue(Files.exists(dataDir.resolve(SecretBox.KEY_FILE)), "without a secretsKey the data directory holds the key");
    assertEquals(SECRET, new SecretBox(vertx, "", dataDir).open(once).await(), "a restart reads the same key file");
  }

  @Test
  @DisplayName("Another installation's key cannot open it, and says so in a way the sign-in page explains")
  void otherKeyCannotOpen(Vertx vertx, @TempDir Path dataDir) {
    String key = Base64.getEncoder().encodeToString(new byte[32]);
    String sealed = new SecretBox(vertx, key, dataDir).seal(SECRET).await();
    byte[] other = new byte[32];
    other[0] = 1;
    SecretBox elsewhere = new SecretBox(vertx, Base64.getEncoder().encodeToString(other), dataDir);
    Problem refused = assertThrows(Problem.class, () -> elsewhere.open(sealed).await());
    assertEquals("sso_secret_unreadable", refused.code());
    assertFalse(Files.exists(dataDir.resolve(SecretBox.KEY_FILE)), "a configured key needs no file");
  }
}
