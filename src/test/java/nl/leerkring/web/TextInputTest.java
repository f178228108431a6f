package nl.leerkring.web;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.client.WebClientSession;
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
@DisplayName("Text that is not text (control characters, half characters) is refused at the door")
class TextInputTest {

  private static TestServer server;
  private static Person fenna;
  private static Person sanne;

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.withDemo(vertx);
    fenna = server.demo("fenna@leerwerkplaats.nl");
    sanne = server.demo("sanne");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static void refused(Person who, String method, String path, JsonObject body, String field) {
    var response = switch (method) {
      case "PATCH" -> who.patch(path, body);
      case "PUT" -> who.put(path, body);
      default -> who.post(path, body);
    };
    response.expect(400);
    assertEquals(field, response.json().getJsonObject("error").getJsonObject("details").getString("field"), body::encode);
  }

  @Test
  @DisplayName("A cycle goal of a NUL character, a name with a bell, a note with half an emoji: 400 naming the field")
  void refusedInTheApi() {
    String goal = fenna.get("/communities/demo-warmtepomp/cycles/2").ok().getString("goal");
    refused(fenna, "PATCH", "/communities/demo-warmtepomp/cycles/2", new JsonObject().put("goal", "\u0000"), "goal");
    refused(fenna, "PATCH", "/communities/demo-warmtepomp/cycles/2", new JsonObject().put("goal", "Doel\u001b[2J"), "goal");
    assertEquals(goal, fenna.get("/communities/demo-warmtepomp/cycles/2").ok().getString("goal"), "nothing changed");
    refused(sanne, "PATCH", "/me", new JsonObject().put("displayName", "Sanne\u0007"), "displayName");
    refused(sanne, "POST", "/communities/demo-warmtepomp/notes",
        new JsonObject().put("kind", "observation").put("text", "Half \uD83D emoji"), "text");
    refused(sanne, "POST", "/communities/demo-warmtepomp/notes",
        new JsonObject().put("kind", "observation").put("text", "Omgekeerd \uDE00\uD83D"), "text");
    refused(sanne, "POST", "/communities/demo-warmtepomp/notes",
        new JsonObject().put("kind", "observation").put("text", "C1 \u0085 teken"), "text");
  }

  @Test
  @DisplayName("Line breaks, tabs and whole emoji in a field note are kept as written")
  void ordinaryTextIsKept() {
    String text = "Regel 1\r\nRegel 2\tkolom 😀 één";
    JsonObject note = sanne.post("/communities/demo-warmtepomp/notes",
        new JsonObject().put("kind", "observation").put("text", text).put("visibility", "private")).expect(201).json();
    assertEquals(text, sanne.get("/notes/" + note.getString("id")).ok().getString("text"));
  }

  @Test
  @DisplayName("On the cycle page, a goal with a control character is shown again with a message at the field")
  void refusedOnAPage(Vertx vertx) {
    WebClientSession browser = WebClientSession.create(WebClient.create(vertx, new WebClientOptions()
        .setDefaultHost("127.0.0.1").setDefaultPort(server.port()).setFollowRedirects(false)));
    String csrf = browser.post("/api/v1/auth/login").sendJsonObject(new JsonObject()
        .put("login", "fenna@leerwerkplaats.nl").put("password", "welkom2026")).await().bodyAsJsonObject().getString("csrfToken");
    MultiMap form = MultiMap.caseInsensitiveMultiMap().add("_csrf", csrf).add("goal", "Nieuw\u0000doel");
    var page = browser.post("/c/demo-warmtepomp/cycles/2/goal").sendForm(form).await();
    assertEquals(400, page.statusCode(), page::bodyAsString);
    assertTrue(page.bodyAsString().contains("tekens die geen tekst zijn"), page::bodyAsString);
  }
}
