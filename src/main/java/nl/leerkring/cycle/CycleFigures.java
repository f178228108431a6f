package nl.leerkring.cycle;

import io.vertx.core.json.JsonObject;
import nl.leerkring.fieldnote.Note;
import nl.leerkring.fieldnote.NoteKind;
import nl.leerkring.fieldnote.Visibility;
import nl.leerkring.question.Question;
import nl.leerkring.question.QuestionStatus;
import nl.leerkring.session.Session;
import nl.leerkring.session.SessionStatus;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What happened in one cycle, counted here from the documents themselves (the embedded store must not count).
 * A session belongs to the cycle it names, a field note to the cycle it was written in; only shared notes
 * count, so a private note shows nowhere, not even as a number. A question is in a cycle when it was raised
 * in it, changed in it, or still open when it started; its status is the one it had when the cycle ended.
 */
public record CycleFigures(int sessionsHeld, int sessionsPlanned, int attendance, int learningMinutes,
                           int sharedNotes, Map<NoteKind, Integer> notesByKind, int questionsRaised,
                           Map<QuestionStatus, Integer> questionsByStatus) {

  public CycleFigures {
    notesByKind = Map.copyOf(notesByKind);
    questionsByStatus = Map.copyOf(questionsByStatus);
  }

  public static CycleFigures of(int number, List<Session> sessions, List<Note> notes, List<Question> questions) {
    List<Session> held = held(number, sessions);
    int planned = (int) sessions.stream().filter(s -> s.cycle() == number && s.is(SessionStatus.PLANNED)).count();
    Map<NoteKind, Integer> byKind = new EnumMap<>(NoteKind.class);
    for (NoteKind kind : NoteKind.values()) {
      byKind.put(kind, 0);
    }
    List<Note> shared = shared(number, notes);
    shared.forEach(n -> byKind.merge(n.kind(), 1, Integer::sum));
    Map<QuestionStatus, Integer> byStatus = new EnumMap<>(QuestionStatus.class);
    for (QuestionStatus status : QuestionStatus.values()) {
      byStatus.put(status, 0);
    }
    questions.stream().filter(q -> inCycle(q, number))
        .forEach(q -> byStatus.merge(statusAtEnd(q, number), 1, Integer::sum));
    return new CycleFigures(held.size(), planned, held.stream().mapToInt(s -> s.attendance().size()).sum(),
        held.stream().mapToInt(s -> s.durationMinutes() * s.attendance().size()).sum(), shared.size(), byKind,
        (int) questions.stream().filter(q -> q.raisedInCycle() == number).count(), byStatus);
  }

  /** The sessions of the cycle that took place, in the order they started. */
  public static List<Session> held(int number, List<Session> sessions) {
    return sessions.stream().filter(s -> s.cycle() == number && s.is(SessionStatus.DONE))
        .sorted(Comparator.comparing(Session::startsAt)).toList();
  }

  /** The notes written in the cycle that its community may read; private ones never. */
  public static List<Note> shared(int number, List<Note> notes) {
    return notes.stream().filter(n -> n.cycle() == number && n.visibility() == Visibility.COMMUNITY).toList();
  }

  /** The status the question had when cycle {@code number} ended (or has now, while it runs). */
  public static QuestionStatus statusAtEnd(Question q, int number) {
    QuestionStatus status = null;
    for (Question.StatusChange change : q.history()) {
      if (change.cycle() <= number) {
        status = change.status();
      }
    }
    return status == null ? q.status() : status;
  }

  /** Whether the question was worked on in the cycle: raised or changed in it, or carried into it open. */
  public static boolean inCycle(Question q, int number) {
    if (q.raisedInCycle() > number) {
      return false;
    }
    return q.raisedInCycle() == number || q.history().stream().anyMatch(h -> h.cycle() == number)
        || statusAtEnd(q, number - 1).isOpen();
  }

  /** Whether the question reached {@code status} in the cycle and still had it when the cycle ended. */
  public static boolean reachedIn(Question q, int number, QuestionStatus status) {
    return statusAtEnd(q, number) == status
        && q.history().stream().anyMatch(h -> h.cycle() == number && h.status() == status);
  }

  public JsonObject view() {
    JsonObject kinds = new JsonObject();
    notesByKind.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> kinds.put(e.getKey().value(), e.getValue()));
    JsonObject statuses = new JsonObject();
    questionsByStatus.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> statuses.put(e.getKey().value(), e.getValue()));
    return new JsonObject()
        .put("sessionsHeld", sessionsHeld)
        .put("sessionsPlanned", sessionsPlanned)
        .put("attendance", attendance)
        .put("learningHours", learningHours())
        .put("sharedNotes", sharedNotes)
        .put("notesByKind", kinds)
        .put("questionsRaised", questionsRaised)
        .put("questionsByStatus", statuses);
  }

  /** Session hours times the people present, to a tenth of an hour. */
  public double learningHours() {
    return Math.round(learningMinutes / 6.0) / 10.0;
  }
}
