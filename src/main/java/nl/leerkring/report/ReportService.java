package nl.leerkring.report;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.audit.AuditTrail;
import nl.leerkring.community.Access;
import nl.leerkring.community.CommunityStore;
import nl.leerkring.community.Membership;
import nl.leerkring.community.Role;
import nl.leerkring.contribution.Contribution;
import nl.leerkring.contribution.ContributionStore;
import nl.leerkring.cycle.Cycle;
import nl.leerkring.cycle.CycleFigures;
import nl.leerkring.cycle.CycleStore;
import nl.leerkring.fieldnote.Note;
import nl.leerkring.fieldnote.NoteStore;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.IdLists;
import nl.leerkring.platform.Problem;
import nl.leerkring.question.Question;
import nl.leerkring.question.QuestionStore;
import nl.leerkring.session.Session;
import nl.leerkring.session.SessionStore;
import nl.leerkring.web.Caller;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A cycle's harvest report: members of the community read their own community's, its company's admins read
 * their companies', and a manager the communities their people are in; the facilitator picks the shared notes it highlights. A PDF is an export and is recorded in
 * the company's audit trail.
 */
public final class ReportService {

  private final Database db;
  private final Access access;
  private final CycleStore cycles;
  private final SessionStore sessions;
  private final NoteStore notes;
  private final QuestionStore questions;
  private final HighlightStore highlights;
  private final AuditTrail.People people;
  private final AuditTrail audit;
  private final ScanSection scans;
  private final ReportPdf pdf;

  public ReportService(Database db, Access access, CycleStore cycles, SessionStore sessions, NoteStore notes,
                       QuestionStore questions, AuditTrail.People people, AuditTrail audit, ScanSection scans,
                       ReportPdf pdf) {
    this.db = db;
    this.access = access;
    this.cycles = cycles;
    this.sessions = sessions;
    this.notes = notes;
    this.questions = questions;
    this.highlights = new HighlightStore(db);
    this.people = people;
    this.audit = audit;
    this.scans = scans;
    this.pdf = pdf;
  }

  /** The report as the API answers it and the page shows it, with the facilitator's choice of highlights. */
  public Future<JsonObject> report(Caller caller, String communityId, int number) {
    return access.reading(caller, communityId, "community").compose(m -> report(m, number));
  }

  /** The report as a PDF, in the caller's language; the download is recorded in the audit trail first. */
  public Future<Buffer> pdf(Caller caller, String communityId, int number, String language) {
    return access.reading(caller, communityId, "community").compose(m -> report(m, number)
        .compose(report -> audit.record(m.community().organisationId(), caller.userId(), "export.report", null,
                new JsonObject().put("communityId", m.communityId()).put("cycle", number).put("format", "pdf"))
            .compose(recorded -> pdf.of(report, language))));
  }

  private Future<JsonObject> report(Membership m, int number) {
    return read(m, number).map(read -> {
      JsonObject report = HarvestReport.of(read.sources());
      if (read.scan() != null) {
        report.put("scan", read.scan());
      }
      if (m.is(Role.FACILITATOR)) {
        report.put("highlightCandidates", HarvestReport.candidates(read.sources().highlights(),
            read.sources().notes(), number));
      }
      return report.put("exports", Exports.allowed(m));
    });
  }

  /**
   * The facilitator's choice of highlights: shared notes of this cycle only. Any other id, a private note
   * included, is refused as unknown, so the answer tells nobody that a private note exists.
   */
  public Future<JsonObject> pickHighlights(Caller caller, String communityId, int number, JsonArray noteIds) {
    return access.in(caller, communityId).compose(m -> {
      m.requireRole(Role.FACILITATOR);
      return cycle(m, number).compose(cycle -> notes.ofCommunity(m.communityId())).compose(all -> {
        Set<String> shared = new HashSet<>();
        CycleFigures.shared(number, all).forEach(note -> shared.add(note.id()));
        List<String> picked = new ArrayList<>(new LinkedHashSet<>(IdLists.strings(noteIds)));
        if (!shared.containsAll(picked)) {
          throw Problem.invalidField("noteIds", "unknown_notes",
              "Only shared notes of this cycle can be highlights.");
        }
        return db.writes().apply(HighlightStore.picked(new Highlights(CommunityStore.cycleId(m.communityId(), number),
            m.communityId(), number, picked, m.userId(), db.clock().instant())));
      }).compose(done -> report(m, number));
    });
  }

  private Future<Cycle> cycle(Membership m, int number) {
    return cycles.byNumber(m.communityId(), number).map(cycle -> {
      if (cycle == null) {
        throw Problem.notFound("cycle");
      }
      return cycle;
    });
  }

  private record Read(HarvestReport.Sources sources, JsonObject scan) {
  }

  private Future<Read> read(Membership m, int number) {
    String id = m.communityId();
    return cycle(m, number).compose(cycle -> Future.all(List.of(sessions.ofCommunity(id), notes.ofCommunity(id),
        questions.ofCommunity(id), ContributionStore.ofCommunity(db, id), highlights.of(id, number),
        scans.forReport(m, cycle))).compose(all -> {
          List<Session> sessionList = all.resultAt(0);
          return Attendees.names(m.community(), CycleFigures.held(number, sessionList), people)
              .map(names -> new Read(new HarvestReport.Sources(m.community(), cycle, sessionList,
                  all.<List<Note>>resultAt(1), all.<List<Question>>resultAt(2), all.<List<Contribution>>resultAt(3),
                  all.resultAt(4), names), all.resultAt(5)));
        }));
  }
}
