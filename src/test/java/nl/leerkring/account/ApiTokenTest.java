package nl.leerkring.account;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import nl.leerkring.support.Person;
import nl.leerkring.support.Response;
import nl.leerkring.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
@DisplayName("API tokens for scripts and integrations")
class ApiTokenTest {

  private static final String QUESTIONS = "/communities/demo-warmtepomp/questions";

  private static TestServer server;
  private static Person sanne;
  private static Person ingrid;

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.withDemo(vertx);
    sanne = server.demo("sanne");
    ingrid = server.demo("hr@vandijk-installatie.nl");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonObject make(Person who, JsonObject body) {
    return who.post("/api-tokens", body).expect(201).json();
  }

  private static JsonObject token(String name, String... scopes) {
    return new JsonObject().put("name", name).put("scopes", new JsonArray(List.of(scopes)));
  }

  private static JsonObject listed(Person who, String tokenId) {
    return who.get("/api-tokens").expect(200).array().stream().map(JsonObject.class::cast)
        .filter(t -> t.getString("id").equals(tokenId)).findFirst().orElseThrow();
  }

  @Test
  @DisplayName("Sanne's read-only token reads what she may see without a cookie or CSRF token, and is refused every change with 403")
  void readOnly() {
    JsonObject made = make(sanne, token("Mijn rapportage", "read"));
    assertTrue(made.getString("token").startsWith("lk_" + made.getString("id") + "."), made::encode);
    assertEquals("active", made.getString("status"));
    Person script = server.withToken(made.getString("token"));

    assertEquals("demo-sanne", script.get("/me").ok().getString("id"));
    int before = script.get(QUESTIONS).expect(200).array().size();
    script.get("/communities/demo-tilliften").expect(404);

    Response refused = script.post(QUESTIONS, new JsonObject().put("text", "Mag een sleutel vragen stellen?")).expect(403);
    assertEquals("insufficient_scope", refused.errorCode());
    script.patch("/me", new JsonObject().put("language", "en")).expect(403);
    assertEquals(before, sanne.get(QUESTIONS).expect(200).array().size(), "the refused question was not raised");
    assertEquals("nl", sanne.get("/me").ok().getString("language"));
  }

  @Test
  @DisplayName("A token with the questions scope raises a question without a CSRF token, but cannot read her journal")
  void scopedToAnArea() {
    Person script = server.withToken(make(sanne, token("Vragenbord", "questions")).getString("token"));
    script.post(QUESTIONS, new JsonObject().put("text", "Hoe lees ik de stooklijn af?")).expect(201);
    assertTrue(sanne.get(QUESTIONS).body().contains("Hoe lees ik de stooklijn af?"));
    script.get(QUESTIONS).expect(200);
    assertEquals("insufficient_scope", script.get("/me/journal").expect(403).errorCode());
  }

  @Test
  @DisplayName("No token, whatever its scopes, makes tokens, changes a password, downloads a person's data or logs in")
  void sessionOnly() {
    Person script = server.withToken(make(sanne, token("Alles", "read", "account", "notes", "questions")).getString("token"));
    for (Response refused : List.of(
        script.post("/api-tokens", token("Nog een", "read")),
        script.get("/api-tokens"),
        script.post("/me/password", new JsonObject().put("currentPassword", "welkom2026").put("newPassword", "kraan-pomp-ventiel-44")),
        script.get("/me/export"),
        script.post("/auth/logout", null))) {
      assertEquals(403, refused.status(), refused::body);
      assertEquals("token_not_accepted", refused.errorCode());
    }
    assertEquals(1, sanne.get("/api-tokens").expect(200).array().stream()
        .filter(t -> ((JsonObject) t).getString("name").equals("Alles")).count());
  }

  @Test
  @DisplayName("A revoked token gets 401 at once; the creation and the revocation are in Van Dijk's audit trail")
  void revoked() {
    JsonObject made = make(sanne, token("Tijdelijk", "read"));
    Person script = server.withToken(made.getString("token"));
    script.get("/me").expect(200);
    server.anonymous().delete("/api-tokens/" + made.getString("id")).expect(401);
    ingrid.delete("/api-tokens/" + made.getString("id")).expect(404);
    sanne.delete("/api-tokens/" + made.getString("id")).expect(204);

    assertEquals("token_revoked", script.get("/me").expect(401).errorCode());
    assertEquals("revoked", listed(sanne, made.getString("id")).getString("status"));
    sanne.delete("/api-tokens/" + made.getString("id")).expect(204);

    JsonArray trail = ingrid.get("/organisations/demo-vandijk/audit").expect(200).array();
    List<String> actions = trail.stream().map(JsonObject.class::cast)
        .filter(r -> made.getString("id").equals(r.getJsonObject("details").getString("tokenId")))
        .map(r -> r.getString("action") + " by " + r.getString("actorId")).toList();
    assertEquals(List.of("token.created by demo-sanne", "token.revoked by demo-sanne"), actions);
  }

  @Test
  @DisplayName("Unknown, mangled or guessed tokens get 401, never the answer for no one")
  void invalid() {
    JsonObject made = make(sanne, token("Echt", "read"));
    String real = made.getString("token");
    for (String wrong : List.of("nonsense", "lk_" + made.getString("id") + ".not-the-secret",
        "lk_AAAAAAAAAAAAAAAAAAAA." + real.substring(real.indexOf('.') + 1), real + "x")) {
      Response refused = server.withToken(wrong).get("/communities");
      assertEquals(401, refused.status(), wrong);
      assertEquals("token_invalid", refused.errorCode());
    }
    // Even where no login is needed: a token that does not work is refused, not ignored.
    assertEquals(401, server.withToken("nonsense").get("/invitations/AbsolutelyNoSuchInvitationToken0123").status());
  }

  @Test
  @DisplayName("A token opens no page: 401 with a message that says where it works")
  void neverOnAPage() {
    Person script = server.withToken(make(sanne, token("Pagina's", "read")).getString("token"));
    for (String page : List.of("/", "/settings/tokens", "/c/demo-warmtepomp", "/login")) {
      Response answer = script.page(page);
      assertEquals(401, answer.status(), page);
      assertTrue(answer.body().contains("/api/v1"), answer::body);
      assertTrue(answer.raw().getHeader("WWW-Authenticate").startsWith("Bearer"));
    }
  }

  @Test
  @DisplayName("Every use is counted, also across a restart; the list never shows a secret")
  void usesCounted() {
    JsonObject made = make(sanne, token("Teller", "read"));
    Person script = server.withToken(made.getString("token"));
    for (int i = 0; i < 5; i++) {
      script.get("/me").expect(200);
    }
    script.post(QUESTIONS, new JsonObject().put("text", "Telt een weigering mee?")).expect(403);
    JsonObject listed = listed(sanne, made.getString("id"));
    assertEquals(6, listed.getLong("uses"));
    assertNull(listed.getString("token"));
    assertFalse(sanne.get("/api-tokens").body().contains(made.getString("token").substring(made.getString("token").indexOf('.') + 1)));

    server.restart(false);
    // A restarted server listens on another free port: the same people and script, connected anew.
    sanne = server.demo("sanne");
    ingrid = server.demo("hr@vandijk-installatie.nl");
    assertEquals(6, listed(sanne, made.getString("id")).getLong("uses"), "the uses were written when the server stopped");
    server.withToken(made.getString("token")).get("/me").expect(200);
    assertEquals(7, listed(sanne, made.getString("id")).getLong("uses"));
  }

  @Test
  @DisplayName("Ingrid makes a read token for Van Dijk: it reads the company's audit trail, nothing of another company, and Sanne cannot revoke it")
  void companyToken() {
    JsonObject made = make(ingrid, token("BI-koppeling", "read").put("organisationId", "demo-vandijk"));
    assertEquals("demo-vandijk", made.getString("organisationId"));
    Person bi = server.withToken(made.getString("token"));
    bi.get("/organisations/demo-vandijk/audit").expect(200);
    bi.get("/organisations/demo-vandijk").expect(200);
    bi.get("/organisations/demo-delinde").expect(404);
    ingrid.post("/api-tokens", token("Niet van mij", "read").put("organisationId", "demo-delinde")).expect(404);
    sanne.post("/api-tokens", token("Geen beheerder", "read").put("organisationId", "demo-vandijk")).expect(404);
    sanne.delete("/api-tokens/" + made.getString("id")).expect(404);
    assertTrue(sanne.get("/api-tokens").array().stream()
        .noneMatch(t -> ((JsonObject) t).getString("id").equals(made.getString("id"))));
    assertEquals("demo-vandijk", listed(ingrid, made.getString("id")).getString("organisationId"));
  }

  @Test
  @DisplayName("Bad input is refused with the field named and makes no token")
  void badInput() {
    int before = sanne.get("/api-tokens").array().size();
    assertEquals("scopes", sanne.post("/api-tokens", token("Niets")).expect(400)
        .json().getJsonObject("error").getJsonObject("details").getString("field"));
    assertTrue(sanne.post("/api-tokens", token("Raar", "everything")).expect(400)
        .json().getJsonObject("error").getJsonObject("details").getString("field").startsWith("scopes"));
    assertEquals("name", sanne.post("/api-tokens", token("", "read")).expect(400)
        .json().getJsonObject("error").getJsonObject("details").getString("field"));
    sanne.post("/api-tokens", token("Te lang", "read").put("expiresInDays", 1000)).expect(400);
    assertEquals(before, sanne.get("/api-tokens").array().size());
  }

  @Test
  @DisplayName("Kees's token stops working when his company admin erases his account")
  void erasedPerson() {
    Person kees = server.demo("kees");
    Person script = server.withToken(make(kees, token("Van Kees", "read")).getString("token"));
    script.get("/me").expect(200);
    ingrid.delete("/organisations/demo-vandijk/people/demo-kees").expect(204);
    assertEquals("token_invalid", script.get("/me").expect(401).errorCode());
  }

  @Test
  @DisplayName("A token stops working when it expires (the clock moved past its one day)")
  void expires() {
    JsonObject made = make(sanne, token("Een dag", "read").put("expiresInDays", 1));
    Person script = server.withToken(made.getString("token"));
    script.get("/me").expect(200);
    server.clock().advance(Duration.ofHours(25));
    try {
      assertEquals("token_expired", script.get("/me").expect(401).errorCode());
      assertEquals("expired", listed(sanne, made.getString("id")).getString("status"));
    } finally {
      server.clock().advance(Duration.ofHours(-25));
    }
  }
}
