package nl.leerkring.home;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import nl.leerkring.community.Membership;
import nl.leerkring.cycle.Cycle;
import nl.leerkring.cycle.CycleStore;
import nl.leerkring.fieldnote.Note;
import nl.leerkring.fieldnote.NoteStore;
import nl.leerkring.platform.Times;
import nl.leerkring.question.Question;
import nl.leerkring.question.QuestionStore;
import nl.leerkring.session.Session;
import nl.leerkring.session.SessionStatus;
import nl.leerkring.session.SessionStore;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Read-only views of a community's rhythm for the overview pages: its cycle, sessions, agreements,
 * questions and notes. Every read takes an id list by _id and then a bounded number of documents by _id;
 * the features that write these documents keep their own rules.
 */
public final class Agenda {

  /** Sessions come every two to four weeks: twenty reach back about a year. */
  public static final int RECENT_SESSIONS = 20;
  /** Enough for the questions a community still works on; answered ones pile up at the old end. */
  public static final int RECENT_QUESTIONS = 200;
  /** Notes written since the last session are a few dozen; this bounds a very busy community. */
  public static final int RECENT_NOTES = 300;

  private final QuestionStore questions;
  private final SessionStore sessions;
  private final NoteStore notes;
  private final CycleStore cycles;

  public Agenda(QuestionStore questions, SessionStore sessions, NoteStore notes, CycleStore cycles) {
    this.questions = questions;
    this.sessions = sessions;
    this.notes = notes;
    this.cycles = cycles;
  }

  public Future<Cycle> currentCycle(Membership m) {
    return cycles.byNumber(m.communityId(), m.currentCycle());
  }

  public Future<List<Session>> sessions(String communityId) {
    return sessions.newestPlanned(communityId, RECENT_SESSIONS);
  }

  /** As lists show them: without history and links (see {@link QuestionStore#newestListed}). */
  public Future<List<Question>> questions(String communityId) {
    return questions.newestListed(communityId, RECENT_QUESTIONS);
  }

  public Future<List<Note>> notes(String communityId) {
    return notes.newest(communityId, RECENT_NOTES);
  }

  /** Open and investigating questions, the most pressing first. */
  public static List<Question> open(List<Question> questions) {
    return questions.stream().filter(Question::isOpen).sorted(Question.BY_PRIORITY).toList();
  }

  /** The first planned session that has not started yet. */
  public static Optional<Session> next(List<Session> sessions, Instant now) {
    return sessions.stream()
        .filter(s -> s.is(SessionStatus.PLANNED) && !s.startsAt().isBefore(now))
        .min(Comparator.comparing(Session::startsAt));
  }

  /** The latest session that has begun: participation is counted from its start. */
  public static Optional<Session> last(List<Session> sessions, Instant now) {
    return sessions.stream()
        .filter(s -> !s.startsAt().isAfter(now))
        .max(Comparator.comparing(Session::startsAt));
  }

  /** Agreements not yet done, each with the session and community it was made in, the earliest due first. */
  public static List<JsonObject> openAgreements(List<Session> sessions) {
    return sessions.stream().flatMap(s -> s.agreements().stream().filter(a -> !a.done())
            .map(a -> a.view().put("sessionId", s.id()).put("communityId", s.communityId())))
        .sorted(Comparator.comparing(a -> a.getString("due") == null ? "9999" : a.getString("due")))
        .toList();
  }

  /** A session as the pages show it. */
  public static JsonObject session(Session s) {
    return new JsonObject().put("id", s.id()).put("startsAt", Times.format(s.startsAt())).put("zone", s.zone().getId())
        .put("place", s.place()).put("onlineLink", s.onlineLink()).put("cycle", s.cycle())
        .put("communityId", s.communityId());
  }
}
