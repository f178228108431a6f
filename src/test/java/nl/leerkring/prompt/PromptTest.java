package nl.leerkring.prompt;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import nl.leerkring.support.Person;
import nl.leerkring.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
@DisplayName("Prompts")
class PromptTest {

  private static final String COMMUNITY = "/communities/demo-warmtepomp";
  private static TestServer server;
  private static Person fenna;
  private static Person lotte;

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.withDemo(vertx);
    fenna = server.demo("fenna@leerwerkplaats.nl");
    lotte = server.demo("lotte");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName("A facilitator sends a prompt; a member answers it as a private reflection; the facilitator sees who")
  void answerPrompt() {
    JsonObject prompt = fenna.post(COMMUNITY + "/prompts", new JsonObject()
        .put("text", "Probeer deze week iets nieuws of anders")).expect(201).json();
    JsonArray mine = lotte.get("/me/prompts").expect(200).array();
    assertTrue(mine.stream().anyMatch(p -> prompt.getString("id").equals(((JsonObject) p).getString("id"))));

    JsonObject note = lotte.post("/prompts/" + prompt.getString("id") + "/answers", new JsonObject()
        .put("text", "Ik heb de klant zelf de thermostaat laten instellen.")).expect(201).json();
    assertEquals("reflection", note.getString("kind"));
    assertEquals("private", note.getString("visibility"));
    assertEquals(prompt.getString("id"), note.getString("promptId"));
    assertTrue(lotte.get("/me/journal").expect(200).array().stream()
        .anyMatch(n -> note.getString("id").equals(((JsonObject) n).getString("id"))));

    JsonObject overview = fenna.get(COMMUNITY + "/prompts").expect(200).array().stream()
        .map(p -> (JsonObject) p).filter(p -> prompt.getString("id").equals(p.getString("id"))).findFirst().orElseThrow();
    assertEquals("Lotte Smit", overview.getJsonArray("answeredBy").getJsonObject(0).getString("displayName"));
    assertEquals(404, fenna.get("/notes/" + note.getString("id")).status(), "the answer itself stays private");
    assertEquals("already_answered", lotte.post("/prompts/" + prompt.getString("id") + "/answers",
        new JsonObject().put("text", "Nog eens")).expect(409).errorCode());
  }

  @Test
  @DisplayName("A prompt scheduled for later reaches nobody yet, and only its chosen recipients once it does")
  void scheduledAndTargeted() {
    String later = LocalDateTime.now(ZoneId.of("Europe/Amsterdam")).plusDays(3).truncatedTo(ChronoUnit.MINUTES).toString();
    JsonObject scheduled = fenna.post(COMMUNITY + "/prompts", new JsonObject().put("text", "Deel een leersnack")
        .put("sendAt", later)).expect(201).json();
    assertFalse(scheduled.getBoolean("sent"));
    assertTrue(lotte.get("/me/prompts").expect(200).array().stream()
        .noneMatch(p -> scheduled.getString("id").equals(((JsonObject) p).getString("id"))));
    assertEquals(404, lotte.post("/prompts/" + scheduled.getString("id") + "/answers",
        new JsonObject().put("text", "te vroeg")).status());

    JsonObject targeted = fenna.post(COMMUNITY + "/prompts", new JsonObject().put("text", "Wat helpt je leren?")
        .put("recipientIds", new JsonArray().add("demo-kees"))).expect(201).json();
    assertTrue(lotte.get(COMMUNITY + "/prompts").expect(200).array().stream()
        .noneMatch(p -> targeted.getString("id").equals(((JsonObject) p).getString("id"))));
    assertTrue(server.demo("kees").get("/me/prompts").expect(200).array().stream()
        .anyMatch(p -> targeted.getString("id").equals(((JsonObject) p).getString("id"))));
  }

  @Test
  @DisplayName("A prompt in the past, to a stranger, or from a participant is refused")
  void badPrompts() {
    assertEquals(400, fenna.post(COMMUNITY + "/prompts", new JsonObject().put("text", "x")
        .put("sendAt", "2021-03-01T08:00")).status());
    assertEquals(400, fenna.post(COMMUNITY + "/prompts", new JsonObject().put("text", "x")
        .put("recipientIds", new JsonArray().add("demo-anouk"))).status());
    assertEquals(403, lotte.post(COMMUNITY + "/prompts", new JsonObject().put("text", "x")).status());
  }
}
