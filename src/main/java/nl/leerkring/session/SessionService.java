package nl.leerkring.session;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.web.Caller;
import nl.leerkring.activity.ActivityLog;
import nl.leerkring.community.Access;
import nl.leerkring.community.Membership;
import nl.leerkring.community.Role;
import nl.leerkring.notification.Notifications;
import nl.leerkring.platform.Broadcasts;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.IdLists;
import nl.leerkring.platform.Ids;
import nl.leerkring.platform.LocalTimes;
import nl.leerkring.platform.Lost;
import nl.leerkring.platform.Problem;
import nl.leerkring.platform.Step;
import nl.leerkring.platform.Times;
import nl.leerkring.question.Question;
import nl.leerkring.question.QuestionService;
import nl.leerkring.question.QuestionStore;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Sessions of a cycle: planned by the facilitator, run through their phases, with attendance, a summary and
 * agreements. Open agreements carry over: a session shows those still open from the sessions before it.
 * Every change is published at {@link #address} on the event bus of every server process ({@link Broadcasts}),
 * so that everyone who has the session open, on whichever process, follows it live.
 */
public final class SessionService {

  private final Database db;
  private final SessionStore store;
  private final Access access;
  private final QuestionStore questionStore;
  private final QuestionService questions;
  private final ActivityLog activity;
  private final Broadcasts broadcasts;
  /** The installation's zone: where a session planned without one takes place, and what "today" is. */
  private final ZoneId zone;

  public SessionService(Database db, SessionStore store, Access access, QuestionStore questionStore,
                        QuestionService questions, ActivityLog activity, Broadcasts broadcasts, ZoneId zone) {
    this.zone = zone;
    this.db = db;
    this.store = store;
    this.access = access;
    this.questionStore = questionStore;
    this.questions = questions;
    this.activity = activity;
    this.broadcasts = broadcasts;
  }

  /** The server's time, by which a stage timer's end is shown and counted down to. */
  public Instant now() {
    return db.clock().instant();
  }

  /** The event-bus address where the changes of one session are published. */
  public static String address(String sessionId) {
    return "session." + sessionId;
  }

  private Future<List<Session>> newestFirst(String communityId) {
    return store.ofCommunity(communityId).map(all -> all.stream()
        .sorted(Comparator.comparing(Session::startsAt).reversed()).toList());
  }

  /** A community's sessions, newest first. */
  public Future<JsonArray> list(Caller caller, String communityId) {
    return access.in(caller, communityId)
        .compose(m -> newestFirst(m.communityId()))
        .map(all -> {
          JsonArray out = new JsonArray();
          all.forEach(s -> out.add(s.view()));
          return out;
        });
  }

  /** One session, or with {@code series} a series every so many weeks, all in one write. */
  public Future<JsonObject> plan(Caller caller, String communityId, JsonObject body) {
    return access.in(caller, communityId).compose(m -> {
      m.requireRole(Role.FACILITATOR);
      ZoneId at = LocalTimes.zone(body.getString("zone"), zone, "zone");
      Instant startsAt = LocalTimes.future(body.getString("startsAt"), at, db.clock().instant(), "startsAt");
      JsonObject series = body.getJsonObject("series");
      List<Instant> starts = series == null ? List.of(startsAt) : SessionSeries.starts(
          java.time.LocalDateTime.parse(body.getString("startsAt")), at, series.getInteger("everyWeeks"),
          series.getInteger("times"));
      List<Session> planned = starts.stream().map(start -> Session.planned(Ids.newId(), m.communityId(),
          m.currentCycle(), start, at, body.getInteger("durationMinutes", 120), body.getString("place"),
          body.getString("onlineLink"), agenda(body.getJsonArray("phases")), db.clock().instant())).toList();
      List<Step> steps = new ArrayList<>();
      planned.forEach(session -> {
        steps.addAll(SessionStore.planned(session));
        steps.add(SessionJobs.planned(session));
      });
      Session first = planned.get(0);
      return activity.entry(m.communityId(), "session.planned", m.userId(), m.caller().displayName(),
              new JsonObject().put("sessionId", first.id()).put("startsAt", Times.format(startsAt)))
          .compose(entry -> {
            steps.add(entry);
            return db.writes().apply(steps);
          })
          .map(done -> {
            JsonObject view = first.view();
            if (series != null) {
              view.put("series", new JsonArray(planned.stream().map(Session::view).toList()));
            }
            return view;
          });
    });
  }

  /** The phases chosen for the agenda, always in the method's order; all of them when none were chosen. */
  static List<Phase> agenda(JsonArray chosen) {
    List<Phase> all = Arrays.asList(Phase.values());
    if (chosen == null || chosen.isEmpty()) {
      return all;
    }
    return all.stream().filter(p -> chosen.contains(p.value())).toList();
  }

  /**
   * One session with the agreements still open from earlier sessions, the questions named in it and its revision.
   */
  public Future<JsonObject> get(Caller caller, String sessionId) {
    return found(caller, sessionId).compose(this::withCarriedOver);
  }

  /** Whether the caller may follow this session: the same answer as for the session itself. */
  public Future<Membership> follow(Caller caller, String sessionId) {
    return found(caller, sessionId).map(Found::membership);
  }

  public Future<JsonObject> update(Caller caller, String sessionId, JsonObject body) {
    return found(caller, sessionId).compose(found -> {
      found.membership().requireRole(Role.FACILITATOR);
      Session before = found.session();
      Session after = changed(before, body);
      if (!before.phases().contains(after.phase())) {
        throw Problem.invalidField("phase", "not_in_agenda", "This phase is not on the session's agenda.");
      }
      if (before.is(SessionStatus.DONE) && after.is(SessionStatus.PLANNED)) {
        throw Problem.conflict("session_done", "A session that took place cannot be planned again.");
      }
      return db.writes().apply(SessionJobs.changed(before, after, found.membership().userId(),
              db.clock().instant()))
          .recover(Lost.as(Problem.conflict("session_status_changed",
              "Someone else changed this session's status just now; look at it again before changing it.")))
          .compose(done -> changed(found, body.containsKey("timerMinutes") ? "timer" : "updated"));
    });
  }

  /** The session as the facilitator's change (the updateSession body, checked by the contract) leaves it. */
  private Session changed(Session s, JsonObject body) {
    Instant startsAt = s.startsAt();
    ZoneId at = s.zone();
    if (body.containsKey("startsAt") || body.containsKey("zone")) {
      at = LocalTimes.zone(body.getString("zone", s.zone().getId()), zone, "zone");
      String local = body.getString("startsAt", s.startsAt().atZone(at).toLocalDateTime().toString());
      startsAt = LocalTimes.future(local, at, db.clock().instant(), "startsAt");
    }
    SessionStatus status = body.containsKey("status") ? SessionStatus.parse(body.getString("status")) : s.status();
    Phase phase = body.containsKey("phase") ? Phase.parse(body.getString("phase")) : s.phase();
    StageTimer timer = StageTimer.after(s.timer(), status, phase, body.getInteger("timerMinutes"),
        db.clock().instant());
    return new Session(s.id(), s.communityId(), s.cycle(), startsAt, at,
        body.getInteger("durationMinutes", s.durationMinutes()), body.getString("place", s.place()),
        body.getString("onlineLink", s.onlineLink()), status, phase, s.phases(), s.attendance(), s.agreements(),
        s.questionIds(), body.getString("summary", s.summary()), s.sequence(), s.createdAt(), timer, s.revision());
  }

  public Future<JsonObject> recordAttendance(Caller caller, String sessionId, JsonArray present) {
    return found(caller, sessionId).compose(found -> {
      found.membership().requireRole(Role.FACILITATOR);
      present.forEach(id -> found.membership().requireMemberId((String) id));
      return store.attendance(sessionId, IdLists.strings(present)).compose(done -> changed(found, "attendance"));
    });
  }

  public Future<JsonObject> addAgreement(Caller caller, String sessionId, JsonObject body) {
    return found(caller, sessionId).compose(found -> {
      Membership m = found.membership().requireRole(Role.FACILITATOR);
      String ownerId = body.getString("ownerId");
      if (!m.hasMember(ownerId)) {
        throw Problem.invalidField("ownerId", "not_member", "The person who takes this on must be a member.");
      }
      LocalDate due = due(body.getString("due"));
      String questionId = body.getString("questionId");
      JsonArray questionIds = questionId == null ? null : new JsonArray().add(questionId);
      return questionStore.requireInCommunity(m.communityId(), questionIds, "questionId").compose(ok -> {
        Agreement agreement = new Agreement(Ids.newId(), body.getString("what").trim(), ownerId,
            m.memberName(ownerId), questionId, due, false, db.clock().instant());
        List<Step> steps = new ArrayList<>();
        steps.add(SessionStore.agreementAdded(sessionId, agreement));
        steps.addAll(Notifications.agreement(agreement.view(), m.userId(), "/sessions/" + sessionId, db.now()));
        return db.writes().apply(steps);
      }).compose(done -> changed(found, "agreement"));
    });
  }

  private LocalDate due(String due) {
    if (due == null) {
      return null;
    }
    LocalDate date;
    try {
      date = LocalDate.parse(due);
    } catch (DateTimeException e) {
      throw Problem.invalidField("due", "bad_date", "Not a valid date: " + due + ".");
    }
    if (date.isBefore(LocalDate.now(db.clock().withZone(zone)))) {
      throw Problem.invalidField("due", "in_past", "The due date lies in the past.");
    }
    return date;
  }

  /** The facilitator, or whoever took the agreement on, marks it done. */
  public Future<JsonObject> updateAgreement(Caller caller, String sessionId, String agreementId, boolean done) {
    return found(caller, sessionId).compose(found -> {
      Membership m = found.membership().requireMember();
      Agreement agreement = found.session().agreements().stream()
          .filter(a -> agreementId.equals(a.id())).findFirst()
          .orElseThrow(() -> Problem.notFound("agreement"));
      if (!m.is(Role.FACILITATOR) && !m.userId().equals(agreement.ownerId())) {
        throw Problem.forbidden("Only the facilitator or the person who took it on can mark this agreement.");
      }
      return store.agreementDone(sessionId, agreementId, done, db.clock().instant()).compose(x -> changed(found, "agreement"));
    });
  }

  /**
   * An agreement carried over to this session was marked on its page: the session's page shows it, so the session
   * counts as changed (its revision rises) and everyone following it is told.
   */
  public Future<JsonObject> carriedOverMarked(Caller caller, String sessionId) {
    return found(caller, sessionId)
        .compose(found -> store.shownChanged(sessionId).compose(done -> changed(found, "agreement")));
  }

  /**
   * A knowledge gap named during the session: it becomes one of the community's shared questions, and the
   * session remembers it was named here.
   */
  public Future<JsonObject> raiseQuestion(Caller caller, String sessionId, JsonObject body, String clientToken) {
    return found(caller, sessionId).compose(found -> {
      if (found.session().is(SessionStatus.DONE)) {
        throw Problem.conflict("session_done", "This session is over; raise the question in the community.");
      }
      return questions.raise(caller, found.session().communityId(), body, clientToken)
          .compose(question -> store.questionNamed(sessionId, question.getString("id")))
          .compose(done -> changed(found, "question"));
    });
  }

  private record Found(Session session, Membership membership) {
  }

  private Future<Found> found(Caller caller, String sessionId) {
    return store.byId(sessionId).compose(s -> access.inCommunityOf(caller, s == null ? null : s.communityId(),
        "session").map(m -> new Found(s, m)));
  }

  /** Reads the session as it is now and tells everyone following it what changed. */
  private Future<JsonObject> changed(Found found, String what) {
    return store.byId(found.session().id())
        .map(s -> new Found(s, found.membership()))
        .compose(this::withCarriedOver)
        .compose(session -> broadcasts.publish(address(session.getString("id")), new JsonObject()
            .put("change", what)
            .put("status", session.getString("status"))
            .put("phase", session.getString("phase"))
            .put("timer", session.getJsonObject("timer"))).map(session));
  }

  private Future<JsonObject> withCarriedOver(Found found) {
    Session session = found.session();
    return Future.all(store.ofCommunity(session.communityId()), questionStore.byIds(session.questionIds()))
        .map(both -> {
          List<Session> all = both.resultAt(0);
          JsonArray carried = new JsonArray();
          all.stream()
              .filter(s -> s.startsAt().isBefore(session.startsAt()))
              .forEach(s -> s.agreements().stream().filter(a -> !a.done())
                  .forEach(a -> carried.add(a.view().put("sessionId", s.id()))));
          JsonArray named = new JsonArray();
          both.<List<Question>>resultAt(1).forEach(q -> named.add(q.summary()));
          // One session's answer says how new it is: of two answers, the one with the higher revision was read later.
          return session.view().put("carriedOverAgreements", carried).put("questions", named)
              .put("revision", session.revision());
        });
  }
}
