package nl.leerkring.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import nl.leerkring.platform.Problem;

/**
 * The body handler must admit a phone photo of several megabytes; JSON bodies get this much smaller limit,
 * since no field note or question comes near it.
 */
public final class JsonBodyLimit implements Handler<RoutingContext> {

  private final long maxBytes;

  public JsonBodyLimit(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    boolean json = type == null || type.startsWith("application/json");
    if (json && ctx.body().length() > maxBytes) {
      ctx.fail(Problem.status(413, "too_large", "The request is larger than " + maxBytes / 1024 + " KB."));
      return;
    }
    ctx.next();
  }
}
