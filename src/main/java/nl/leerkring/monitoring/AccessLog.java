package nl.leerkring.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import nl.leerkring.web.RouteNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * One line per request on the logger {@code nl.leerkring.access}: method, route pattern, status and
 * milliseconds. The route is the pattern the request matched ({@code /api/v1/notes/{noteId}}), never its raw
 * path: no ids, tokens, query strings or cookies reach the log. The same measurement feeds the metrics.
 */
public final class AccessLog implements Handler<RoutingContext> {

  private static final Logger ACCESS = LoggerFactory.getLogger("nl.leerkring.access");
  /** A path segment that is an id or a secret: random base64url, with a digit or a capital somewhere. */
  private static final Pattern SECRET_OR_ID = Pattern.compile("(?=.*[0-9A-Z])[A-Za-z0-9_-]{16,}(\\.[a-z]+)?");
  private static final Pattern NUMBER = Pattern.compile("[0-9]+");

  private final MeterRegistry registry;
  private final AtomicInteger liveStreams;
  /** By method, route and status: building a timer's id on every request showed in a page's profile. */
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  AccessLog(MeterRegistry registry, AtomicInteger liveStreams) {
    this.registry = registry;
    this.liveStreams = liveStreams;
  }

  @Override
  public void handle(RoutingContext ctx) {
    long start = System.nanoTime();
    boolean stream = RequestTimeout.isLiveStream(ctx.request().path());
    if (stream) {
      liveStreams.incrementAndGet();
      RouteNames.set(ctx, "/sessions/:sessionId/events");
    }
    ctx.addEndHandler(done -> {
      long nanos = System.nanoTime() - start;
      if (stream) {
        liveStreams.decrementAndGet();
      }
      String method = ctx.request().method().name();
      int status = ctx.response().getStatusCode();
      String pattern = RouteNames.of(ctx);
      String route = pattern != null ? pattern : masked(ctx.request().path());
      ACCESS.info("{} {} {} {} ms", method, route, status, TimeUnit.NANOSECONDS.toMillis(nanos));
      // Unnamed paths (mostly 404s for made-up addresses) share one series, so none can grow without end.
      String series = pattern != null ? pattern : "other";
      timers.computeIfAbsent(method + ' ' + series + ' ' + status, key -> Timer.builder("leerkring.http.requests")
              .description("HTTP requests by route and status")
              .tags("method", method, "route", series, "status", String.valueOf(status))
              .publishPercentileHistogram()
              .register(registry))
          .record(nanos, TimeUnit.NANOSECONDS);
    });
    ctx.next();
  }

  /** The path with every id, token and number replaced, for requests no route named. */
  static String masked(String path) {
    StringBuilder out = new StringBuilder();
    for (String segment : path.split("/", -1)) {
      if (!out.isEmpty() || path.startsWith("/")) {
        out.append(out.isEmpty() && segment.isEmpty() ? "" : "/");
      }
      out.append(SECRET_OR_ID.matcher(segment).matches() ? "{id}" : NUMBER.matcher(segment).matches() ? "{n}" : segment);
    }
    return out.isEmpty() ? "/" : out.toString();
  }
}
