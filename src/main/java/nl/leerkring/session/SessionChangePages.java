package nl.leerkring.session;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import nl.leerkring.community.CommunityService;
import nl.leerkring.community.Role;
import nl.leerkring.web.Caller;
import nl.leerkring.web.Forms;
import nl.leerkring.web.Page;
import nl.leerkring.web.Pages;
import nl.leerkring.web.Saved;

import java.util.Map;
import java.util.Objects;

/**
 * The facilitator moves a planned session (time, zone, length, place, link) or cancels it after a
 * confirmation. Both go through the API's updateSession, which tells the members and updates their calendars.
 */
public final class SessionChangePages {

  private final Pages pages;
  private final Forms forms;
  private final SessionService sessions;
  private final CommunityService communities;

  public SessionChangePages(Pages pages, Forms forms, SessionService sessions, CommunityService communities) {
    this.pages = pages;
    this.forms = forms;
    this.sessions = sessions;
    this.communities = communities;
  }

  public void mount(Router router) {
    router.get("/sessions/:sessionId/change").handler(pages.show(ctx -> page(ctx, "session-change")));
    router.post("/sessions/:sessionId/change").handler(pages.form(this::move, ctx -> page(ctx, "session-change")));
    router.get("/sessions/:sessionId/cancel").handler(pages.show(ctx -> page(ctx, "session-cancel")));
    router.post("/sessions/:sessionId/cancel").handler(pages.form(this::cancel, ctx -> page(ctx, "session-cancel")));
  }

  /** Either page, for the community's facilitator only; a session no longer planned can be neither. */
  private Future<Page> page(RoutingContext ctx, String template) {
    Caller caller = Caller.required(ctx);
    return sessions.get(caller, ctx.pathParam("sessionId")).compose(session ->
        communities.get(caller, session.getString("communityId")).map(m -> {
          m.requireRole(Role.FACILITATOR);
          return Page.of(template, new JsonObject()
              .put("community", CommunityService.summary(m))
              .put("session", session)
              .put("planned", SessionStatus.PLANNED.value().equals(session.getString("status")))
              .put("installationZone", pages.zone().getId()));
        }));
  }

  /** Sends only what the facilitator changed: an unchanged start that has meanwhile passed is no error. */
  private Future<Page> move(RoutingContext ctx) {
    String sessionId = ctx.pathParam("sessionId");
    Caller caller = Caller.required(ctx);
    return sessions.get(caller, sessionId).compose(session -> {
      JsonObject body = new JsonObject();
      changed(body, "startsAt", Forms.text(ctx, "startsAt"), session.getString("localStart"));
      changed(body, "zone", Forms.text(ctx, "zone"), session.getString("zone"));
      changed(body, "place", Forms.text(ctx, "place"), session.getString("place"));
      changed(body, "onlineLink", Forms.text(ctx, "onlineLink"), session.getString("onlineLink"));
      String minutes = Forms.text(ctx, "durationMinutes");
      if (!minutes.isEmpty() && !minutes.equals(String.valueOf(session.getInteger("durationMinutes")))) {
        body.put("durationMinutes", SessionPages.number(minutes));
      }
      if (body.containsKey("zone") && !body.containsKey("startsAt")) {
        // The same clock time in the new zone, as the form shows it.
        body.put("startsAt", Forms.text(ctx, "startsAt"));
      }
      if (body.isEmpty()) {
        return Future.succeededFuture(Page.redirect("/sessions/" + sessionId));
      }
      return forms.check("updateSession", Map.of("sessionId", sessionId), body)
          .compose(valid -> sessions.update(caller, sessionId, valid))
          .map(done -> Page.redirect(Saved.after("/sessions/" + sessionId, "sessionChanged")));
    });
  }

  private static void changed(JsonObject body, String field, String typed, String before) {
    if (!typed.isEmpty() && !Objects.equals(typed, before)) {
      body.put(field, typed);
    }
  }

  private Future<Page> cancel(RoutingContext ctx) {
    String sessionId = ctx.pathParam("sessionId");
    Caller caller = Caller.required(ctx);
    return forms.check("updateSession", Map.of("sessionId", sessionId),
            new JsonObject().put("status", SessionStatus.CANCELLED.value()))
        .compose(valid -> sessions.update(caller, sessionId, valid))
        .map(session -> Page.redirect("/c/" + session.getString("communityId") + "/sessions?cancelled=1"));
  }
}
