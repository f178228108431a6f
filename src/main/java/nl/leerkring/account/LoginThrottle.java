package nl.leerkring.account;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Hashes;
import nl.leerkring.platform.Problem;
import nl.leerkring.platform.Times;

import java.time.Duration;

/**
 * Limits login attempts per login name in a fixed window. The counter is a document, so the limit holds
 * across server processes.
 */
public final class LoginThrottle {

  private static final String ATTEMPTS = "loginAttempts";

  private final Database db;
  private final MongoClient mongo;
  private final int allowed;
  private final Duration window;

  public LoginThrottle(Database db, int allowed, Duration window) {
    this.db = db;
    this.mongo = db.mongo();
    this.allowed = allowed;
    this.window = window;
  }

  /** Counts this attempt; fails with 429 when the window's budget is spent. */
  public Future<Void> attempt(String login) {
    String id = Hashes.sha256(UserStore.normaliseLogin(login));
    String windowStart = Times.format(db.clock().instant().minus(window));
    JsonObject current = new JsonObject().put("_id", id).put("since", new JsonObject().put("$gt", windowStart));
    return mongo.findOneAndUpdateWithOptions(ATTEMPTS, current, new JsonObject().put("$inc", new JsonObject().put("count", 1)),
            new FindOptions(), new UpdateOptions().setReturningNewDocument(true))
        .compose(counter -> {
          if (counter == null) {
            JsonObject fresh = new JsonObject().put("$set", new JsonObject().put("since", db.now()).put("count", 1));
            return mongo.updateCollectionWithOptions(ATTEMPTS, new JsonObject().put("_id", id), fresh,
                new UpdateOptions().setUpsert(true)).mapEmpty();
          }
          if (counter.getInteger("count") > allowed) {
            return Future.failedFuture(Problem.tooMany(
                "Too many login attempts. Wait " + window.toMinutes() + " minutes and try again."));
          }
          return Future.succeededFuture();
        });
  }

  public Future<Void> reset(String login) {
    return mongo.removeDocument(ATTEMPTS, new JsonObject().put("_id", Hashes.sha256(UserStore.normaliseLogin(login))))
        .mapEmpty();
  }
}
