package nl.leerkring.session;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import nl.leerkring.web.Caller;
import nl.leerkring.community.CommunityService;
import nl.leerkring.community.Membership;
import nl.leerkring.community.Role;
import nl.leerkring.platform.IdLists;
import nl.leerkring.web.Forms;
import nl.leerkring.web.Page;
import nl.leerkring.web.Pages;
import nl.leerkring.web.Saved;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sessions in the browser: the community's sessions and planning one, and the session page, which the
 * facilitator runs live while everyone who has it open follows along.
 */
public final class SessionPages {

  private final Pages pages;
  private final Forms forms;
  private final SessionService sessions;
  private final CommunityService communities;
  private final SessionEvents events;
  private final SinceLastTime sinceLastTime;

  public SessionPages(Vertx vertx, Pages pages, Forms forms, SessionService sessions, CommunityService communities,
                      SinceLastTime sinceLastTime) {
    this.sinceLastTime = sinceLastTime;
    this.pages = pages;
    this.forms = forms;
    this.sessions = sessions;
    this.communities = communities;
    this.events = new SessionEvents(vertx, sessions);
  }

  public void mount(Router router) {
    router.get("/c/:communityId/sessions").handler(pages.show(this::listPage));
    router.post("/c/:communityId/sessions").handler(pages.form(this::plan, this::listPage));
    router.get("/sessions/:sessionId").handler(pages.show(this::sessionPage));
    router.get("/sessions/:sessionId/events").handler(events::follow);
    router.post("/sessions/:sessionId/start").handler(pages.form(ctx -> change(ctx, new JsonObject()
        .put("status", SessionStatus.LIVE.value())), this::sessionPage));
    router.post("/sessions/:sessionId/phase").handler(pages.form(ctx -> change(ctx, new JsonObject()
        .put("phase", Forms.text(ctx, "phase"))), this::sessionPage));
    router.post("/sessions/:sessionId/timer").handler(pages.form(ctx -> change(ctx, new JsonObject()
        .put("timerMinutes", number(Forms.text(ctx, "timerMinutes")))), this::sessionPage));
    router.post("/sessions/:sessionId/finish").handler(pages.form(this::finish, this::sessionPage));
    router.post("/sessions/:sessionId/questions").handler(pages.form(this::raiseQuestion, this::sessionPage));
    router.post("/sessions/:sessionId/attendance").handler(pages.form(this::attendance, this::sessionPage));
    router.post("/sessions/:sessionId/agreements").handler(pages.form(this::addAgreement, this::sessionPage));
    router.post("/sessions/:sessionId/agreements/:agreementId").handler(pages.form(this::markAgreement,
        this::sessionPage));
  }

  private Future<Page> listPage(RoutingContext ctx) {
    Caller caller = Caller.required(ctx);
    String communityId = ctx.pathParam("communityId");
    return communities.get(caller, communityId).compose(m -> sessions.list(caller, m.communityId()).map(all -> {
      String now = Instant.now().toString();
      JsonArray coming = new JsonArray();
      JsonArray past = new JsonArray();
      all.stream().map(s -> (JsonObject) s).forEach(s -> (isPast(s, now) ? past : coming).add(s));
      List<Object> soonestFirst = new ArrayList<>(coming.getList());
      Collections.reverse(soonestFirst);
      boolean posted = "POST".equals(ctx.request().method().name());
      Set<String> chosen = posted ? new HashSet<>(Forms.all(ctx, "phases").getList().stream()
          .map(String::valueOf).toList()) : new HashSet<>(Arrays.stream(Phase.values()).map(Phase::value).toList());
      JsonArray phases = new JsonArray();
      for (Phase p : Phase.values()) {
        phases.add(new JsonObject().put("name", p.value()).put("chosen", chosen.contains(p.value())));
      }
      return Page.of("sessions", community(m)
          .put("coming", new JsonArray(soonestFirst))
          .put("past", past)
          .put("phaseChoices", phases)
          .put("zone", pages.zone().getId())
          .put("cancelled", "1".equals(ctx.request().getParam("cancelled")))
          .put("plannedSeries", plannedSeries(ctx))
          .put("earliest", LocalDateTime.now(pages.zone()).truncatedTo(ChronoUnit.MINUTES).toString()));
    }));
  }

  private static boolean isPast(JsonObject session, String now) {
    SessionStatus status = SessionStatus.parse(session.getString("status"));
    return status == SessionStatus.DONE || status != SessionStatus.LIVE
        && Instant.parse(session.getString("startsAt")).plus(session.getInteger("durationMinutes", 120),
            ChronoUnit.MINUTES).toString().compareTo(now) < 0;
  }

  private Future<Page> plan(RoutingContext ctx) {
    String communityId = ctx.pathParam("communityId");
    JsonObject body = new JsonObject().put("startsAt", Forms.text(ctx, "startsAt"));
    Forms.putOptional(body, ctx, "zone");
    Forms.putOptional(body, ctx, "place");
    Forms.putOptional(body, ctx, "onlineLink");
    if (!Forms.text(ctx, "durationMinutes").isEmpty()) {
      body.put("durationMinutes", number(Forms.text(ctx, "durationMinutes")));
    }
    JsonArray phases = Forms.all(ctx, "phases");
    if (!phases.isEmpty()) {
      body.put("phases", phases);
    }
    if ("series".equals(Forms.text(ctx, "repeat"))) {
      body.put("series", new JsonObject().put("everyWeeks", number(Forms.text(ctx, "everyWeeks")))
          .put("times", number(Forms.text(ctx, "times"))));
    }
    return forms.check("planSession", Map.of("communityId", communityId), body)
        .compose(valid -> sessions.plan(Caller.required(ctx), communityId, valid))
        .map(session -> session.containsKey("series")
            ? Page.redirect("/c/" + communityId + "/sessions?series=" + session.getJsonArray("series").size())
            : Page.redirect(Saved.after("/sessions/" + session.getString("id"), "session")));
  }

  /** How many sessions a series just planned holds, for the notice after it; null otherwise. */
  private static Integer plannedSeries(RoutingContext ctx) {
    String series = ctx.request().getParam("series", "");
    return series.matches("[0-9]{1,2}") ? Integer.valueOf(series) : null;
  }

  /** A number as typed; what is not one goes to the contract as text, which then names the field. */
  static Object number(String typed) {
    try {
      return Integer.parseInt(typed);
    } catch (NumberFormatException e) {
      return typed;
    }
  }

  private Future<Page> sessionPage(RoutingContext ctx) {
    Caller caller = Caller.required(ctx);
    Future<JsonObject> since = sinceLastTime.forSession(caller, ctx.pathParam("sessionId"));
    return sessions.get(caller, ctx.pathParam("sessionId")).compose(session ->
        communities.get(caller, session.getString("communityId")).compose(m -> since.map(found -> Page.of("session",
            community(m).put("session", session).put("clientToken", Forms.clientToken(ctx))
                .put("sinceLastTime", found)
                .mergeIn(live(session, m)).put("timer", timer(session, sessions.now()))))));
  }

  /**
   * The current phase's stage timer as the page shows it: the end time in the session's zone (what a page without
   * JavaScript shows), and the server's time now, from which the script counts down whatever the phone's clock.
   */
  private static JsonObject timer(JsonObject session, Instant now) {
    JsonObject timer = session.getJsonObject("timer");
    if (timer == null) {
      return null;
    }
    Instant endsAt = Instant.parse(timer.getString("endsAt"));
    return timer.copy()
        .put("ends", endsAt.atZone(ZoneId.of(session.getString("zone"))).toLocalTime()
            .truncatedTo(ChronoUnit.MINUTES).toString())
        // In milliseconds, as a browser reads a time (Date.parse).
        .put("now", now.truncatedTo(ChronoUnit.MILLIS).toString())
        .put("over", !endsAt.isAfter(now));
  }

  /** What the live part of the page needs: the phases with the current one marked, and who came. */
  private static JsonObject live(JsonObject session, Membership m) {
    List<String> phases = IdLists.strings(session.getJsonArray("phases"));
    int current = phases.indexOf(session.getString("phase"));
    JsonArray steps = new JsonArray();
    for (int i = 0; i < phases.size(); i++) {
      steps.add(new JsonObject().put("name", phases.get(i)).put("current", i == current).put("number", i + 1));
    }
    JsonArray attendance = session.getJsonArray("attendance");
    JsonArray present = new JsonArray();
    JsonArray members = new JsonArray();
    m.community().members().forEach(member -> {
      boolean here = attendance.contains(member.userId());
      members.add(new JsonObject().put("userId", member.userId())
          .put("displayName", member.displayName()).put("present", here));
      if (here) {
        present.add(member.displayName());
      }
    });
    session.getJsonArray("carriedOverAgreements").forEach(a -> ((JsonObject) a).put("canMark",
        m.is(Role.FACILITATOR) || m.userId().equals(((JsonObject) a).getString("ownerId"))));
    SessionStatus status = SessionStatus.parse(session.getString("status"));
    return new JsonObject()
        .put("steps", steps)
        .put("previousPhase", current > 0 ? phases.get(current - 1) : null)
        .put("nextPhase", current >= 0 && current < phases.size() - 1 ? phases.get(current + 1) : null)
        .put("present", present)
        .put("members", members)
        .put("isLive", status == SessionStatus.LIVE)
        .put("isPlanned", status == SessionStatus.PLANNED)
        .put("isDone", status == SessionStatus.DONE);
  }

  private static JsonObject community(Membership m) {
    return new JsonObject()
        .put("community", CommunityService.summary(m))
        .put("facilitates", m.is(Role.FACILITATOR))
        .put("isMember", m.isMember());
  }

  private Future<Page> change(RoutingContext ctx, JsonObject body) {
    String sessionId = ctx.pathParam("sessionId");
    return forms.check("updateSession", Map.of("sessionId", sessionId), body)
        .compose(valid -> sessions.update(Caller.required(ctx), sessionId, valid))
        .map(session -> backTo(session, ""));
  }

  private Future<Page> finish(RoutingContext ctx) {
    JsonObject body = new JsonObject().put("status", SessionStatus.DONE.value());
    Forms.putOptional(body, ctx, "summary");
    return change(ctx, body);
  }

  private Future<Page> raiseQuestion(RoutingContext ctx) {
    String sessionId = ctx.pathParam("sessionId");
    return forms.check("raiseSessionQuestion", Map.of("sessionId", sessionId),
            new JsonObject().put("text", Forms.text(ctx, "text")))
        .compose(valid -> sessions.raiseQuestion(Caller.required(ctx), sessionId, valid,
            Forms.text(ctx, Forms.CLIENT_TOKEN)))
        .map(session -> backTo(session, "#questions"));
  }

  private Future<Page> attendance(RoutingContext ctx) {
    String sessionId = ctx.pathParam("sessionId");
    return forms.check("recordAttendance", Map.of("sessionId", sessionId),
            new JsonObject().put("present", Forms.all(ctx, "present")))
        .compose(valid -> sessions.recordAttendance(Caller.required(ctx), sessionId, valid.getJsonArray("present")))
        .map(session -> backTo(session, "#attendance"));
  }

  private Future<Page> addAgreement(RoutingContext ctx) {
    String sessionId = ctx.pathParam("sessionId");
    JsonObject body = new JsonObject().put("what", Forms.text(ctx, "what")).put("ownerId", Forms.text(ctx, "ownerId"));
    Forms.putOptional(body, ctx, "questionId");
    Forms.putOptional(body, ctx, "due");
    return forms.check("addAgreement", Map.of("sessionId", sessionId), body)
        .compose(valid -> sessions.addAgreement(Caller.required(ctx), sessionId, valid))
        .map(session -> backTo(session, "#agreements"));
  }

  private Future<Page> markAgreement(RoutingContext ctx) {
    String sessionId = ctx.pathParam("sessionId");
    String agreementId = ctx.pathParam("agreementId");
    JsonObject body = new JsonObject().put("done", "true".equals(Forms.text(ctx, "done")));
    return forms.check("updateAgreement", Map.of("sessionId", sessionId, "agreementId", agreementId), body)
        .compose(valid -> sessions.updateAgreement(Caller.required(ctx), sessionId, agreementId, valid.getBoolean("done")))
        .compose(session -> {
          String shownOn = from(ctx, session);
          return shownOn.equals(sessionId) ? Future.succeededFuture(session)
              : sessions.carriedOverMarked(Caller.required(ctx), shownOn);
        })
        .map(shownOn -> Page.redirect("/sessions/" + shownOn.getString("id") + "#carried-over"));
  }

  /** Agreements carried over are marked on a later session's page; that is where the person goes back to. */
  private static String from(RoutingContext ctx, JsonObject session) {
    String from = Forms.text(ctx, "from");
    return from.matches("[A-Za-z0-9_-]{8,64}") ? from : session.getString("id");
  }

  private static Page backTo(JsonObject session, String anchor) {
    return Page.redirect("/sessions/" + session.getString("id") + anchor);
  }
}
