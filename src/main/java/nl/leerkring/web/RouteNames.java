package nl.leerkring.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * The route pattern a request matched ("/sessions/:sessionId"), which the access log and the metrics use
 * instead of the path, so that ids and secrets stay out of them and the series stay few.
 */
public final class RouteNames {

  private static final String ROUTE = "leerkring.route";

  private RouteNames() {
  }

  /** Names the route a request matched; handlers that know their pattern call this. */
  public static void set(RoutingContext ctx, String pattern) {
    ctx.put(ROUTE, pattern);
  }

  /** A handler that names the route and passes the request on, for routes with a fixed path. */
  public static Handler<RoutingContext> named(String pattern) {
    return ctx -> {
      set(ctx, pattern);
      ctx.next();
    };
  }

  /** Null when no handler named it. */
  public static String of(RoutingContext ctx) {
    return ctx.get(ROUTE);
  }
}
