package nl.leerkring.fieldnote;

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
@DisplayName("Field notes")
class FieldNoteTest {

  private static final String COMMUNITY = "/communities/demo-warmtepomp";
  private static TestServer server;
  private static Person sanne;

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.withDemo(vertx);
    sanne = server.demo("sanne");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName("A technician writes an experiment note that answers an open question, and it shows on the question")
  void experimentNoteAnswersQuestion() {
    JsonObject note = sanne.post(COMMUNITY + "/notes", new JsonObject()
        .put("kind", "experiment")
        .put("text", "Buffervat weggelaten bij een vloerverwarmingswoning")
        .put("tried", "Zonder buffervat opgeleverd, minimale flow gecontroleerd")
        .put("happened", "Geen pendelen gezien in de eerste week")
        .put("questionIds", new JsonArray().add("demo-q-buffer"))).expect(201).json();

    assertEquals("experiment", note.getString("kind"));
    assertEquals("Geen pendelen gezien in de eerste week", note.getString("happened"));

    JsonObject question = sanne.get("/questions/demo-q-buffer").ok();
    assertTrue(question.getJsonArray("notes").stream()
        .anyMatch(n -> note.getString("id").equals(((JsonObject) n).getString("id"))));

    JsonObject mehmetsView = server.demo("mehmet").get("/notes/" + note.getString("id")).ok();
    assertEquals("Sanne Visser", mehmetsView.getString("authorName"));
  }

  @Test
  @DisplayName("A private reflection is seen by its author only, not by colleagues, facilitator or employer")
  void privateNoteStaysPrivate() {
    JsonObject note = sanne.post(COMMUNITY + "/notes", new JsonObject()
        .put("kind", "reflection").put("text", "Ik durf nog niet te zeggen dat ik het niet weet")
        .put("visibility", "private")).expect(201).json();
    String path = "/notes/" + note.getString("id");

    sanne.get(path).expect(200);
    for (String other : new String[] {"mehmet", "fenna@leerwerkplaats.nl", "hr@vandijk-installatie.nl"}) {
      assertEquals(404, server.demo(other).get(path).status(), other + " must not see a private note");
    }
    JsonArray journal = sanne.get("/me/journal").expect(200).array();
    assertTrue(journal.stream().anyMatch(n -> note.getString("id").equals(((JsonObject) n).getString("id"))));
    JsonObject feed = server.demo("mehmet").get(COMMUNITY + "/activity?limit=50").ok();
    assertFalse(feed.encode().contains(note.getString("id")));
  }

  @Test
  @DisplayName("Linking a note to a question of another community is refused and writes nothing")
  void foreignQuestionRefused() {
    int before = sanne.get("/me/journal").expect(200).array().size();
    JsonObject error = sanne.post(COMMUNITY + "/notes", new JsonObject().put("kind", "look-up").put("text", "x")
        .put("questionIds", new JsonArray().add("nonexistent-question"))).expect(400).json();
    assertEquals("questionIds", error.getJsonObject("error").getJsonObject("details").getString("field"));
    assertEquals(before, sanne.get("/me/journal").expect(200).array().size());
  }
}
