package nl.leerkring.monitoring;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.regex.Pattern;

/**
 * No request waits forever: after {@code requestTimeoutMillis} it is answered 503 and logged. A live session's
 * event stream is meant to stay open and is exempt; a photo upload from a phone on a slow connection gets
 * the longer {@code uploadTimeoutMillis}.
 */
public final class RequestTimeout implements Handler<RoutingContext> {

  private static final Logger LOG = LoggerFactory.getLogger(RequestTimeout.class);
  private static final Pattern LIVE_STREAM = Pattern.compile("^/sessions/[^/]+/events$");
  private static final Pattern UPLOAD =
      Pattern.compile("^(/api/v1/notes/[^/]+/photo|/c/[^/]+/notes|/notes/[^/]+/edit|/questions/[^/]+/snacks)$");

  private final Vertx vertx;
  private final long millis;
  private final long uploadMillis;

  public RequestTimeout(Vertx vertx, long millis, long uploadMillis) {
    this.vertx = vertx;
    this.millis = millis;
    this.uploadMillis = uploadMillis;
  }

  static boolean isLiveStream(String path) {
    return LIVE_STREAM.matcher(path).matches();
  }

  /**
   * Like Vert.x Web's TimeoutHandler, which answers 503 the same way, but it also says in the log which
   * route hung.
   */
  @Override
  public void handle(RoutingContext ctx) {
    String path = ctx.request().path();
    if (isLiveStream(path)) {
      ctx.next();
      return;
    }
    long limit = UPLOAD.matcher(path).matches() && !"GET".equals(ctx.request().method().name()) ? uploadMillis : millis;
    long timer = vertx.setTimer(limit, id -> {
      if (ctx.response().ended() || ctx.response().closed()) {
        return;
      }
      LOG.warn("No answer within {} ms: {} {} is answered 503", limit, ctx.request().method(), AccessLog.masked(path));
      if (ctx.response().headWritten()) {
        ctx.request().connection().close();
      } else {
        ctx.fail(503);
      }
    });
    ctx.addEndHandler(done -> vertx.cancelTimer(timer));
    ctx.next();
  }
}
