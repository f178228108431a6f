package nl.leerkring.platform;

import com.mongodb.client.model.changestream.ChangeStreamDocument;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Publishes a message on the event bus of every server process on this database, for the people who follow
 * something live (a session's page). On the embedded store this process is the only one, so its own event bus
 * is all there is. On a MongoDB each message is written to {@value #COLLECTION}, and every process follows
 * that collection with a change stream and publishes what arrives on its own event bus: processes need not
 * know each other, and the replica set that several processes need anyway is the only moving part.
 */
public final class Broadcasts {

  private static final Logger LOG = LoggerFactory.getLogger(Broadcasts.class);
  static final String COLLECTION = "broadcasts";
  /** A real MongoDB deletes delivered messages after this (a TTL index); the embedded engine keeps them. */
  private static final long KEEP_HOURS = 1;
  /** How often a process that just started writes its probe until its own change stream shows it. */
  private static final long PROBE_MILLIS = 250;
  private static final long READY_WITHIN_MILLIS = 10_000;
  private static final long REOPEN_MILLIS = 1_000;
  private static final String PROBE = "broadcasts.probe";
  /** Published on this process's own event bus when news from the others may have been missed. */
  public static final String GAP = "broadcasts.gap";

  private final Vertx vertx;
  private final MongoClient mongo;
  private final String processId = UUID.randomUUID().toString();
  /** Whether what is published reaches every process: false for a MongoDB without change streams. */
  private final boolean everyProcess;
  /** False while the change stream is lost, until this process sees its own probe come back again. */
  private volatile boolean following = true;
  private long probing = -1;
  private ReadStream<ChangeStreamDocument<JsonObject>> changes;
  private boolean closed;

  private Broadcasts(Vertx vertx, MongoClient mongo, boolean everyProcess) {
    this.vertx = vertx;
    this.mongo = mongo;
    this.everyProcess = everyProcess;
  }

  /** The only process on its store: the local event bus reaches everyone. */
  static Broadcasts local(Vertx vertx) {
    return new Broadcasts(vertx, null, true);
  }

  /** One of several processes that cannot reach the others: each learns only of its own changes. */
  static Broadcasts thisProcessOnly(Vertx vertx) {
    return new Broadcasts(vertx, null, false);
  }

  /**
   * Whether a change published now reaches every process, so that they may keep copies of what it changes
   * ({@link Kept}). While it is false, and whenever it was false for a moment ({@link #GAP}), copies are dropped.
   */
  public boolean reachesEveryProcess() {
    return everyProcess && following;
  }

  /**
   * Follows the shared collection and completes once this process has seen its own probe come back, so that
   * nothing published after start-up can pass it by. A MongoDB without change streams (a single server, not a
   * replica set) leaves this process on its own event bus, and says so.
   */
  static Future<Broadcasts> shared(Vertx vertx, MongoClient mongo) {
    Broadcasts broadcasts = new Broadcasts(vertx, mongo, true);
    return mongo.createIndexWithOptions(COLLECTION, new JsonObject().put("at", 1),
            new IndexOptions().expireAfter(KEEP_HOURS, TimeUnit.HOURS))
        .compose(x -> broadcasts.follow())
        .map(broadcasts)
        .recover(error -> {
          LOG.warn("This database offers no change streams ({}): a live session reaches only the people following "
              + "it through this process. Several processes need a MongoDB replica set.", error.getMessage());
          broadcasts.stop();
          return Future.succeededFuture(thisProcessOnly(vertx));
        });
  }

  /**
   * Completes when the change is on its way to every process, so that a person's next change cannot overtake it.
   * It never fails: the change itself is saved, and a follower who missed it sees it on the next reload.
   */
  public Future<Void> publish(String address, JsonObject body) {
    if (mongo == null) {
      vertx.eventBus().publish(address, body);
      return Future.succeededFuture();
    }
    return write(address, body).<Void>mapEmpty().recover(error -> {
      LOG.warn("Could not publish a change for {} to the other processes", address, error);
      return Future.succeededFuture();
    });
  }

  private Future<String> write(String address, JsonObject body) {
    // The store's own wall time, not the movable clock: MongoDB removes a message by its own clock.
    return mongo.insert(COLLECTION, new JsonObject().put("address", address).put("body", body)
        .put("at", new JsonObject().put("$date", Instant.now().toString())));
  }

  private Future<Void> follow() {
    Promise<Void> ready = Promise.promise();
    open(ready);
    long probe = vertx.setPeriodic(0, PROBE_MILLIS, id -> write(PROBE, new JsonObject().put("process", processId)));
    long giveUp = vertx.setTimer(READY_WITHIN_MILLIS, id -> ready.tryFail("no change arrived within "
        + READY_WITHIN_MILLIS + " ms"));
    return ready.future().onComplete(x -> {
      vertx.cancelTimer(probe);
      vertx.cancelTimer(giveUp);
    });
  }

  private void open(Promise<Void> ready) {
    changes = mongo.watch(COLLECTION, new JsonArray().add(new JsonObject().put("$match",
        new JsonObject().put("operationType", "insert"))), false, 16);
    changes.exceptionHandler(error -> reopen(ready, error.getMessage()));
    changes.endHandler(end -> reopen(ready, "the change stream ended"));
    changes.handler(change -> deliver(change.getFullDocument(), ready));
  }

  /** Before start-up completed a failure means no change streams; after it, the stream is opened again. */
  private void reopen(Promise<Void> ready, String why) {
    if (closed || ready.tryFail(why)) {
      return;
    }
    LOG.warn("Lost the change stream of live changes ({}); following again in {} ms, changes in between reach "
        + "followers when their page reconnects", why, REOPEN_MILLIS);
    following = false;
    vertx.eventBus().publish(GAP, null);
    vertx.setTimer(REOPEN_MILLIS, id -> {
      if (!closed) {
        open(ready);
        if (probing < 0) {
          probing = vertx.setPeriodic(0, PROBE_MILLIS, x -> write(PROBE, new JsonObject().put("process", processId)));
        }
      }
    });
  }

  /** Own probe back after a loss: what others publish arrives again; what they published meanwhile may not have. */
  private void followingAgain() {
    vertx.cancelTimer(probing);
    probing = -1;
    following = true;
    vertx.eventBus().publish(GAP, null);
  }

  private void deliver(JsonObject message, Promise<Void> ready) {
    if (message == null) {
      return;
    }
    String address = message.getString("address");
    JsonObject body = message.getJsonObject("body");
    if (PROBE.equals(address)) {
      if (processId.equals(body.getString("process"))) {
        ready.tryComplete();
        if (!following) {
          followingAgain();
        }
      }
      return;
    }
    vertx.eventBus().publish(address, body);
  }

  void stop() {
    closed = true;
    vertx.cancelTimer(probing);
    if (changes != null) {
      changes.handler(null);
    }
  }
}
