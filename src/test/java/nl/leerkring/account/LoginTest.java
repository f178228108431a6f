package nl.leerkring.account;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
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
@DisplayName("Logging in")
class LoginTest {

  private static TestServer server;

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.withDemo(vertx);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName("A technician logs in with a username; the cookie is HttpOnly and SameSite; logging out ends it")
  void loginAndLogout() {
    Person mehmet = server.anonymous();
    var response = mehmet.post("/auth/login", new JsonObject().put("login", "Mehmet ").put("password", "welkom2026"));
    response.expect(200);
    String cookie = response.raw().cookies().get(0);
    assertTrue(cookie.toLowerCase().contains("httponly"), cookie);
    assertTrue(cookie.contains("SameSite=Lax"), cookie);
    mehmet.adopt(response.json());
    assertEquals("Mehmet Yilmaz", mehmet.get("/me").ok().getString("displayName"));

    mehmet.post("/auth/logout", null).expect(204);
    assertEquals(401, mehmet.get("/me").status());
  }

  @Test
  @DisplayName("Sanne's login, just used on her laptop too, stops working there the moment she logs out on her phone")
  void logoutEndsTheLoginEverywhereAtOnce() {
    Person phone = server.demo("sanne");
    Person laptop = server.anonymous().adopt(phone.me());
    laptop.copyLoginFrom(phone);
    assertEquals(phone.id(), laptop.get("/me").ok().getString("id"));

    phone.post("/auth/logout", null).expect(204);
    assertEquals(401, laptop.get("/me").status());
  }

  @Test
  @DisplayName("A wrong password is refused, and after ten attempts the login is paused even for the right one")
  void throttled() {
    Person guesser = server.anonymous();
    for (int i = 0; i < 10; i++) {
      assertEquals("bad_login", guesser.post("/auth/login", new JsonObject().put("login", "bram")
          .put("password", "raden" + i)).expect(401).errorCode());
    }
    // The first pause is a second and each further failure doubles it: on a stalled machine a guess may come
    // after a pause is over, never after all of them.
    int status = 401;
    for (int i = 10; status == 401 && i < 17; i++) {
      status = guesser.post("/auth/login", new JsonObject().put("login", "bram").put("password", "raden" + i)).status();
    }
    assertEquals(429, status);
    assertEquals(429, guesser.post("/auth/login", new JsonObject().put("login", "bram")
        .put("password", "welkom2026")).status());
  }

  @Test
  @DisplayName("A cookie the server no longer knows (expired, logged out elsewhere, restored store) is dropped at once")
  void staleCookieIsDropped() {
    WebClient browser = WebClient.create(server.vertx(), new WebClientOptions().setFollowRedirects(false));
    String stale = "lk_session=" + "x".repeat(43);
    var home = browser.get(server.port(), "127.0.0.1", "/").putHeader("Cookie", stale).timeout(3_000).send().await();
    assertEquals(303, home.statusCode());
    assertTrue(home.getHeader("Location").startsWith("/login"), home.getHeader("Location"));
    assertTrue(home.cookies().stream().anyMatch(c -> c.startsWith("lk_session=;")), home.cookies()::toString);
    var loginPage = browser.get(server.port(), "127.0.0.1", "/login").putHeader("Cookie", stale).timeout(3_000).send().await();
    assertEquals(200, loginPage.statusCode());
    var me = browser.get(server.port(), "127.0.0.1", "/api/v1/me").putHeader("Cookie", stale).timeout(3_000).send().await();
    assertEquals(401, me.statusCode());
    var login = browser.post(server.port(), "127.0.0.1", "/api/v1/auth/login").putHeader("Cookie", stale).timeout(3_000)
        .sendJsonObject(new JsonObject().put("login", "lotte").put("password", "welkom2026")).await();
    assertEquals(200, login.statusCode(), login::bodyAsString);
    browser.close();
  }

  @Test
  @DisplayName("A change without the CSRF token is refused, even with a valid cookie")
  void csrfRequired() {
    Person sanne = server.demo("sanne");
    var response = sanne.sendRaw(HttpMethod.PATCH, "/api/v1/me", "application/json", "{\"language\":\"en\"}");
    assertEquals(200, response.status());
    sanne.adopt(new JsonObject().put("csrfToken", "wrong").put("id", sanne.id()));
    assertEquals(403, sanne.patch("/me", new JsonObject().put("language", "nl")).status());
    assertEquals("en", sanne.get("/me").ok().getString("language"));
  }

  @Test
  @DisplayName("Malformed, oversized and unknown input gets a 4xx in the one error shape")
  void badInput() {
    Person kees = server.demo("kees");
    var malformed = kees.sendRaw(HttpMethod.POST, "/api/v1/communities/demo-warmtepomp/notes", "application/json", "{\"kind\":");
    assertEquals(400, malformed.status());
    assertTrue(malformed.json().getJsonObject("error").containsKey("message"));
    String huge = "x".repeat(300_000);
    assertEquals(413, kees.post("/communities/demo-warmtepomp/notes", new JsonObject().put("kind", "reflection")
        .put("text", huge)).status());
    assertEquals(400, kees.post("/communities/demo-warmtepomp/notes", new JsonObject().put("kind", "reflection")
        .put("text", "y".repeat(10_001))).status());
    assertEquals(400, kees.patch("/me", new JsonObject().put("language", "fr")).status());
    assertEquals(404, kees.get("/nothing-here").status());
    assertEquals("up", server.anonymous().get("/health").ok().getString("database"));
  }
}
