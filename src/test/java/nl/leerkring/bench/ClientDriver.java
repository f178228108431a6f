package nl.leerkring.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The driver for a machine without wrk: Vert.x's WebClient in the benchmark's own JVM, one loop per
 * connection, latencies in an HdrHistogram. It costs more CPU per request than wrk, on the same cores.
 */
final class ClientDriver implements LoadDriver {

  private final Vertx vertx;

  ClientDriver(Vertx vertx) {
    this.vertx = vertx;
  }

  /** One connection's loop and what all of them share. */
  private record Loop(WebClient client, Target target, long endNanos, Recorder micros, AtomicLong errors,
                      Promise<Void> done) {
  }

  @Override
  public Result run(Target target, int concurrency, Duration duration) {
    WebClient client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(concurrency));
    try {
      Recorder micros = new Recorder(3);
      AtomicLong errors = new AtomicLong();
      long start = System.nanoTime();
      List<Future<Void>> loops = new ArrayList<>();
      for (int i = 0; i < concurrency; i++) {
        Loop loop = new Loop(client, target, start + duration.toNanos(), micros, errors, Promise.promise());
        next(loop);
        loops.add(loop.done().future());
      }
      Future.all(loops).await();
      double seconds = (System.nanoTime() - start) / 1e9;
      Histogram latencies = micros.getIntervalHistogram();
      return new Result(latencies.getTotalCount() / seconds, latencies.getValueAtPercentile(50) / 1000.0,
          latencies.getValueAtPercentile(99) / 1000.0, errors.get());
    } finally {
      client.close();
    }
  }

  private static void next(Loop loop) {
    if (System.nanoTime() >= loop.endNanos()) {
      loop.done().complete();
      return;
    }
    long sent = System.nanoTime();
    send(loop.client(), loop.target()).onComplete(done -> {
      loop.micros().recordValue((System.nanoTime() - sent) / 1000);
      // As wrk counts them: a redirect is an answer, a 4xx or 5xx an error.
      if (done.failed() || done.result().statusCode() >= 400) {
        loop.errors().incrementAndGet();
      }
      next(loop);
    });
  }

  /** The target's request, once. */
  static Future<HttpResponse<Buffer>> send(WebClient client, Target target) {
    HttpRequest<Buffer> request = client.requestAbs(HttpMethod.valueOf(target.method()), target.url());
    target.headers().forEach(request::putHeader);
    return target.body() == null ? request.send()
        : request.putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(target.body()));
  }

  @Override
  public String describe() {
    return "Vert.x WebClient in the benchmark's JVM";
  }
}
