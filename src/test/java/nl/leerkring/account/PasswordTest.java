package nl.leerkring.account;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import nl.leerkring.support.Person;
import nl.leerkring.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
@DisplayName("Passwords that hold")
class PasswordTest {

  private static final String STRONG = "buffervat-stookgrens-7";
  private static TestServer server;
  private static Person fenna;

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.withDemo(vertx);
    fenna = server.demo("fenna@leerwerkplaats.nl");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String invitation() {
    return fenna.post("/communities/demo-warmtepomp/invitations", new JsonObject().put("role", "participant"))
        .expect(201).json().getString("token");
  }

  @Test
  @DisplayName("A newcomer cannot join with a password anyone would guess, nor with their username")
  void weakPasswordsAreRefusedOnJoining() {
    String token = invitation();
    for (String weak : new String[] {"aaaaaaaa", "12345678", "password", "welkom2026", "        ", "wachtwoord1",
        "Zomer2026!", "pieter.bakker1"}) {
      var refused = server.anonymous().post("/invitations/" + token + "/accept", new JsonObject()
          .put("displayName", "Pieter Bakker").put("username", "pieter.b").put("password", weak)).expect(400);
      assertEquals("password", refused.json().getJsonObject("error").getJsonObject("details").getString("field"), weak);
      assertEquals("weak", refused.json().getJsonObject("error").getJsonObject("details").getString("reason"), weak);
    }
    var same = server.anonymous().post("/invitations/" + token + "/accept", new JsonObject()
        .put("displayName", "Pieter Bakker").put("username", "pieter.bakker.vdijk").put("password", "Pieter.Bakker.vDijk"))
        .expect(400);
    assertEquals("same_as_login", same.json().getJsonObject("error").getJsonObject("details").getString("reason"));
    server.anonymous().post("/invitations/" + token + "/accept", new JsonObject()
        .put("displayName", "Pieter Bakker").put("username", "pieter.b").put("password", STRONG)).expect(200);
  }

  @Test
  @DisplayName("On the join page the refusal is explained in Dutch next to the password")
  void weakPasswordOnTheJoinPage(Vertx vertx) {
    WebClient browser = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false));
    var page = browser.post(server.port(), "127.0.0.1", "/join/" + invitation()).sendForm(MultiMap.caseInsensitiveMultiMap()
        .add("displayName", "Nina").add("username", "nina.k").add("password", "welkom2026").add("language", "nl")).await();
    assertEquals(400, page.statusCode());
    assertTrue(page.bodyAsString().contains("Dit wachtwoord is te makkelijk te raden"), page::bodyAsString);
    browser.close();
  }

  @Test
  @DisplayName("Her company admin gives Nadia, who has no e-mail, a one-time link; with it she sets a new password")
  void resetLinkFromTheAdmin() {
    String token = invitation();
    Person nadia = server.anonymous();
    nadia.adopt(nadia.post("/invitations/" + token + "/accept", new JsonObject()
        .put("displayName", "Nadia Yilmaz").put("username", "nadia.y").put("password", STRONG)).ok());
    Person ingrid = server.demo("hr@vandijk-installatie.nl");
    assertEquals(404, fenna.post("/organisations/demo-vandijk/people/" + nadia.id() + "/password-reset", null).status());
    JsonObject reset = ingrid.post("/organisations/demo-vandijk/people/" + nadia.id() + "/password-reset", null)
        .expect(201).json();
    String resetToken = reset.getString("token");
    assertTrue(reset.getString("url").endsWith("/reset/" + resetToken));

    var weak = server.anonymous().post("/password-resets/" + resetToken, new JsonObject().put("newPassword", "nadia.y123"));
    assertEquals(400, weak.status(), weak::body);
    server.anonymous().post("/password-resets/" + resetToken, new JsonObject().put("newPassword", "thermostaat-kraan-61"))
        .expect(204);
    nadia.get("/me").expect(401);
    server.login("nadia.y", "thermostaat-kraan-61").get("/me").expect(200);
    assertEquals("reset_unusable", server.anonymous().post("/password-resets/" + resetToken,
        new JsonObject().put("newPassword", "nog-een-ander-wachtwoord-9")).expect(409).errorCode());
    assertTrue(ingrid.get("/organisations/demo-vandijk/audit").expect(200).array().stream().map(r -> (JsonObject) r)
        .anyMatch(r -> "password.reset".equals(r.getString("action")) && nadia.id().equals(r.getString("subjectId"))));
  }

  @Test
  @DisplayName("A person changes their password with the old one; their other logins end, the old password stops working")
  void changePassword() {
    String token = invitation();
    Person ahmed = server.anonymous();
    ahmed.adopt(ahmed.post("/invitations/" + token + "/accept", new JsonObject()
        .put("displayName", "Ahmed Aziz").put("username", "ahmed.a").put("password", STRONG)).ok());
    Person ahmedOnTablet = server.login("ahmed.a", STRONG);

    var wrong = ahmed.post("/me/password", new JsonObject().put("currentPassword", "niet-het-wachtwoord")
        .put("newPassword", "radiator-ontluchten-33")).expect(400);
    assertEquals("currentPassword", wrong.json().getJsonObject("error").getJsonObject("details").getString("field"));
    var weak = ahmed.post("/me/password", new JsonObject().put("currentPassword", STRONG)
        .put("newPassword", "12345678")).expect(400);
    assertEquals("newPassword", weak.json().getJsonObject("error").getJsonObject("details").getString("field"));
    ahmedOnTablet.get("/me").expect(200);

    ahmed.post("/me/password", new JsonObject().put("currentPassword", STRONG)
        .put("newPassword", "radiator-ontluchten-33")).expect(204);
    ahmed.get("/me").expect(200);
    ahmedOnTablet.get("/me").expect(401);
    assertEquals(401, server.anonymous().post("/auth/login", new JsonObject().put("login", "ahmed.a")
        .put("password", STRONG)).status());
    server.login("ahmed.a", "radiator-ontluchten-33").get("/me").expect(200);
    assertTrue(server.demo("hr@vandijk-installatie.nl").get("/organisations/demo-vandijk/audit").expect(200).array()
        .stream().map(r -> (JsonObject) r).anyMatch(r -> "password.changed".equals(r.getString("action"))
            && ahmed.id().equals(r.getString("subjectId"))), "the change is in the company's audit trail");
    String form = ahmed.page("/settings/password").expect(200).body();
    assertTrue(form.contains("name=\"currentPassword\"") && form.contains("name=\"newPassword\""), form);
  }
}
