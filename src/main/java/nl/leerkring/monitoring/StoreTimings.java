package nl.leerkring.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.ext.mongo.MongoClient;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * How long each store call takes as the application sees it, for the embedded store and MongoDB alike. The
 * client is wrapped rather than the driver's command listener used: adding a listener means building the
 * driver's settings, which the Vert.x client does only in its internal classes.
 */
public final class StoreTimings {

  private final MeterRegistry registry;
  /** By command and outcome: building a timer's id on every call showed in a page's profile. */
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  public StoreTimings(MeterRegistry registry) {
    this.registry = registry;
  }

  public MongoClient timed(MongoClient client) {
    return (MongoClient) Proxy.newProxyInstance(MongoClient.class.getClassLoader(), new Class<?>[] {MongoClient.class},
        (proxy, method, args) -> {
          long started = System.nanoTime();
          Object result;
          try {
            result = method.invoke(client, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          if (result instanceof Future<?> future) {
            future.onComplete(done -> record(method.getName(), done.succeeded() ? "ok" : "failed",
                System.nanoTime() - started));
          }
          return result;
        });
  }

  private void record(String command, String outcome, long nanos) {
    timers.computeIfAbsent(command + ' ' + outcome, key -> Timer.builder("leerkring.store.commands")
            .description("Store calls by name and outcome")
            .tags("command", command, "outcome", outcome)
            .publishPercentileHistogram()
            .register(registry))
        .record(nanos, TimeUnit.NANOSECONDS);
  }
}
