package nl.leerkring.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.community.Community;
import nl.leerkring.contribution.Contribution;
import nl.leerkring.cycle.Cycle;
import nl.leerkring.cycle.CycleFigures;
import nl.leerkring.fieldnote.Note;
import nl.leerkring.question.Question;
import nl.leerkring.question.QuestionStatus;
import nl.leerkring.session.Agreement;
import nl.leerkring.session.Session;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A cycle's harvest report as the API answers it and the template shows it, page and PDF alike. Made from the
 * cycle's documents; a private note is in none of its parts, not even in a count. The highlights are the shared
 * notes the facilitator picked, shown without their authors' names: the report is what the group learned.
 */
final class HarvestReport {

  /** What the report is made of, read by {@link ReportService}. */
  record Sources(Community community, Cycle cycle, List<Session> sessions, List<Note> notes,
                 List<Question> questions, List<Contribution> contributions, Highlights highlights,
                 Map<String, String> names) {
  }

  private HarvestReport() {
  }

  static JsonObject of(Sources in) {
    int n = in.cycle().number();
    CycleFigures figures = CycleFigures.of(n, in.sessions(), in.notes(), in.questions());
    List<Session> held = CycleFigures.held(n, in.sessions());
    List<Note> shared = CycleFigures.shared(n, in.notes());
    List<Agreement> agreements = in.sessions().stream().filter(s -> s.cycle() == n)
        .flatMap(s -> s.agreements().stream()).toList();
    List<Contribution> contributions = in.contributions().stream().filter(c -> inCycle(c, in.cycle())).toList();
    List<Question> answered = reached(in.questions(), n, QuestionStatus.ANSWERED);
    List<Question> parked = reached(in.questions(), n, QuestionStatus.PARKED);
    List<Question> stillOpen = in.questions().stream()
        .filter(q -> CycleFigures.inCycle(q, n) && CycleFigures.statusAtEnd(q, n).isOpen()).toList();
    List<Question> raised = in.questions().stream().filter(q -> q.raisedInCycle() == n).toList();
    long agreementsDone = agreements.stream().filter(Agreement::done).count();

    JsonObject counts = figures.view()
        .put("questionsAnswered", answered.size())
        .put("questionsParked", parked.size())
        .put("questionsStillOpen", stillOpen.size())
        .put("contributions", contributions.size())
        .put("agreementsDone", agreementsDone)
        .put("agreementsOpen", agreements.size() - agreementsDone);
    JsonArray kinds = new JsonArray();
    figures.notesByKind().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> kinds.add(new JsonObject().put("kind", e.getKey().value()).put("count", e.getValue())));
    return new JsonObject()
        .put("community", new JsonObject().put("id", in.community().id()).put("title", in.community().title())
            .put("challenge", in.community().challenge().view()))
        .put("cycle", in.cycle().view())
        .put("figures", counts)
        .put("sessions", sessions(held, in.names()))
        .put("questions", new JsonObject()
            .put("raised", questions(raised, n))
            .put("answered", questions(answered, n))
            .put("parked", questions(parked, n))
            .put("stillOpen", questions(stillOpen, n)))
        .put("notesByKind", kinds)
        .put("highlights", highlights(in.highlights(), shared))
        .put("contributions", contributions(contributions))
        .put("agreements", new JsonObject()
            .put("done", agreements(agreements, true))
            .put("open", agreements(agreements, false)));
  }

  /** The shared notes of the cycle, for the facilitator's choice of highlights. */
  static JsonArray candidates(Highlights picked, List<Note> notes, int cycle) {
    JsonArray out = new JsonArray();
    CycleFigures.shared(cycle, notes).forEach(note -> out.add(new JsonObject().put("id", note.id())
        .put("kind", note.kind().value()).put("text", note.text()).put("authorName", note.authorName())
        .put("picked", picked.noteIds().contains(note.id()))));
    return out;
  }

  private static boolean inCycle(Contribution c, Cycle cycle) {
    return !c.createdAt().isBefore(cycle.startedAt())
        && (cycle.closedAt() == null || c.createdAt().isBefore(cycle.closedAt()));
  }

  private static List<Question> reached(List<Question> questions, int cycle, QuestionStatus status) {
    return questions.stream().filter(q -> CycleFigures.reachedIn(q, cycle, status)).toList();
  }

  private static JsonArray sessions(List<Session> held, Map<String, String> names) {
    JsonArray out = new JsonArray();
    held.forEach(s -> out.add(new JsonObject()
        .put("id", s.id())
        .put("startsAt", s.startsAt().toString())
        .put("zone", s.zone().getId())
        .put("durationMinutes", s.durationMinutes())
        .put("hours", Math.round(s.durationMinutes() / 6.0) / 10.0)
        .put("present", s.attendance().size())
        .put("attendees", s.attendance().stream().map(id -> names.getOrDefault(id, "?"))
            .sorted().collect(Collectors.joining(", ")))
        .put("summary", s.summary())));
    return out;
  }

  private static JsonArray questions(List<Question> questions, int cycle) {
    JsonArray out = new JsonArray();
    questions.forEach(q -> out.add(new JsonObject()
        .put("id", q.id())
        .put("text", q.text())
        .put("status", CycleFigures.statusAtEnd(q, cycle).value())
        .put("answerSummary", q.answerSummary())));
    return out;
  }

  /** The picked notes that are still shared: a note its author made private since leaves the report. */
  private static JsonArray highlights(Highlights picked, List<Note> shared) {
    Map<String, Note> byId = shared.stream().collect(Collectors.toMap(Note::id, note -> note));
    JsonArray out = new JsonArray();
    picked.noteIds().stream().map(byId::get).filter(Objects::nonNull).forEach(note -> {
      JsonObject h = new JsonObject().put("id", note.id()).put("kind", note.kind().value()).put("text", note.text())
          .put("createdAt", note.createdAt().toString());
      if (note.tried() != null) {
        h.put("tried", note.tried());
      }
      if (note.happened() != null) {
        h.put("happened", note.happened());
      }
      out.add(h);
    });
    return out;
  }

  private static JsonArray contributions(List<Contribution> contributions) {
    JsonArray out = new JsonArray();
    contributions.forEach(c -> {
      JsonObject view = c.view();
      view.remove("authorId");
      out.add(view);
    });
    return out;
  }

  private static JsonArray agreements(List<Agreement> agreements, boolean done) {
    JsonArray out = new JsonArray();
    agreements.stream().filter(a -> a.done() == done).forEach(a -> out.add(new JsonObject()
        .put("what", a.what()).put("ownerName", a.ownerName())
        .put("due", a.due() == null ? null : a.due().toString())));
    return out;
  }
}
