package nl.leerkring.account;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import nl.leerkring.platform.Settings;
import nl.leerkring.support.MutableClock;
import nl.leerkring.support.Person;
import nl.leerkring.support.SharedStore;
import nl.leerkring.support.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
@DisplayName("The cost of a password hash")
class PasswordCostTest {

  @Test
  @DisplayName("Passwords hashed at a lower cost still work at the default cost, and new ones get the default")
  void everyHashKeepsItsOwnCost(Vertx vertx) {
    try (SharedStore store = new SharedStore(vertx)) {
      TestServer cheap = TestServer.onMongo(vertx, store.uri(), true);
      assertTrue(passwordHash(store, "demo-sanne").startsWith("$pbkdf2$it=1000$"), passwordHash(store, "demo-sanne"));
      cheap.close();

      try (TestServer standard = TestServer.start(vertx, TestServer.temporaryDataDir(), store.uri(), false,
          new MutableClock(), new JsonObject().put("passwordIterations", Settings.PASSWORD_ITERATIONS))) {
        standard.demo("sanne").get("/me").ok();
        String token = standard.demo("hr@vandijk-installatie.nl").post("/communities/demo-warmtepomp/invitations",
            new JsonObject().put("role", "participant")).expect(201).json().getString("token");
        JsonObject me = standard.anonymous().post("/invitations/" + token + "/accept", new JsonObject()
            .put("displayName", "Noor Bakker").put("username", "noor").put("password", "buffervat-ontluchten-kraan-5")).ok();
        assertTrue(passwordHash(store, me.getString("id")).startsWith("$pbkdf2$it=210000$"));
        Person noor = standard.login("noor", "buffervat-ontluchten-kraan-5");
        assertEquals("Noor Bakker", noor.get("/me").ok().getString("displayName"));
      }
    }
  }

  @Test
  @DisplayName("A server refuses to start with fewer than 1,000 iterations")
  void tooCheapIsRefused(Vertx vertx) {
    Exception refused = assertThrows(Exception.class, () -> TestServer.start(vertx, TestServer.temporaryDataDir(), "",
        false, new MutableClock(), new JsonObject().put("passwordIterations", 999)));
    assertTrue(String.valueOf(refused.getMessage()).contains("passwordIterations must be at least 1000"),
        String.valueOf(refused.getMessage()));
  }

  private static String passwordHash(SharedStore store, String userId) {
    return store.findOne("users", userId).getString("passwordHash");
  }
}
