package nl.leerkring.home;

import io.vertx.core.json.JsonObject;
import nl.leerkring.question.Priority;
import nl.leerkring.question.Question;
import nl.leerkring.question.QuestionStatus;
import nl.leerkring.session.Agreement;
import nl.leerkring.session.Phase;
import nl.leerkring.session.Session;
import nl.leerkring.session.SessionStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the overview pages put on a community's agenda: the next session, open questions, open agreements. */
@DisplayName("A community's agenda")
class AgendaTest {

  private static final Instant NOW = Instant.parse("2027-03-10T12:00:00Z");

  private static Session session(String id, SessionStatus status, String startsAt, Agreement... agreements) {
    return new Session(id, "c1", 1, Instant.parse(startsAt), ZoneId.of("Europe/London"), 120, null, null, status,
        Phase.CHECK_IN, List.of(Phase.CHECK_IN), List.of(), List.of(agreements), List.of(), null, 0, NOW);
  }

  private static Agreement agreement(String id, String due, boolean done) {
    return new Agreement(id, "Checklist maken", "u-1", "Sanne", null, due == null ? null : LocalDate.parse(due), done,
        NOW);
  }

  private static List<String> ids(List<JsonObject> views, String field) {
    return views.stream().map(d -> d.getString(field)).toList();
  }

  @Test
  @DisplayName("The next session is the soonest planned one that has not begun; a cancelled or past one never is")
  void nextSession() {
    List<Session> sessions = List.of(
        session("past", SessionStatus.PLANNED, "2027-03-09T12:00:00Z"),
        session("cancelled", SessionStatus.CANCELLED, "2027-03-11T12:00:00Z"),
        session("later", SessionStatus.PLANNED, "2027-04-01T12:00:00Z"),
        session("soonest", SessionStatus.PLANNED, "2027-03-12T12:00:00Z"));
    assertEquals("soonest", Agenda.next(sessions, NOW).orElseThrow().id());
    assertTrue(Agenda.next(List.of(session("past", SessionStatus.PLANNED, "2027-03-09T12:00:00Z")), NOW).isEmpty());
  }

  @Test
  @DisplayName("Participation is counted from the latest session that has begun, whatever its status")
  void lastSession() {
    List<Session> sessions = List.of(
        session("first", SessionStatus.DONE, "2027-02-01T12:00:00Z"),
        session("running", SessionStatus.LIVE, "2027-03-10T11:00:00Z"),
        session("coming", SessionStatus.PLANNED, "2027-03-20T12:00:00Z"));
    assertEquals("running", Agenda.last(sessions, NOW).orElseThrow().id());
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
        List.of(), List.of(), Instant.parse("2027-01-01T00:00:00Z").plus(Duration.ofDays(day)));
  }

  @Test
  @DisplayName("Agreements not yet done come from every session, the earliest due first and those without a date last")
  void openAgreements() {
    Session earlier = session("s1", SessionStatus.DONE, "2027-02-01T12:00:00Z",
        agreement("a-done", "2027-02-05", true), agreement("a-undated", null, false));
    Session later = session("s2", SessionStatus.DONE, "2027-03-01T12:00:00Z",
        agreement("a-late", "2027-04-01", false), agreement("a-soon", "2027-03-05", false));
    List<JsonObject> open = Agenda.openAgreements(List.of(earlier, later));
    assertEquals(List.of("a-soon", "a-late", "a-undated"), ids(open, "id"));
    assertEquals(List.of("s2", "s2", "s1"), ids(open, "sessionId"), "each knows the session it was made in");
    assertEquals("c1", open.get(0).getString("communityId"));
  }

  @Test
  @DisplayName("A session on the agenda carries its own zone, so a page can show it in that zone")
  void sessionCarriesItsZone() {
    Session kantine = session("s1", SessionStatus.PLANNED, "2027-03-12T09:00:00Z");
    JsonObject shown = Agenda.session(new Session(kantine.id(), kantine.communityId(), 1, kantine.startsAt(),
        kantine.zone(), 120, "Kantine", null, SessionStatus.PLANNED, Phase.CHECK_IN, kantine.phases(), List.of(),
        List.of(), List.of(), null, 0, NOW));
    assertEquals("s1", shown.getString("id"));
    assertEquals("Europe/London", shown.getString("zone"));
    assertEquals("Kantine", shown.getString("place"));
  }
}
