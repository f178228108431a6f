package nl.leerkring.question;

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

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
@DisplayName("Shared questions")
class LecturerAnswersQuestionTest {

  private static final String COMMUNITY = "/communities/demo-warmtepomp";
  private static TestServer server;
  private static Person ruben;
  private static Person sanne;

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.withDemo(vertx);
    ruben = server.demo("r.mulder@hogeschool-oost.nl");
    sanne = server.demo("sanne");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName("A lecturer answers a question marked for the lecturer with a contribution and an answer summary")
  void lecturerAnswers() {
    JsonObject question = sanne.get("/questions/demo-q-buffer").ok();
    assertTrue(question.getBoolean("forLecturer"));
    assertEquals("open", question.getString("status"));

    JsonObject contribution = ruben.post(COMMUNITY + "/contributions", new JsonObject()
        .put("kind", "source")
        .put("text", "Een buffervat is nodig als de minimale flow niet gehaald wordt, bijvoorbeeld bij veel "
            + "dichtgedraaide thermostaatkranen.")
        .put("questionIds", new JsonArray().add("demo-q-buffer"))
        .put("references", new JsonArray().add(new JsonObject().put("title", "Installatiehandleiding, par. 5.2")
            .put("url", "https://example.org/handleiding.pdf")))).expect(201).json();
    ruben.patch("/questions/demo-q-buffer", new JsonObject().put("status", "answered")
        .put("answerSummary", "Alleen als de minimale flow niet gegarandeerd is.")).expect(200);

    JsonObject answered = sanne.get("/questions/demo-q-buffer").ok();
    assertEquals("answered", answered.getString("status"));
    assertEquals("Alleen als de minimale flow niet gegarandeerd is.", answered.getString("answerSummary"));
    assertTrue(answered.getJsonArray("contributions").stream()
        .anyMatch(c -> contribution.getString("id").equals(((JsonObject) c).getString("id"))));
    JsonObject last = answered.getJsonArray("history").getJsonObject(answered.getJsonArray("history").size() - 1);
    assertEquals("answered", last.getString("status"));
    assertEquals("Ruben Mulder", last.getString("byName"));
    assertEquals(2, last.getInteger("cycle"));
  }

  @Test
  @DisplayName("Answering without a summary, or by a participant who does not own the question, is refused")
  void answerRules() {
    assertEquals("invalid_field", ruben.patch("/questions/demo-q-meten",
        new JsonObject().put("status", "answered")).expect(400).errorCode());
    assertEquals(403, sanne.patch("/questions/demo-q-meten", new JsonObject().put("status", "parked")).status());
    assertEquals(403, sanne.post(COMMUNITY + "/contributions", new JsonObject().put("kind", "source")
        .put("text", "x").put("questionIds", new JsonArray().add("demo-q-meten"))).status());
    assertEquals("open", sanne.get("/questions/demo-q-meten").ok().getString("status"));
  }

  @Test
  @DisplayName("A technician raises a question, votes for it and takes it on; the list puts high priority first")
  void raiseVoteOwn() {
    JsonObject raised = sanne.post(COMMUNITY + "/questions", new JsonObject()
        .put("text", "Hoe voorkomen we geluidsoverlast bij de buren?").put("priority", "high")
        .put("category", "klant")).expect(201).json();
    String path = "/questions/" + raised.getString("id");
    assertEquals(1, sanne.put(path + "/vote", null).ok().getInteger("voteCount"));
    assertEquals(1, sanne.put(path + "/vote", null).ok().getInteger("voteCount"), "one vote per person");
    JsonObject owned = sanne.put(path + "/owners/" + sanne.id(), null).ok();
    assertEquals("Sanne Visser", owned.getJsonArray("owners").getJsonObject(0).getString("displayName"));
    assertEquals(403, sanne.put(path + "/owners/demo-mehmet", null).status());

    JsonArray list = sanne.get(COMMUNITY + "/questions?status=open").expect(200).array();
    assertEquals("high", list.getJsonObject(0).getString("priority"));
    assertTrue(list.stream().allMatch(q -> "open".equals(((JsonObject) q).getString("status"))));
  }

  @Test
  @DisplayName("A question raised twice at once with the same Idempotency-Key is one question, and both answers name it")
  void questionRaisedTwiceIsOne() {
    int before = sanne.get(COMMUNITY + "/questions").expect(200).array().size();
    JsonObject question = new JsonObject().put("text", "Hoe lang moet een buffervat doorspoelen?");

    List<Response> both = Person.answers(
        sanne.sendNow(HttpMethod.POST, COMMUNITY + "/questions", question, "vraag-0c4f2a9e"),
        sanne.sendNow(HttpMethod.POST, COMMUNITY + "/questions", question, "vraag-0c4f2a9e"));

    assertEquals(List.of(201, 201), both.stream().map(Response::status).toList(),
        () -> both.stream().map(Response::body).toList().toString());
    assertEquals(both.get(0).json().getString("id"), both.get(1).json().getString("id"));
    assertEquals(before + 1, sanne.get(COMMUNITY + "/questions").expect(200).array().size());
  }
}
