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
import java.time.Instant;

/**
 * Slows down password guessing without handing anyone a way to lock a colleague out. Two counters, both
 * documents so that the limits hold across server processes:
 * <ul>
 *   <li>per client address, attempts in a fixed window (a success gives its attempt back, so a whole office
 *   behind one address can log in): one client cannot try name after name;</li>
 *   <li>per login, failures in a window: past the allowance each further try must wait a pause that doubles
 *   with every failure, up to a minute. A guesser gets a few tries an hour; the person themselves waits at
 *   most that minute, and their success ends the pause.</li>
 * </ul>
 * Refusals say when to try again (Retry-After).
 */
public final class LoginThrottle {

  private static final String ATTEMPTS = "loginAttempts";
  private static final Duration LONGEST_PAUSE = Duration.ofMinutes(1);

  private final Database db;
  private final MongoClient mongo;
  private final int perLogin;
  private final int perAddress;
  private final Duration window;

  public LoginThrottle(Database db, int perLogin, int perAddress, Duration window) {
    this.db = db;
    this.mongo = db.mongo();
    this.perLogin = perLogin;
    this.perAddress = perAddress;
    this.window = window;
  }

  /** Counts this attempt from {@code address}; fails with 429 when the address or the login must wait. */
  public Future<Void> attempt(String login, String address) {
    return count(addressKey(address), new JsonObject()).compose(counter -> {
      if (counter.getInteger("count") > perAddress) {
        long wait = Duration.between(now(), Instant.parse(counter.getString("since")).plus(window)).toSeconds();
        return Future.failedFuture(Problem.tooMany("Too many login attempts from here. Try again later.", wait));
      }
      return mongo.findOne(ATTEMPTS, new JsonObject().put("_id", loginKey(login)), null).compose(this::pauseOver);
    });
  }

  private Future<Void> pauseOver(JsonObject failures) {
    if (failures == null || Instant.parse(failures.getString("since")).plus(window).isBefore(now())) {
      return Future.succeededFuture();
    }
    int over = failures.getInteger("count") - perLogin;
    if (over < 0) {
      return Future.succeededFuture();
    }
    Duration pause = Duration.ofSeconds(1L << Math.min(over, 6));
    pause = pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
    Instant allowedAt = Instant.parse(failures.getString("lastAt")).plus(pause);
    if (now().isBefore(allowedAt)) {
      long wait = (long) Math.ceil(Duration.between(now(), allowedAt).toMillis() / 1000.0);
      return Future.failedFuture(Problem.tooMany("Too many wrong passwords for this login. Wait " + wait
          + " seconds and try again.", wait));
    }
    return Future.succeededFuture();
  }

  /** A wrong password or unknown login: the next try for this login may have to wait. */
  public Future<Void> failed(String login) {
    return count(loginKey(login), new JsonObject().put("lastAt", db.now())).mapEmpty();
  }

  /** The right password: the login's pause ends, and the attempt no longer counts against the address. */
  public Future<Void> succeeded(String login, String address) {
    return mongo.removeDocument(ATTEMPTS, new JsonObject().put("_id", loginKey(login)))
        .compose(x -> mongo.updateCollection(ATTEMPTS, new JsonObject().put("_id", addressKey(address))
            .put("count", new JsonObject().put("$gt", 0)), new JsonObject().put("$inc", new JsonObject().put("count", -1))))
        .mapEmpty();
  }

  /** One atomic increment inside the current window; a counter whose window is over starts again at 1. */
  private Future<JsonObject> count(String id, JsonObject set) {
    String windowStart = Times.format(now().minus(window));
    JsonObject current = new JsonObject().put("_id", id).put("since", new JsonObject().put("$gt", windowStart));
    JsonObject increment = new JsonObject().put("$inc", new JsonObject().put("count", 1));
    if (!set.isEmpty()) {
      increment.put("$set", set);
    }
    return mongo.findOneAndUpdateWithOptions(ATTEMPTS, current, increment, new FindOptions(),
            new UpdateOptions().setReturningNewDocument(true))
        .compose(counter -> {
          if (counter != null) {
            return Future.succeededFuture(counter);
          }
          JsonObject fresh = set.copy().put("since", db.now()).put("count", 1);
          return mongo.updateCollectionWithOptions(ATTEMPTS, new JsonObject().put("_id", id),
              new JsonObject().put("$set", fresh), new UpdateOptions().setUpsert(true)).map(x -> fresh);
        });
  }

  private Instant now() {
    return db.clock().instant();
  }

  private static String loginKey(String login) {
    return "login:" + Hashes.sha256(UserStore.normaliseLogin(login));
  }

  private static String addressKey(String address) {
    return "address:" + Hashes.sha256(address);
  }
}
