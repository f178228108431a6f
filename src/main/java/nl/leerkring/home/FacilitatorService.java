package nl.leerkring.home;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.web.Caller;
import nl.leerkring.community.Access;
import nl.leerkring.community.CommunityStore;
import nl.leerkring.community.Membership;
import nl.leerkring.community.Role;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Problem;
import nl.leerkring.fieldnote.Note;
import nl.leerkring.fieldnote.Visibility;
import nl.leerkring.platform.Times;
import nl.leerkring.question.Question;
import nl.leerkring.session.Session;
import nl.leerkring.session.SessionStatus;
import nl.leerkring.session.SinceLastTime;
import nl.leerkring.prompt.PromptService;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The facilitator's view across the communities they serve: who took part since the last session, which
 * questions nobody investigates, which agreements are overdue, and what is planned. Participation is counted,
 * never read: a note shared with the community counts as a note; a private note is not counted, since even
 * its existence is its writer's; a prompt answer counts as an answer, as the facilitator already sees who
 * answered.
 */
public final class FacilitatorService {

  private final Database db;
  private final Access access;
  private final CommunityStore communities;
  private final Agenda agenda;
  private final PromptService prompts;
  /** The installation's zone, in which "overdue" is counted from today. */
  private final ZoneId zone;
  private final SinceLastTime sinceLastTime;

  public FacilitatorService(Database db, Access access, CommunityStore communities, Agenda agenda,
                            PromptService prompts, ZoneId zone, SinceLastTime sinceLastTime) {
    this.sinceLastTime = sinceLastTime;
    this.db = db;
    this.access = access;
    this.communities = communities;
    this.agenda = agenda;
    this.prompts = prompts;
    this.zone = zone;
  }

  public Future<JsonArray> overview(Caller caller) {
    return communities.byIds(caller.communityIds()).compose(found -> {
      List<Future<JsonObject>> served = found.stream()
          .filter(c -> c.facilitatedBy(caller.userId()))
          .map(c -> access.in(caller, c.id()).compose(this::community))
          .toList();
      if (served.isEmpty()) {
        throw Problem.forbidden("Only a facilitator has this overview.");
      }
      return Future.all(served).map(done -> {
        JsonArray out = new JsonArray();
        served.forEach(f -> out.add(f.result()));
        return out;
      });
    });
  }

  private Future<JsonObject> community(Membership m) {
    Instant now = db.clock().instant();
    return agenda.sessions(m.communityId()).compose(sessions -> {
      Instant lastStart = Agenda.last(sessions, now).map(Session::startsAt).orElse(null);
      String since = lastStart == null ? null : Times.format(lastStart);
      Future<List<Note>> notes = agenda.notes(m.communityId());
      Future<List<Question>> questions = agenda.questions(m.communityId());
      Future<PromptService.Uptake> uptake = prompts.uptake(m, since);
      Future<JsonObject> found = lastStart == null ? Future.succeededFuture(new JsonObject().put("first", true))
          : sinceLastTime.between(m, lastStart, null);
      return Future.all(notes, questions, uptake, found).map(done -> new JsonObject()
          .put("sinceLastTime", found.result())
          .put("id", m.communityId())
          .put("title", m.community().title())
          .put("since", since)
          .put("participation", participation(m, lastStart, notes.result(), uptake.result().answersByMember()))
          .put("unowned", unowned(questions.result()))
          .put("overdue", overdue(sessions))
          .put("plannedPrompts", uptake.result().planned())
          .put("comingSessions", coming(sessions, now)));
    });
  }

  private static JsonArray participation(Membership m, Instant since, List<Note> notes, Map<String, Integer> answers) {
    JsonArray out = new JsonArray();
    m.community().withRole(Role.PARTICIPANT)
        .forEach(member -> {
          String id = member.userId();
          long shared = notes.stream()
              .filter(n -> id.equals(n.authorId()) && n.visibility() == Visibility.COMMUNITY && n.promptId() == null
                  && (since == null || !n.createdAt().isBefore(since)))
              .count();
          int answered = answers.getOrDefault(id, 0);
          out.add(new JsonObject().put("userId", id).put("displayName", member.displayName())
              .put("notes", shared).put("answers", answered).put("quiet", shared == 0 && answered == 0));
        });
    return out;
  }

  private static JsonArray unowned(List<Question> questions) {
    JsonArray out = new JsonArray();
    Agenda.open(questions).stream().filter(q -> q.owners().isEmpty())
        .forEach(q -> out.add(new JsonObject().put("id", q.id()).put("text", q.text())
            .put("priority", q.priority().value())));
    return out;
  }

  private JsonArray overdue(List<Session> sessions) {
    String today = LocalDate.now(db.clock().withZone(zone)).toString();
    JsonArray out = new JsonArray();
    Agenda.openAgreements(sessions).stream().filter(a -> a.getString("due") != null && a.getString("due").compareTo(today) < 0)
        .forEach(out::add);
    return out;
  }

  private static JsonArray coming(List<Session> sessions, Instant now) {
    JsonArray out = new JsonArray();
    sessions.stream().filter(s -> s.is(SessionStatus.PLANNED) && !s.startsAt().isBefore(now))
        .sorted(Comparator.comparing(Session::startsAt))
        .forEach(s -> out.add(Agenda.session(s)));
    return out;
  }
}
