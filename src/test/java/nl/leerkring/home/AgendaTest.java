package nl.leerkring.home;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.question.Priority;
import nl.leerkring.question.Question;
import nl.leerkring.question.QuestionStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the overview pages put on a community's agenda: the next session, open questions, open agreements. */
@DisplayName("A community's agenda")
class AgendaTest {

  private static final String NOW = "2027-03-10T12:00:00Z";

  private static JsonObject session(String id, String status, String startsAt) {
    return new JsonObject().put("_id", id).put("communityId", "c1").put("status", status).put("startsAt", startsAt)
        .put("zone", "Europe/London");
  }

  private static List<String> ids(List<JsonObject> docs, String field) {
    return docs.stream().map(d -> d.getString(field)).toList();
  }

  @Test
  @DisplayName("The next session is the soonest planned one that has not begun; a cancelled or past one never is")
  void nextSession() {
    List<JsonObject> sessions = List.of(
        session("past", "planned", "2027-03-09T12:00:00Z"),
        session("cancelled", "cancelled", "2027-03-11T12:00:00Z"),
        session("later", "planned", "2027-04-01T12:00:00Z"),
        session("soonest", "planned", "2027-03-12T12:00:00Z"));
    assertEquals("soonest", Agenda.next(sessions, NOW).orElseThrow().getString("_id"));
    assertTrue(Agenda.next(List.of(session("past", "planned", "2027-03-09T12:00:00Z")), NOW).isEmpty());
  }

  @Test
  @DisplayName("Participation is counted from the latest session that has begun, whatever its status")
  void lastSession() {
    List<JsonObject> sessions = List.of(
        session("first", "done", "2027-02-01T12:00:00Z"),
        session("running", "live", "2027-03-10T11:00:00Z"),
        session("coming", "planned", "2027-03-20T12:00:00Z"));
    assertEquals("running", Agenda.last(sessions, NOW).orElseThrow().getString("_id"));
  }

  @Test
  @DisplayName("Only open and investigating questions are on the agenda, the most pressing first")
  void openQuestions() {
    List<Question> questions = List.of(
        question("answered", QuestionStatus.ANSWERED, Priority.HIGH, 1),
        question("low", QuestionStatus.OPEN, Priority.LOW, 2),
        question("busy", QuestionStatus.INVESTIGATING, Priority.HIGH, 3),
        question("parked", QuestionStatus.PARKED, Priority.HIGH, 4));
    assertEquals(List.of("busy", "low"), Agenda.open(questions).stream().map(Question::id).toList());
  }

  private static Question question(String id, QuestionStatus status, Priority priority, int day) {
    return new Question(id, "c-1", "?", "", priority, status, false, null, "u-1", "Sanne", 1, List.of(), List.of(),
        List.of(), List.of(), List.of(), Instant.parse("2027-01-01T00:00:00Z").plus(Duration.ofDays(day)));
  }

  @Test
  @DisplayName("Agreements not yet done come from every session, the earliest due first and those without a date last")
  void openAgreements() {
    JsonObject earlier = session("s1", "done", "2027-02-01T12:00:00Z").put("agreements", new JsonArray()
        .add(new JsonObject().put("id", "a-done").put("due", "2027-02-05").put("done", true))
        .add(new JsonObject().put("id", "a-undated")));
    JsonObject later = session("s2", "done", "2027-03-01T12:00:00Z").put("agreements", new JsonArray()
        .add(new JsonObject().put("id", "a-late").put("due", "2027-04-01"))
        .add(new JsonObject().put("id", "a-soon").put("due", "2027-03-05")));
    List<JsonObject> open = Agenda.openAgreements(List.of(earlier, later));
    assertEquals(List.of("a-soon", "a-late", "a-undated"), ids(open, "id"));
    assertEquals(List.of("s2", "s2", "s1"), ids(open, "sessionId"), "each knows the session it was made in");
    assertEquals("c1", open.get(0).getString("communityId"));
    assertTrue(!earlier.getJsonArray("agreements").getJsonObject(1).containsKey("sessionId"), "the session is left as it was");
  }

  @Test
  @DisplayName("A session on the agenda carries its own zone, so a page can show it in that zone")
  void sessionCarriesItsZone() {
    JsonObject shown = Agenda.session(session("s1", "planned", "2027-03-12T09:00:00Z").put("place", "Kantine"));
    assertEquals("s1", shown.getString("id"));
    assertEquals("Europe/London", shown.getString("zone"));
    assertEquals("Kantine", shown.getString("place"));
  }
}
