package nl.leerkring.prompt;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.core.http.HttpMethod;
import nl.leerkring.support.Person;
import nl.leerkring.support.Response;
import nl.leerkring.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

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
  @DisplayName("A member double-taps the answer button: one note, and both answers point to it")
  void doubleTappedAnswer() {
    String answers = "/prompts/" + fenna.post(COMMUNITY + "/prompts", new JsonObject()
        .put("text", "Wat ging er deze week anders dan gepland?")).expect(201).json().getString("id") + "/answers";
    Person kees = server.demo("kees");
    int journal = kees.get("/me/journal").expect(200).array().size();
    JsonObject answer = new JsonObject().put("text", "De pomp stond verkeerd ingeregeld.");

    List<Response> taps = Person.answers(kees.sendNow(HttpMethod.POST, answers, answer, "tap-7f3a9c21"),
        kees.sendNow(HttpMethod.POST, answers, answer, "tap-7f3a9c21"));

    assertEquals(201, taps.get(0).status(), taps.get(0).body());
    assertEquals(201, taps.get(1).status(), taps.get(1).body());
    String noteId = taps.get(0).json().getString("id");
    assertEquals(noteId, taps.get(1).json().getString("id"), "the second answer points at the first note");
    assertEquals(journal + 1, kees.get("/me/journal").expect(200).array().size());
    assertEquals("already_answered", kees.post(answers, answer).expect(409).errorCode(),
        "an answer without the token, later, is refused");
    assertEquals(201, kees.sendNow(HttpMethod.POST, answers, answer, "tap-7f3a9c21").await().status(),
        "a retry with the same token, later, gets the first note again");
    assertEquals("already_answered", kees.sendNow(HttpMethod.POST, answers, answer, "another-tap-1").await()
        .expect(409).errorCode());
  }

  @Test
  @DisplayName("Two answers to one prompt sent at once with different tokens: one note, the other gets 409")
  void twoAnswersAtOnce() {
    String answers = "/prompts/" + fenna.post(COMMUNITY + "/prompts", new JsonObject()
        .put("text", "Welke vraag bleef liggen?")).expect(201).json().getString("id") + "/answers";
    Person joost = server.demo("joost");
    int journal = joost.get("/me/journal").expect(200).array().size();

    List<Response> both = Person.answers(
        joost.sendNow(HttpMethod.POST, answers, new JsonObject().put("text", "Op de telefoon"), null),
        joost.sendNow(HttpMethod.POST, answers, new JsonObject().put("text", "Op de laptop"), null));

    assertEquals(List.of(201, 409), both.stream().map(Response::status).sorted().toList(),
        () -> both.stream().map(Response::body).toList().toString());
    assertEquals(journal + 1, joost.get("/me/journal").expect(200).array().size());
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
