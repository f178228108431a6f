package nl.leerkring.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.backends.BackendRegistries;
import nl.leerkring.web.Caller;
import nl.leerkring.platform.Problem;
import nl.leerkring.platform.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's metrics in Prometheus' text format: Vert.x's own (when the launcher enabled them) and ours,
 * requests per route and status, event-loop delay, store commands, jobs, mails and live-session streams.
 * Installation administrators read them at {@code /metrics}; Prometheus may scrape a separate port.
 */
public final class Monitoring {

  /** The registry the launcher gives Vert.x; a server deployed without it keeps a registry of its own. */
  public static final String REGISTRY = "leerkring";
  private static final Logger LOG = LoggerFactory.getLogger(Monitoring.class);
  private static final Duration PROBE = Duration.ofMillis(500);

  private final Vertx vertx;
  private final PrometheusMeterRegistry registry;
  private final AtomicInteger liveStreams = new AtomicInteger();
  private final Timer eventLoopDelay;
  private volatile boolean stopped;
  private HttpServer metricsServer;

  private Monitoring(Vertx vertx, PrometheusMeterRegistry registry) {
    this.vertx = vertx;
    this.registry = registry;
    Gauge.builder("leerkring.sessions.live.streams", liveStreams, AtomicInteger::get)
        .description("Open live-session event streams").register(registry);
    eventLoopDelay = Timer.builder("leerkring.eventloop.delay")
        .description("How late a timer on the server's event loop fires: work that blocks the loop shows here")
        .publishPercentileHistogram().register(registry);
  }

  public static Monitoring create(Vertx vertx) {
    MeterRegistry shared = BackendRegistries.getNow(REGISTRY);
    return new Monitoring(vertx, shared instanceof PrometheusMeterRegistry prometheus
        ? prometheus : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  public MeterRegistry registry() {
    return registry;
  }

  public AccessLog accessLog() {
    return new AccessLog(registry, liveStreams);
  }

  /** Starts measuring the event loop's delay, on the loop of the caller's context. */
  public void start() {
    probe(System.nanoTime() + PROBE.toNanos());
  }

  private void probe(long due) {
    vertx.setTimer(PROBE.toMillis(), id -> {
      eventLoopDelay.record(Math.max(0, System.nanoTime() - due), TimeUnit.NANOSECONDS);
      if (!stopped) {
        probe(System.nanoTime() + PROBE.toNanos());
      }
    });
  }

  /** {@code GET /metrics} on the main port: for installation administrators only. */
  public Handler<RoutingContext> adminScrape() {
    return ctx -> {
      Caller caller = Caller.required(ctx);
      if (!caller.installationAdmin()) {
        throw Problem.forbidden("Only an installation administrator can read the metrics.");
      }
      scrape(ctx);
    };
  }

  private void scrape(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(registry.scrape());
  }

  /** The metrics without login on their own address, which should be reachable only by Prometheus. */
  public Future<Void> listenSeparately(Settings.Operations settings) {
    if (settings.metricsPort() < 0) {
      return Future.succeededFuture();
    }
    Router router = Router.router(vertx);
    router.get("/metrics").handler(this::scrape);
    return vertx.createHttpServer(new HttpServerOptions().setHost(settings.metricsHost()).setPort(settings.metricsPort()))
        .requestHandler(router).listen()
        .onSuccess(server -> {
          metricsServer = server;
          LOG.info("Metrics for Prometheus on http://{}:{}/metrics", settings.metricsHost(), server.actualPort());
        })
        .mapEmpty();
  }

  /** The port of the separate metrics address, or -1 when there is none. */
  public int metricsPort() {
    return metricsServer == null ? -1 : metricsServer.actualPort();
  }

  public Future<Void> stop() {
    stopped = true;
    return metricsServer == null ? Future.succeededFuture() : metricsServer.close();
  }
}
