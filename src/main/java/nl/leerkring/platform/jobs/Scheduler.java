package nl.leerkring.platform.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Ids;
import nl.leerkring.platform.Step;
import nl.leerkring.platform.Times;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs due jobs. Every few seconds (a Vert.x timer) it reads the jobs whose time has come and claims each
 * with one atomic update that only succeeds on the state it read; the claim moves the job's dueAt forward by
 * a short lease, which the process renews while the job runs (a heartbeat), so a second process skips it,
 * and a process that dies holding it gives it back when the lease ends. Looking at the database rather than at timers in memory is what makes jobs survive a restart: on
 * start-up the first look finds whatever fell due while the server was down.
 */
public final class Scheduler {

  private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

  private static final int BATCH = 100;

  private final Vertx vertx;
  private final Database db;
  private final MongoClient mongo;
  private final long pollMillis;
  /**
   * How long a claim holds without a heartbeat (setting jobLeaseSeconds, 30 s): a process that dies (kill -9,
   * power) loses its jobs to the others within this, plus one look. A running job renews it every third of it.
   */
  private final Duration lease;
  private final Map<String, JobHandler> handlers = new HashMap<>();
  private final String instance = Ids.newId();
  private long timer = -1;
  private Future<Void> looking = Future.succeededFuture();
  private volatile boolean stopped;
  private final MeterRegistry registry;
  private final AtomicInteger dueAtLastLook = new AtomicInteger();

  public Scheduler(Vertx vertx, Database db, long pollMillis, Duration lease, MeterRegistry registry) {
    this.vertx = vertx;
    this.db = db;
    this.mongo = db.mongo();
    this.pollMillis = pollMillis;
    this.lease = lease;
    this.registry = registry;
    Gauge.builder("leerkring.jobs.due", dueAtLastLook, AtomicInteger::get)
        .description("Jobs that were due at this process's last look (at most one batch)").register(registry);
  }

  /** Every job run, by kind and result: its own result, failed (gave up), retry (a failed try) or postponed. */
  private void count(JsonObject job, String result) {
    Counter.builder("leerkring.jobs").description("Jobs run, by kind and result")
        .tags("kind", String.valueOf(job.getString("kind")), "result", String.valueOf(result))
        .register(registry).increment();
  }

  public Scheduler handle(JobHandler handler) {
    handlers.put(handler.kind(), handler);
    return this;
  }

  public Future<Void> start() {
    return mongo.createIndex(Jobs.JOBS, new JsonObject().put("dueAt", 1)).onSuccess(x -> {
      LOG.info("Scheduler {} started; looking for due jobs every {} ms", instance, pollMillis);
      tick();
    });
  }

  /** Completes when the job under way, if any, is finished, so the database is not closed under it. */
  public Future<Void> stop() {
    stopped = true;
    vertx.cancelTimer(timer);
    return looking.otherwiseEmpty();
  }

  /** One look at a time: the next is set only when this one is finished. */
  private void tick() {
    if (stopped) {
      return;
    }
    looking = runDue();
    looking.onComplete(done -> {
      if (done.failed()) {
        LOG.warn("Could not run due jobs", done.cause());
      }
      if (!stopped) {
        timer = vertx.setTimer(pollMillis, id -> tick());
      }
    });
  }

  Future<Void> runDue() {
    String now = db.now();
    return mongo.findWithOptions(Jobs.JOBS, new JsonObject().put("dueAt", new JsonObject().put("$lte", now)),
            new FindOptions().setSort(new JsonObject().put("dueAt", 1)).setLimit(BATCH))
        .compose(due -> {
          dueAtLastLook.set(due.size());
          Future<Void> chain = Future.succeededFuture();
          for (JsonObject job : due) {
            chain = chain.compose(x -> stopped ? Future.succeededFuture() : claimAndRun(job));
          }
          return chain;
        });
  }

  private Future<Void> claimAndRun(JsonObject seen) {
    String id = seen.getString("_id");
    if (Jobs.DONE.equals(seen.getString("status"))) {
      // Finished, but the process stopped before it could remove the job.
      return mongo.removeDocument(Jobs.JOBS, new JsonObject().put("_id", id)).mapEmpty();
    }
    Instant now = db.clock().instant();
    JsonObject unchanged = new JsonObject().put("_id", id).put("dueAt", seen.getString("dueAt"))
        .put("status", new JsonObject().put("$ne", Jobs.DONE));
    return mongo.findOneAndUpdateWithOptions(Jobs.JOBS, unchanged, claim(instance, now, lease), new FindOptions(),
            new UpdateOptions().setReturningNewDocument(true))
        .compose(job -> job == null ? Future.succeededFuture() : run(job));
  }

  /** The claim's update: this process holds the job until the lease ends, then anyone may take it again. */
  static JsonObject claim(String instance, Instant now, Duration lease) {
    return new JsonObject().put("$set", new JsonObject()
        .put("status", Jobs.CLAIMED)
        .put("claimedBy", instance)
        .put("dueAt", Times.format(now.plus(lease))));
  }

  private Future<Void> run(JsonObject job) {
    JobHandler handler = handlers.get(job.getString("kind"));
    if (handler == null) {
      return finish(job, Outcome.skipped("unknown_kind"));
    }
    Future<Outcome> outcome;
    long heartbeat = vertx.setPeriodic(lease.toMillis() / 3, beat -> renew(job));
    try {
      outcome = handler.run(job);
    } catch (RuntimeException e) {
      outcome = Future.failedFuture(e);
    }
    outcome.onComplete(done -> vertx.cancelTimer(heartbeat));
    return outcome
        .compose(result -> result instanceof Outcome.Later later ? postpone(job, later) : finish(job, (Outcome.Done) result))
        .recover(error -> failed(handler, job, error));
  }

  private void renew(JsonObject job) {
    mongo.updateCollection(Jobs.JOBS, new JsonObject().put("_id", job.getString("_id")).put("claimedBy", instance),
            new JsonObject().put("$set", new JsonObject()
                .put("dueAt", Times.format(db.clock().instant().plus(lease)))))
        .onFailure(error -> LOG.warn("Could not renew the lease of job {}", job.getString("_id"), error));
  }

  private Future<Void> finish(JsonObject job, Outcome outcome) {
    Outcome.Done done = (Outcome.Done) outcome;
    String id = job.getString("_id");
    List<Step> steps = new ArrayList<>(done.steps());
    steps.add(Step.insert(Jobs.FINISHED, new JsonObject()
        .put("_id", id)
        .put("kind", job.getString("kind"))
        .put("result", done.result())
        .put("reason", done.reason())
        .put("at", job.getString("at"))
        .put("finishedAt", db.now())
        .put("tries", job.getInteger("tries", 0))
        .put("lastError", job.getString("lastError"))
        .put("by", instance)));
    steps.add(Step.update(Jobs.JOBS, id, new JsonObject().put("$set", new JsonObject().put("status", Jobs.DONE))));
    count(job, done.result());
    if ("skipped".equals(done.result())) {
      LOG.debug("Job {} skipped: {}", id, done.reason());
    }
    return db.writes().apply(steps)
        .compose(x -> mongo.removeDocument(Jobs.JOBS, new JsonObject().put("_id", id).put("status", Jobs.DONE)))
        .mapEmpty();
  }

  private Future<Void> postpone(JsonObject job, Outcome.Later later) {
    count(job, "postponed");
    String at = Times.format(later.at());
    JsonObject set = new JsonObject().put("status", Jobs.PENDING).put("at", at).put("dueAt", at);
    if (later.data() != null) {
      set.put("data", later.data());
    }
    return mongo.updateCollection(Jobs.JOBS, new JsonObject().put("_id", job.getString("_id")).put("claimedBy", instance),
        new JsonObject().put("$set", set).put("$unset", new JsonObject().put("claimedBy", ""))).mapEmpty();
  }

  /** Tried again after a pause that grows with every try; after the last try, recorded as failed. */
  private Future<Void> failed(JobHandler handler, JsonObject job, Throwable error) {
    int tries = job.getInteger("tries", 0) + 1;
    String message = String.valueOf(error.getMessage());
    if (handler.givesUp(tries)) {
      LOG.error("Job {} failed {} times; giving up", job.getString("_id"), tries, error);
      JsonObject last = job.copy().put("tries", tries).put("lastError", message);
      return finish(last, new Outcome.Done("failed", message, handler.gaveUp(last, message)));
    }
    count(job, "retry");
    Instant retryAt = db.clock().instant().plus(handler.retryDelay(tries));
    LOG.warn("Job {} failed (try {} of {}), again at {}: {}", job.getString("_id"), tries, handler.maxTries(),
        retryAt, message);
    return mongo.updateCollection(Jobs.JOBS, new JsonObject().put("_id", job.getString("_id")),
        new JsonObject().put("$set", new JsonObject()
            .put("status", Jobs.PENDING)
            .put("tries", tries)
            .put("lastError", message)
            .put("dueAt", Times.format(retryAt)))
            .put("$unset", new JsonObject().put("claimedBy", ""))).mapEmpty();
  }
}
