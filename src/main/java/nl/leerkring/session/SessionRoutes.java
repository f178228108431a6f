package nl.leerkring.session;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import nl.leerkring.account.Caller;
import nl.leerkring.activity.ActivityLog;
import nl.leerkring.community.Access;
import nl.leerkring.community.Membership;
import nl.leerkring.community.Role;
import nl.leerkring.notification.Notifications;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.IdLists;
import nl.leerkring.platform.Ids;
import nl.leerkring.platform.LocalTimes;
import nl.leerkring.platform.Problem;
import nl.leerkring.platform.Step;
import nl.leerkring.platform.Times;
import nl.leerkring.question.QuestionStore;
import nl.leerkring.schedule.SessionJobs;
import nl.leerkring.web.Api;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Sessions of a cycle: planned by the facilitator, run through their phases, with attendance, a summary and
 * agreements. Open agreements carry over: a session shows those still open from the sessions before it.
 */
public final class SessionRoutes {

  static final String SESSIONS = "sessions";
  static final List<String> PHASES =
      List.of("check-in", "share-findings", "explore", "questions", "agreements", "check-out");

  private final Database db;
  private final Access access;
  private final QuestionStore questions;
  private final ActivityLog activity;

  public SessionRoutes(Database db, Access access, QuestionStore questions, ActivityLog activity) {
    this.db = db;
    this.access = access;
    this.questions = questions;
    this.activity = activity;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("listSessions").addHandler(Api.ok(this::list));
    api.getRoute("planSession").addHandler(Api.created(this::plan));
    api.getRoute("getSession").addHandler(Api.ok(ctx -> found(ctx).compose(this::withCarriedOver)));
    api.getRoute("updateSession").addHandler(Api.ok(this::update));
    api.getRoute("recordAttendance").addHandler(Api.ok(this::attendance));
    api.getRoute("addAgreement").addHandler(Api.created(this::addAgreement));
    api.getRoute("updateAgreement").addHandler(Api.ok(this::updateAgreement));
  }

  static String listKey(String communityId) {
    return IdLists.key(communityId, "sessions");
  }

  private Future<List<JsonObject>> sessionsOf(String communityId) {
    return db.lists().all(listKey(communityId), SESSIONS).map(all -> all.stream()
        .sorted(Comparator.comparing((JsonObject s) -> s.getString("startsAt")).reversed()).toList());
  }

  private Future<JsonArray> list(RoutingContext ctx) {
    return access.in(Caller.required(ctx), Api.path(ctx, "communityId"))
        .compose(m -> sessionsOf(m.communityId()))
        .map(all -> {
          JsonArray out = new JsonArray();
          all.forEach(s -> out.add(view(s)));
          return out;
        });
  }

  private Future<JsonObject> plan(RoutingContext ctx) {
    JsonObject body = Api.body(ctx);
    return access.in(Caller.required(ctx), Api.path(ctx, "communityId")).compose(m -> {
      m.requireRole(Role.FACILITATOR);
      ZoneId zone = LocalTimes.zone(body.getString("zone"), "zone");
      Instant startsAt = LocalTimes.future(body.getString("startsAt"), zone, db.clock().instant(), "startsAt");
      String id = Ids.newId();
      JsonObject session = new JsonObject()
          .put("_id", id)
          .put("communityId", m.communityId())
          .put("cycle", m.currentCycle())
          .put("startsAt", Times.format(startsAt))
          .put("zone", zone.getId())
          .put("durationMinutes", body.getInteger("durationMinutes", 120))
          .put("place", body.getString("place"))
          .put("onlineLink", body.getString("onlineLink"))
          .put("status", "planned")
          .put("phase", PHASES.get(0))
          .put("phases", new JsonArray(PHASES))
          .put("attendance", new JsonArray())
          .put("agreements", new JsonArray())
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

  private Future<JsonObject> update(RoutingContext ctx) {
    JsonObject body = Api.body(ctx);
    return found(ctx).compose(found -> {
      found.membership().requireRole(Role.FACILITATOR);
      JsonObject session = found.session();
      JsonObject set = new JsonObject();
      if (body.containsKey("startsAt") || body.containsKey("zone")) {
        ZoneId zone = LocalTimes.zone(body.getString("zone", session.getString("zone")), "zone");
        String local = body.getString("startsAt",
            Instant.parse(session.getString("startsAt")).atZone(zone).toLocalDateTime().toString());
        set.put("startsAt", Times.format(LocalTimes.future(local, zone, db.clock().instant(), "startsAt")))
            .put("zone", zone.getId());
      }
      for (String field : new String[] {"durationMinutes", "place", "onlineLink", "status", "phase", "summary"}) {
        if (body.containsKey(field)) {
          set.put(field, body.getValue(field));
        }
      }
      if ("done".equals(session.getString("status")) && "planned".equals(set.getString("status"))) {
        throw Problem.conflict("session_done", "A session that took place cannot be planned again.");
      }
      return db.writes().apply(SessionJobs.changed(session, set, found.membership().userId(), db.now()))
          .compose(done -> reread(found));
    });
  }

  private Future<JsonObject> attendance(RoutingContext ctx) {
    JsonArray present = Api.body(ctx).getJsonArray("present");
    return found(ctx).compose(found -> {
      found.membership().requireRole(Role.FACILITATOR);
      present.forEach(id -> found.membership().requireMemberId((String) id));
      return db.mongo().updateCollection(SESSIONS, new JsonObject().put("_id", found.session().getString("_id")),
              new JsonObject().put("$set", new JsonObject().put("attendance", present)))
          .compose(done -> reread(found));
    });
  }

  private Future<JsonObject> addAgreement(RoutingContext ctx) {
    JsonObject body = Api.body(ctx);
    return found(ctx).compose(found -> {
      Membership m = found.membership().requireRole(Role.FACILITATOR);
      String ownerId = body.getString("ownerId");
      if (!m.hasMember(ownerId)) {
        throw Problem.invalidField("ownerId", "not_member", "The person who takes this on must be a member.");
      }
      String due = body.getString("due");
      if (due != null) {
        try {
          if (LocalDate.parse(due).isBefore(LocalDate.now(db.clock().withZone(Times.DEFAULT_ZONE)))) {
            throw Problem.invalidField("due", "in_past", "The due date lies in the past.");
          }
        } catch (DateTimeException e) {
          throw Problem.invalidField("due", "bad_date", "Not a valid date: " + due + ".");
        }
      }
      JsonArray questionIds = body.getString("questionId") == null ? null
          : new JsonArray().add(body.getString("questionId"));
      return questions.requireInCommunity(m.communityId(), questionIds, "questionId").compose(ok -> {
        JsonObject agreement = new JsonObject()
            .put("id", Ids.newId())
            .put("what", body.getString("what").trim())
            .put("ownerId", ownerId)
            .put("ownerName", m.memberName(ownerId))
            .put("questionId", body.getString("questionId"))
            .put("due", due)
            .put("done", false)
            .put("createdAt", db.now());
        String sessionId = found.session().getString("_id");
        List<Step> steps = new ArrayList<>();
        steps.add(Step.update(SESSIONS, sessionId, new JsonObject().put("$addToSet", new JsonObject().put("agreements", agreement))));
        steps.addAll(Notifications.agreement(agreement, m.userId(), "/sessions/" + sessionId, db.now()));
        return db.writes().apply(steps);
      }).compose(done -> reread(found));
    });
  }

  /** The facilitator, or whoever took the agreement on, marks it done. */
  private Future<JsonObject> updateAgreement(RoutingContext ctx) {
    String agreementId = Api.path(ctx, "agreementId");
    boolean done = Api.body(ctx).getBoolean("done");
    return found(ctx).compose(found -> {
      Membership m = found.membership().requireMember();
      JsonObject agreement = found.session().getJsonArray("agreements").stream().map(a -> (JsonObject) a)
          .filter(a -> agreementId.equals(a.getString("id"))).findFirst()
          .orElseThrow(() -> Problem.notFound("agreement"));
      if (!m.is(Role.FACILITATOR) && !m.userId().equals(agreement.getString("ownerId"))) {
        throw Problem.forbidden("Only the facilitator or the person who took it on can mark this agreement.");
      }
      return db.mongo().updateCollection(SESSIONS,
              new JsonObject().put("_id", found.session().getString("_id")).put("agreements.id", agreementId),
              new JsonObject().put("$set", new JsonObject().put("agreements.$.done", done)))
          .compose(x -> reread(found));
    });
  }

  private record Found(JsonObject session, Membership membership) {
  }

  private Future<Found> found(RoutingContext ctx) {
    return db.mongo().findOne(SESSIONS, new JsonObject().put("_id", Api.path(ctx, "sessionId")), null)
        .compose(s -> access.inCommunityOf(Caller.required(ctx), s, "session").map(m -> new Found(s, m)));
  }

  private Future<JsonObject> reread(Found found) {
    return db.mongo().findOne(SESSIONS, new JsonObject().put("_id", found.session().getString("_id")), null)
        .map(s -> new Found(s, found.membership()))
        .compose(this::withCarriedOver);
  }

  private Future<JsonObject> withCarriedOver(Found found) {
    JsonObject session = found.session();
    return sessionsOf(session.getString("communityId")).map(all -> {
      JsonArray carried = new JsonArray();
      all.stream()
          .filter(s -> s.getString("startsAt").compareTo(session.getString("startsAt")) < 0)
          .forEach(s -> s.getJsonArray("agreements").forEach(a -> {
            JsonObject agreement = (JsonObject) a;
            if (!agreement.getBoolean("done")) {
              carried.add(agreement.copy().put("sessionId", s.getString("_id")));
            }
          }));
      return view(session).put("carriedOverAgreements", carried);
    });
  }

  static JsonObject view(JsonObject session) {
    JsonObject out = session.copy();
    out.put("id", out.remove("_id"));
    ZoneId zone = ZoneId.of(session.getString("zone"));
    out.put("localStart", Instant.parse(session.getString("startsAt")).atZone(zone).toLocalDateTime().toString());
    return out;
  }
}
