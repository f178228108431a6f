package nl.leerkring.web;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CSPHandler;
import io.vertx.ext.web.handler.XFrameHandler;

/**
 * Set first on every response, so that no route can forget them. The content policy and the frame ban are
 * Vert.x Web's own handlers; the rest have none there. HSTS is ours too: Vert.x's HSTSHandler adds it only to
 * requests that arrive over TLS, and ours arrive as plain http from the proxy that ends TLS (publicUrl says https).
 */
public final class SecurityHeaders implements Handler<RoutingContext> {

  private final boolean https;

  private SecurityHeaders(boolean https) {
    this.https = https;
  }

  /** {@code https}: the site is reached over https (publicUrl), so browsers may be told to insist on it. */
  public static void addTo(Router router, boolean https) {
    router.route().handler(CSPHandler.create()
        .addDirective("img-src", "'self' data:")
        .addDirective("frame-ancestors", "'none'")
        .addDirective("base-uri", "'none'")
        .addDirective("form-action", "'self'"));
    router.route().handler(XFrameHandler.create(XFrameHandler.DENY));
    router.route().handler(new SecurityHeaders(https));
  }

  @Override
  public void handle(RoutingContext ctx) {
    MultiMap headers = ctx.response().headers();
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Referrer-Policy", "same-origin");
    headers.set("Cache-Control", "no-store");
    if (https) {
      headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    ctx.next();
  }
}
