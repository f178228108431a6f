package nl.leerkring.session;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import nl.leerkring.web.Caller;
import nl.leerkring.platform.Problem;

import java.time.Duration;

/**
 * A session's changes as server-sent events, for the people who have its page open. The stream listens on
 * this process's event bus, where {@code Broadcasts} also delivers the changes made through other server
 * processes on the same database.
 */
final class SessionEvents {

  /** Often enough that proxies and phones do not drop a quiet connection during a long phase. */
  static final Duration HEARTBEAT = Duration.ofSeconds(15);

  private final Vertx vertx;
  private final SessionService sessions;

  SessionEvents(Vertx vertx, SessionService sessions) {
    this.vertx = vertx;
    this.sessions = sessions;
  }

  /** Who may see the session may follow it; to anyone else it does not exist. */
  void follow(RoutingContext ctx) {
    Caller caller = Caller.optional(ctx);
    if (caller == null) {
      ctx.fail(Problem.unauthenticated());
      return;
    }
    String sessionId = ctx.pathParam("sessionId");
    sessions.follow(caller, sessionId).onFailure(ctx::fail).onSuccess(m -> stream(ctx, sessionId));
  }

  private void stream(RoutingContext ctx, String sessionId) {
    HttpServerResponse response = ctx.response()
        .setChunked(true)
        .putHeader("Content-Type", "text/event-stream; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .putHeader("X-Accel-Buffering", "no")
        .putHeader(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
    MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(SessionService.address(sessionId),
        message -> send(response, "data: " + message.body().encode() + "\n\n"));
    long heartbeat = vertx.setPeriodic(HEARTBEAT.toMillis(), id -> send(response, ": heartbeat\n\n"));
    response.closeHandler(closed -> {
      vertx.cancelTimer(heartbeat);
      consumer.unregister();
    });
    // The first bytes go out once the consumer is registered, so a client that has them misses nothing after.
    consumer.completion()
        .onSuccess(registered -> send(response, "retry: 2000\n: following\n\n"))
        .onFailure(error -> response.end());
  }

  private static void send(HttpServerResponse response, String chunk) {
    if (!response.closed() && !response.ended()) {
      response.write(chunk);
    }
  }
}
