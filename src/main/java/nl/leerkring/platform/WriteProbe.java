package nl.leerkring.platform;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;

import java.time.Clock;

/** A real write to one small document, done at most once per interval; callers in between share its result. */
final class WriteProbe {

  static final String COLLECTION = "health";
  private static final long INTERVAL_MILLIS = 3_000;

  private final MongoClient mongo;
  private final Clock clock;
  private Future<Void> last;
  private long lastAt;

  WriteProbe(MongoClient mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  /** The interval runs on real time, not on the movable clock tests use, so a test cannot stall it. */
  synchronized Future<Void> get() {
    long now = System.nanoTime() / 1_000_000;
    if (last == null || (last.isComplete() && now - lastAt >= INTERVAL_MILLIS)) {
      lastAt = now;
      last = mongo.updateCollectionWithOptions(COLLECTION, new JsonObject().put("_id", "writeProbe"),
          new JsonObject().put("$set", new JsonObject().put("at", Times.now(clock))),
          new UpdateOptions().setUpsert(true)).mapEmpty();
    }
    return last;
  }
}
