package nl.leerkring.web;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/** Set first on every response, so that no route can forget them. */
public final class SecurityHeaders implements Handler<RoutingContext> {

  private static final String POLICY = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; "
      + "base-uri 'none'; form-action 'self'";

  private final boolean https;

  /** {@code https}: the site is reached over https (publicUrl), so browsers may be told to insist on it. */
  public SecurityHeaders(boolean https) {
    this.https = https;
  }

  @Override
  public void handle(RoutingContext ctx) {
    MultiMap headers = ctx.response().headers();
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("X-Frame-Options", "DENY");
    headers.set("Referrer-Policy", "same-origin");
    headers.set("Content-Security-Policy", POLICY);
    headers.set("Cache-Control", "no-store");
    if (https) {
      headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    ctx.next();
  }
}
