package nl.leerkring.report;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.audit.AuditTrail;
import nl.leerkring.community.Access;
import nl.leerkring.community.Membership;
import nl.leerkring.community.Role;
import nl.leerkring.contribution.Contribution;
import nl.leerkring.contribution.ContributionStore;
import nl.leerkring.fieldnote.Note;
import nl.leerkring.fieldnote.NoteStore;
import nl.leerkring.fieldnote.Visibility;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Problem;
import nl.leerkring.question.Question;
import nl.leerkring.question.QuestionStore;
import nl.leerkring.session.Session;
import nl.leerkring.session.SessionStore;
import nl.leerkring.web.Caller;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A community's work as files for its facilitator and its company's admins: questions with their status
 * history, sessions with attendance, agreements, contributions, and the shared notes (for the facilitator
 * only: company admins read no field notes). Private notes are in no export. Every export is recorded in the
 * company's audit trail before it is handed out.
 */
public final class Exports {

  /** A day and time as spreadsheets read them. */
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Database db;
  private final Access access;
  private final SessionStore sessions;
  private final NoteStore notes;
  private final QuestionStore questions;
  private final AuditTrail.People people;
  private final AuditTrail audit;
  private final ZoneId zone;

  public Exports(Database db, Access access, SessionStore sessions, NoteStore notes, QuestionStore questions,
                 AuditTrail.People people, AuditTrail audit, ZoneId zone) {
    this.db = db;
    this.access = access;
    this.sessions = sessions;
    this.notes = notes;
    this.questions = questions;
    this.people = people;
    this.audit = audit;
    this.zone = zone;
  }

  /** What the caller may export of the community: nothing for its participants and lecturers. */
  static JsonArray allowed(Membership m) {
    JsonArray out = new JsonArray();
    Arrays.stream(ExportDataset.values()).filter(d -> may(m, d)).forEach(d -> out.add(d.value()));
    return out;
  }

  private static boolean may(Membership m, ExportDataset dataset) {
    return m.is(Role.FACILITATOR) || (m.companyAdmin() && dataset != ExportDataset.NOTES);
  }

  /** The dataset as a table, after the export is recorded in the audit trail with its format. */
  public Future<Table> export(Caller caller, String communityId, ExportDataset dataset, String format) {
    return access.in(caller, communityId).compose(m -> {
      if (!may(m, dataset)) {
        throw Problem.forbidden(dataset == ExportDataset.NOTES
            ? "Only the facilitator exports field notes; company admins read none."
            : "Only the facilitator and the company's admins can export a community's work.");
      }
      return table(m, dataset).compose(table -> audit.record(m.community().organisationId(), caller.userId(),
          "export.community", null, new JsonObject().put("communityId", m.communityId())
              .put("dataset", dataset.value()).put("format", format)).map(table));
    });
  }

  private Future<Table> table(Membership m, ExportDataset dataset) {
    String id = m.communityId();
    return switch (dataset) {
      case QUESTIONS -> questions.ofCommunity(id).map(all -> questions(m, all));
      case QUESTION_HISTORY -> questions.ofCommunity(id).map(this::history);
      case SESSIONS -> sessions.ofCommunity(id).compose(all -> Attendees.names(m.community(), all, people)
          .map(names -> sessions(all, names)));
      case AGREEMENTS -> Future.all(sessions.ofCommunity(id), questions.ofCommunity(id))
          .map(both -> agreements(both.resultAt(0), both.resultAt(1)));
      case CONTRIBUTIONS -> Future.all(ContributionStore.ofCommunity(db, id), questions.ofCommunity(id))
          .map(both -> contributions(both.resultAt(0), both.resultAt(1)));
      case NOTES -> Future.all(notes.ofCommunity(id), questions.ofCommunity(id))
          .map(both -> notes(both.resultAt(0), both.resultAt(1)));
    };
  }

  private Table questions(Membership m, List<Question> all) {
    Table table = new Table("id", "text", "category", "priority", "status", "forLecturer", "answerSummary",
        "raisedBy", "raisedInCycle", "raisedAt", "owners", "votes", "contributions");
    all.forEach(q -> table.row(q.id(), q.text(), q.category(), q.priority().value(), q.status().value(),
        q.forLecturer(), q.answerSummary(), q.raisedByName(), q.raisedInCycle(), local(q.createdAt()),
        q.owners().stream().map(o -> m.memberName(o) == null ? "?" : m.memberName(o))
            .collect(Collectors.joining(", ")), q.votes().size(), q.contributionIds().size()));
    return table;
  }

  private Table history(List<Question> all) {
    Table table = new Table("questionId", "question", "status", "at", "by", "cycle");
    all.forEach(q -> q.history().forEach(h -> table.row(q.id(), q.text(), h.status().value(), local(h.at()),
        h.byName(), h.cycle())));
    return table;
  }

  private Table sessions(List<Session> all, Map<String, String> names) {
    Table table = new Table("id", "cycle", "startsAt", "zone", "durationMinutes", "status", "place", "presentCount",
        "present", "summary");
    all.stream().sorted(Comparator.comparing(Session::startsAt)).forEach(s -> table.row(s.id(), s.cycle(),
        s.startsAt().atZone(s.zone()).format(LOCAL), s.zone().getId(), s.durationMinutes(), s.status().value(),
        s.place(), s.attendance().size(), s.attendance().stream().map(p -> names.getOrDefault(p, "?")).sorted()
            .collect(Collectors.joining(", ")), s.summary()));
    return table;
  }

  private Table agreements(List<Session> all, List<Question> questionList) {
    Function<String, String> question = texts(questionList);
    Table table = new Table("id", "sessionId", "sessionStartsAt", "cycle", "what", "owner", "question", "due",
        "done");
    all.stream().sorted(Comparator.comparing(Session::startsAt)).forEach(s -> s.agreements().forEach(a -> table.row(
        a.id(), s.id(), s.startsAt().atZone(s.zone()).format(LOCAL), s.cycle(), a.what(), a.ownerName(),
        a.questionId() == null ? null : question.apply(a.questionId()), a.due() == null ? null : a.due().toString(),
        a.done())));
    return table;
  }

  private Table contributions(List<Contribution> all, List<Question> questionList) {
    Function<String, String> question = texts(questionList);
    Table table = new Table("id", "addedAt", "author", "kind", "text", "questions", "references");
    all.forEach(c -> table.row(c.id(), local(c.createdAt()), c.authorName(), c.kind().value(), c.text(),
        c.questionIds().stream().map(question).collect(Collectors.joining(" | ")),
        c.references().stream().map(r -> r.url() == null ? r.title() : r.title() + " (" + r.url() + ")")
            .collect(Collectors.joining(" | "))));
    return table;
  }

  /** Shared notes only: a private note exists for its author alone. */
  private Table notes(List<Note> all, List<Question> questionList) {
    Function<String, String> question = texts(questionList);
    Table table = new Table("id", "cycle", "writtenAt", "author", "kind", "text", "tried", "happened", "questions");
    all.stream().filter(n -> n.visibility() == Visibility.COMMUNITY).forEach(n -> table.row(n.id(), n.cycle(),
        local(n.createdAt()), n.authorName(), n.kind().value(), n.text(), n.tried(), n.happened(),
        n.questionIds().stream().map(question).collect(Collectors.joining(" | "))));
    return table;
  }

  private static Function<String, String> texts(List<Question> questionList) {
    Map<String, String> byId = questionList.stream().collect(Collectors.toMap(Question::id, Question::text));
    return id -> byId.getOrDefault(id, id);
  }

  private String local(Instant at) {
    return at.atZone(zone).format(LOCAL);
  }
}
