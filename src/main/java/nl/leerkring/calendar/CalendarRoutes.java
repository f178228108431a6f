package nl.leerkring.calendar;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import nl.leerkring.web.Caller;
import nl.leerkring.platform.Problem;
import nl.leerkring.web.Api;

/**
 * The calendar link in the JSON API (make a new one, stop it) and the calendar files themselves, which
 * calendar programs fetch with the secret in the path and no login.
 */
public final class CalendarRoutes {

  private static final String ICS = "text/calendar; charset=utf-8";

  private final CalendarFeeds feeds;

  public CalendarRoutes(CalendarFeeds feeds) {
    this.feeds = feeds;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("getCalendarFeed").addHandler(Api.ok(ctx -> feeds.status(Caller.required(ctx))));
    api.getRoute("renewCalendarFeed").addHandler(Api.created(ctx -> feeds.renew(Caller.required(ctx))));
    api.getRoute("revokeCalendarFeed").addHandler(Api.ok(ctx -> feeds.revoke(Caller.required(ctx)).map(x -> null)));
  }

  /** The files, outside the API: a calendar program cannot log in. */
  public void mountFiles(Router router) {
    router.get("/calendar/:file").handler(ctx -> {
      String file = ctx.pathParam("file");
      if (!file.endsWith(".ics")) {
        ctx.fail(Problem.notFound("calendar"));
        return;
      }
      feeds.feed(file.substring(0, file.length() - 4)).onSuccess(ics -> send(ctx, ics)).onFailure(ctx::fail);
    });
    router.get("/calendar/sessions/:file").handler(ctx -> {
      String file = ctx.pathParam("file");
      Caller caller = Caller.optional(ctx);
      if (caller == null || !file.endsWith(".ics")) {
        ctx.fail(caller == null ? Problem.unauthenticated() : Problem.notFound("session"));
        return;
      }
      feeds.session(caller, file.substring(0, file.length() - 4)).onSuccess(ics -> send(ctx, ics)).onFailure(ctx::fail);
    });
  }

  private static void send(RoutingContext ctx, String ics) {
    ctx.response().putHeader("Content-Type", ICS).putHeader("Cache-Control", "no-store").end(ics);
  }
}
