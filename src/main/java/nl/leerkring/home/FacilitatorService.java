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
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The facilitator's view across the communities they serve: who took part in the recent weeks and who has been
 * quiet since the last session, which questions nobody investigates, which agreements are overdue, and what is
 * planned. Participation is counted,
 * never read: a note shared with the community counts as a note; a private note is not counted, since even
 * its existence is its writer's; a prompt answer counts as an answer, as the facilitator already sees who
 * answered.
 */
public final class FacilitatorService {

  /** Participation is shown over the last six weeks: two or three sessions, as many rounds of prompts. */
  static final int RECENT_WEEKS = 6;

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
    Instant from = now.minus(RECENT_WEEKS * 7L, ChronoUnit.DAYS);
    return agenda.sessions(m.communityId()).compose(sessions -> {
      Instant lastStart = Agenda.last(sessions, now).map(Session::startsAt).orElse(null);
      String since = lastStart == null ? null : Times.format(lastStart);
      Future<List<Note>> notes = agenda.notes(m.communityId());
      Future<List<Question>> questions = agenda.questions(m.communityId());
      Future<PromptService.Uptake> uptake = prompts.uptake(m, since);
      Future<PromptService.Uptake> recent = prompts.uptake(m, Times.format(from));
      List<Session> held = held(sessions, from, now);
      Future<JsonObject> found = lastStart == null ? Future.succeededFuture(new JsonObject().put("first", true))
          : sinceLastTime.between(m, lastStart, null);
      return Future.all(List.of(notes, questions, uptake, recent, found)).map(done -> new JsonObject()
          .put("sinceLastTime", found.result())
          .put("id", m.communityId())
          .put("title", m.community().title())
          .put("since", since)
          .put("weeks", RECENT_WEEKS)
          .put("sessionsHeld", held.size())
          .put("participation", participation(m, new Period(from, lastStart), held, notes.result(),
              recent.result().answersByMember(), uptake.result().answersByMember()))
          .put("unowned", unowned(questions.result()))
          .put("overdue", overdue(sessions))
          .put("plannedPrompts", uptake.result().planned())
          .put("comingSessions", coming(sessions, now)));
    });
  }

  /** Counted from {@code from} (the recent weeks); quiet is whoever shared and answered nothing since {@code lastSession}. */
  private record Period(Instant from, Instant lastSession) {
  }

  /** The sessions of the recent weeks that were run (live or done), whose attendance the facilitator took. */
  private static List<Session> held(List<Session> sessions, Instant from, Instant now) {
    return sessions.stream()
        .filter(s -> (s.is(SessionStatus.LIVE) || s.is(SessionStatus.DONE))
            && !s.startsAt().isBefore(from) && !s.startsAt().isAfter(now))
        .toList();
  }

  private static JsonArray participation(Membership m, Period period, List<Session> held, List<Note> notes,
                                         Map<String, Integer> recentAnswers, Map<String, Integer> answersSinceLast) {
    JsonArray out = new JsonArray();
    m.community().withRole(Role.PARTICIPANT)
        .forEach(member -> {
          String id = member.userId();
          long recent = shared(notes, id, period.from());
          boolean quiet = shared(notes, id, period.lastSession()) == 0 && answersSinceLast.getOrDefault(id, 0) == 0;
          long attended = held.stream().filter(s -> s.attendance().contains(id)).count();
          out.add(new JsonObject().put("userId", id).put("displayName", member.displayName())
              .put("notes", recent).put("answers", recentAnswers.getOrDefault(id, 0)).put("attended", attended)
              .put("quiet", quiet));
        });
    return out;
  }

  /** Notes the member shared with the community since {@code since} (all of them when null). */
  private static long shared(List<Note> notes, String userId, Instant since) {
    return notes.stream()
        .filter(n -> userId.equals(n.authorId()) && n.visibility() == Visibility.COMMUNITY && n.promptId() == null
            && (since == null || !n.createdAt().isBefore(since)))
        .count();
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
