package nl.leerkring.session;

import java.util.ArrayList;
import nl.leerkring.notification.Notifications;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.web.Caller;
import nl.leerkring.activity.ActivityLog;
import nl.leerkring.community.Access;
import nl.leerkring.community.Membership;
import nl.leerkring.community.Role;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.IdLists;
import nl.leerkring.platform.Ids;
import nl.leerkring.platform.LocalTimes;
import nl.leerkring.platform.Problem;
import nl.leerkring.platform.Step;
import nl.leerkring.platform.Times;
import nl.leerkring.question.QuestionService;
import nl.leerkring.question.QuestionStore;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

/**
 * Sessions of a cycle: planned by the facilitator, run through their phases, with attendance, a summary and
 * agreements. Open agreements carry over: a session shows those still open from the sessions before it.
 * Every change is published on the event bus at {@link #address}, so that everyone who has the session open,
 * on whichever server process, follows it live.
 */
public final class SessionService {

  static final String SESSIONS = "sessions";
  public static final List<String> PHASES =
      List.of("check-in", "share-findings", "explore", "questions", "agreements", "check-out");

  private final Database db;
  private final Access access;
  private final QuestionStore questionStore;
  private final QuestionService questions;
  private final ActivityLog activity;
  private final EventBus bus;
  /** The installation's zone: where a session planned without one takes place, and what "today" is. */
  private final ZoneId zone;

  public SessionService(Database db, Access access, QuestionStore questionStore, QuestionService questions,
                        ActivityLog activity, EventBus bus, ZoneId zone) {
    this.db = db;
    this.access = access;
    this.questionStore = questionStore;
    this.questions = questions;
    this.activity = activity;
    this.bus = bus;
    this.zone = zone;
  }

  /** The event-bus address where the changes of one session are published. */
  public static String address(String sessionId) {
    return "session." + sessionId;
  }

  static String listKey(String communityId) {
    return IdLists.key(communityId, "sessions");
  }

  private Future<List<JsonObject>> sessionsOf(String communityId) {
    return db.lists().all(listKey(communityId), SESSIONS).map(all -> all.stream()
        .sorted(Comparator.comparing((JsonObject s) -> s.getString("startsAt")).reversed()).toList());
  }

  /** A community's sessions, newest first. */
  public Future<JsonArray> list(Caller caller, String communityId) {
    return access.in(caller, communityId)
        .compose(m -> sessionsOf(m.communityId()))
        .map(all -> {
          JsonArray out = new JsonArray();
          all.forEach(s -> out.add(view(s)));
          return out;
        });
  }

  public Future<JsonObject> plan(Caller caller, String communityId, JsonObject body) {
    return access.in(caller, communityId).compose(m -> {
      m.requireRole(Role.FACILITATOR);
      ZoneId at = LocalTimes.zone(body.getString("zone"), zone, "zone");
      Instant startsAt = LocalTimes.future(body.getString("startsAt"), at, db.clock().instant(), "startsAt");
      List<String> phases = agenda(body.getJsonArray("phases"));
      String id = Ids.newId();
      JsonObject session = new JsonObject()
          .put("_id", id)
          .put("communityId", m.communityId())
          .put("cycle", m.currentCycle())
          .put("startsAt", Times.format(startsAt))
          .put("zone", at.getId())
          .put("durationMinutes", body.getInteger("durationMinutes", 120))
          .put("place", body.getString("place"))
          .put("onlineLink", body.getString("onlineLink"))
          .put("status", "planned")
          .put("phase", phases.get(0))
          .put("phases", new JsonArray(phases))
          .put("attendance", new JsonArray())
          .put("agreements", new JsonArray())
          .put("questionIds", new JsonArray())
          .put("createdAt", db.now());
      return activity.entry(m.communityId(), "session.planned", m.userId(), m.caller().displayName(),
              new JsonObject().put("sessionId", id).put("startsAt", session.getString("startsAt")))
          .compose(entry -> db.writes().apply(
              Step.insert(SESSIONS, session),
              IdLists.add(listKey(m.communityId()), id),
              entry,
              SessionJobs.planned(session)))
          .map(done -> view(session));
    });
  }

  /** The phases chosen for the agenda, always in the method's order; all of them when none were chosen. */
  static List<String> agenda(JsonArray chosen) {
    if (chosen == null || chosen.isEmpty()) {
      return PHASES;
    }
    return PHASES.stream().filter(chosen::contains).toList();
  }

  /** One session with the agreements still open from earlier sessions and the questions named in it. */
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
      JsonObject session = found.session();
      JsonObject set = new JsonObject();
      if (body.containsKey("startsAt") || body.containsKey("zone")) {
        ZoneId at = LocalTimes.zone(body.getString("zone", session.getString("zone")), zone, "zone");
        String local = body.getString("startsAt",
            Instant.parse(session.getString("startsAt")).atZone(at).toLocalDateTime().toString());
        set.put("startsAt", Times.format(LocalTimes.future(local, at, db.clock().instant(), "startsAt")))
            .put("zone", at.getId());
      }
      for (String field : new String[] {"durationMinutes", "place", "onlineLink", "status", "phase", "summary"}) {
        if (body.containsKey(field)) {
          set.put(field, body.getValue(field));
        }
      }
      if (set.containsKey("phase") && !session.getJsonArray("phases").contains(set.getString("phase"))) {
        throw Problem.invalidField("phase", "not_in_agenda", "This phase is not on the session's agenda.");
      }
      if ("done".equals(session.getString("status")) && "planned".equals(set.getString("status"))) {
        throw Problem.conflict("session_done", "A session that took place cannot be planned again.");
      }
      return db.writes().apply(SessionJobs.changed(session, set, found.membership().userId(), db.now()))
          .compose(done -> changed(found, "updated"));
    });
  }

  public Future<JsonObject> recordAttendance(Caller caller, String sessionId, JsonArray present) {
    return found(caller, sessionId).compose(found -> {
      found.membership().requireRole(Role.FACILITATOR);
      present.forEach(id -> found.membership().requireMemberId((String) id));
      return db.mongo().updateCollection(SESSIONS, byId(found),
              new JsonObject().put("$set", new JsonObject().put("attendance", present)))
          .compose(done -> changed(found, "attendance"));
    });
  }

  public Future<JsonObject> addAgreement(Caller caller, String sessionId, JsonObject body) {
    return found(caller, sessionId).compose(found -> {
      Membership m = found.membership().requireRole(Role.FACILITATOR);
      String ownerId = body.getString("ownerId");
      if (!m.hasMember(ownerId)) {
        throw Problem.invalidField("ownerId", "not_member", "The person who takes this on must be a member.");
      }
      String due = body.getString("due");
      if (due != null) {
        try {
          if (LocalDate.parse(due).isBefore(LocalDate.now(db.clock().withZone(zone)))) {
            throw Problem.invalidField("due", "in_past", "The due date lies in the past.");
          }
        } catch (DateTimeException e) {
          throw Problem.invalidField("due", "bad_date", "Not a valid date: " + due + ".");
        }
      }
      JsonArray questionIds = body.getString("questionId") == null ? null
          : new JsonArray().add(body.getString("questionId"));
      return questionStore.requireInCommunity(m.communityId(), questionIds, "questionId").compose(ok -> {
        JsonObject agreement = new JsonObject()
            .put("id", Ids.newId())
            .put("what", body.getString("what").trim())
            .put("ownerId", ownerId)
            .put("ownerName", m.memberName(ownerId))
            .put("questionId", body.getString("questionId"))
            .put("due", due)
            .put("done", false)
            .put("createdAt", db.now());
        List<Step> steps = new ArrayList<>();
        steps.add(Step.update(SESSIONS, sessionId,
            new JsonObject().put("$addToSet", new JsonObject().put("agreements", agreement))));
        steps.addAll(Notifications.agreement(agreement, m.userId(), "/sessions/" + sessionId, db.now()));
        return db.writes().apply(steps);
      }).compose(done -> changed(found, "agreement"));
    });
  }

  /** The facilitator, or whoever took the agreement on, marks it done. */
  public Future<JsonObject> updateAgreement(Caller caller, String sessionId, String agreementId, boolean done) {
    return found(caller, sessionId).compose(found -> {
      Membership m = found.membership().requireMember();
      JsonObject agreement = found.session().getJsonArray("agreements").stream().map(a -> (JsonObject) a)
          .filter(a -> agreementId.equals(a.getString("id"))).findFirst()
          .orElseThrow(() -> Problem.notFound("agreement"));
      if (!m.is(Role.FACILITATOR) && !m.userId().equals(agreement.getString("ownerId"))) {
        throw Problem.forbidden("Only the facilitator or the person who took it on can mark this agreement.");
      }
      return db.mongo().updateCollection(SESSIONS, byId(found).put("agreements.id", agreementId),
              new JsonObject().put("$set", new JsonObject().put("agreements.$.done", done)))
          .compose(x -> changed(found, "agreement"));
    });
  }

  /**
   * A knowledge gap named during the session: it becomes one of the community's shared questions, and the
   * session remembers it was named here.
   */
  public Future<JsonObject> raiseQuestion(Caller caller, String sessionId, JsonObject body) {
    return found(caller, sessionId).compose(found -> {
      if ("done".equals(found.session().getString("status"))) {
        throw Problem.conflict("session_done", "This session is over; raise the question in the community.");
      }
      return questions.raise(caller, found.session().getString("communityId"), body)
          .compose(question -> db.mongo().updateCollection(SESSIONS, byId(found), new JsonObject()
              .put("$push", new JsonObject().put("questionIds", question.getString("id")))))
          .compose(done -> changed(found, "question"));
    });
  }

  private record Found(JsonObject session, Membership membership) {
  }

  private Future<Found> found(Caller caller, String sessionId) {
    return db.mongo().findOne(SESSIONS, new JsonObject().put("_id", sessionId), null)
        .compose(s -> access.inCommunityOf(caller, s, "session").map(m -> new Found(s, m)));
  }

  private static JsonObject byId(Found found) {
    return new JsonObject().put("_id", found.session().getString("_id"));
  }

  /** Reads the session as it is now and tells everyone following it what changed. */
  private Future<JsonObject> changed(Found found, String what) {
    return db.mongo().findOne(SESSIONS, byId(found), null)
        .map(s -> new Found(s, found.membership()))
        .compose(this::withCarriedOver)
        .onSuccess(session -> bus.publish(address(session.getString("id")), new JsonObject()
            .put("change", what)
            .put("status", session.getString("status"))
            .put("phase", session.getString("phase"))));
  }

  private Future<JsonObject> withCarriedOver(Found found) {
    JsonObject session = found.session();
    Future<List<JsonObject>> named = db.lists().byIds(QuestionStore.QUESTIONS, questionIdsOf(session));
    return Future.all(sessionsOf(session.getString("communityId")), named).map(both -> {
      List<JsonObject> all = both.resultAt(0);
      JsonArray carried = new JsonArray();
      all.stream()
          .filter(s -> s.getString("startsAt").compareTo(session.getString("startsAt")) < 0)
          .forEach(s -> s.getJsonArray("agreements").forEach(a -> {
            JsonObject agreement = (JsonObject) a;
            if (!agreement.getBoolean("done")) {
              carried.add(agreement.copy().put("sessionId", s.getString("_id")));
            }
          }));
      JsonArray questionViews = new JsonArray();
      named.result().forEach(q -> questionViews.add(new JsonObject()
          .put("id", q.getString("_id"))
          .put("text", q.getString("text"))
          .put("status", q.getString("status"))
          .put("raisedByName", q.getString("raisedByName"))));
      return view(session).put("carriedOverAgreements", carried).put("questions", questionViews);
    });
  }

  private static List<String> questionIdsOf(JsonObject session) {
    JsonArray ids = session.getJsonArray("questionIds");
    return ids == null ? List.of() : IdLists.strings(ids);
  }

  static JsonObject view(JsonObject session) {
    JsonObject out = session.copy();
    out.put("id", out.remove("_id"));
    out.remove("questionIds");
    ZoneId zone = LocalTimes.stored(session.getString("zone"));
    out.put("localStart", Instant.parse(session.getString("startsAt")).atZone(zone).toLocalDateTime().toString());
    return out;
  }
}
