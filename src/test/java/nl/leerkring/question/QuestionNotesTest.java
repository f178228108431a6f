package nl.leerkring.question;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import nl.leerkring.support.Person;
import nl.leerkring.support.SharedStore;
import nl.leerkring.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
@DisplayName("A question's notes, however many")
class QuestionNotesTest {

  private static final String COMMUNITY = "/communities/demo-warmtepomp";
  private static SharedStore store;
  private static TestServer server;
  private static Person sanne;

  @BeforeAll
  static void start(Vertx vertx) {
    store = new SharedStore(vertx);
    server = TestServer.onMongo(vertx, store.uri(), true);
    sanne = server.demo("sanne");
  }

  @AfterAll
  static void stop() {
    server.close();
    store.close();
  }

  @Test
  @DisplayName("Sanne's group links 205 notes to one question (more than a list's head holds): the question shows every one, its document holds none of them, and a note taken off the question leaves it")
  void manyNotes() {
    List<String> written = new ArrayList<>();
    for (int i = 0; i < 205; i++) {
      written.add(note("Aanvoertemperatuur gemeten bij installatie " + i, "demo-q-meten"));
    }

    assertEquals(Set.copyOf(written), noteIds("demo-q-meten"));
    assertFalse(store.findOne("questions", "demo-q-meten").containsKey("noteIds"),
        "a question's notes are kept in a list of their own, not in the question");

    String taken = written.get(3);
    sanne.patch("/notes/" + taken, new JsonObject().put("questionIds", new JsonArray())).expect(200);
    Set<String> left = noteIds("demo-q-meten");
    assertEquals(204, left.size());
    assertFalse(left.contains(taken));
  }

  @Test
  @DisplayName("A question stored before December 2026, with its notes inside it, still shows them; a note taken off it leaves")
  void notesInsideAnOlderQuestion() {
    String older = note("Op afstand uitgelezen bij een klant", "demo-q-afstand");
    // As the server stored it before: the id in the question itself, no list of its own.
    store.mongo().removeDocument("idlists", new JsonObject().put("_id", "demo-q-afstand/notes")).await();
    store.upsert("questions", "demo-q-afstand", new JsonObject().put("noteIds", new JsonArray().add(older)));

    assertEquals(Set.of(older), noteIds("demo-q-afstand"));
    String newer = note("Tweede keer op afstand gekeken", "demo-q-afstand");
    assertEquals(Set.of(older, newer), noteIds("demo-q-afstand"));

    sanne.patch("/notes/" + older, new JsonObject().put("questionIds", new JsonArray())).expect(200);
    assertEquals(Set.of(newer), noteIds("demo-q-afstand"));
    assertTrue(store.findOne("questions", "demo-q-afstand").getJsonArray("noteIds").isEmpty());
  }

  private static String note(String text, String questionId) {
    return sanne.post(COMMUNITY + "/notes", new JsonObject().put("kind", "observation").put("text", text)
        .put("questionIds", new JsonArray().add(questionId))).expect(201).json().getString("id");
  }

  private static Set<String> noteIds(String questionId) {
    JsonObject question = sanne.get("/questions/" + questionId).ok();
    assertEquals(question.getJsonArray("notes").size(), question.getInteger("noteCount"));
    return question.getJsonArray("notes").stream().map(n -> ((JsonObject) n).getString("id"))
        .collect(Collectors.toSet());
  }
}
