package nl.leerkring.account;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Hashes;
import nl.leerkring.platform.Ids;
import nl.leerkring.platform.Times;

import java.time.Duration;

/**
 * Login sessions live in the database, so they survive a restart and every server process sees them.
 * The cookie holds a random secret; the database holds only its hash, found by _id.
 */
public final class Logins {

  static final String LOGINS = "logins";

  private final Database db;
  private final MongoClient mongo;
  private final Duration lifetime;
  private final Callers callers;

  public Logins(Database db, Duration lifetime, Callers callers) {
    this.db = db;
    this.mongo = db.mongo();
    this.lifetime = lifetime;
    this.callers = callers;
  }

  /** How a login is stored and known: the hash of its cookie's secret. */
  static String key(String secret) {
    return Hashes.sha256(secret);
  }

  public record Started(String secret, String csrfToken, Duration lifetime) {
  }

  public Future<Started> start(String userId) {
    String secret = Ids.newSecret();
    String csrf = Ids.newSecret();
    JsonObject login = new JsonObject()
        .put("_id", key(secret))
        .put("userId", userId)
        .put("csrf", csrf)
        .put("createdAt", db.now())
        .put("expiresAt", Times.format(db.clock().instant().plus(lifetime)));
    return mongo.insert(LOGINS, login).map(id -> new Started(secret, csrf, lifetime));
  }

  /** The live login for a cookie's secret, or null. */
  public Future<JsonObject> find(String secret) {
    return mongo.findOne(LOGINS, new JsonObject().put("_id", key(secret)), null)
        .map(login -> login != null && login.getString("expiresAt").compareTo(db.now()) > 0 ? login : null);
  }

  public Future<Void> end(String secret) {
    return mongo.removeDocument(LOGINS, new JsonObject().put("_id", key(secret)))
        .compose(x -> callers.loginEnded(key(secret)));
  }

  /**
   * Ends every login of a person but the one whose cookie secret is {@code keep} (null: all of them), as a
   * password change or an erasure needs. Rare, so a scan of the collection is acceptable.
   */
  public Future<Void> endAllBut(String userId, String keep) {
    JsonObject query = new JsonObject().put("userId", userId);
    if (keep != null) {
      query.put("_id", new JsonObject().put("$ne", key(keep)));
    }
    // Dropping the person drops the login kept too; it is read again on its next request.
    return mongo.removeDocuments(LOGINS, query).compose(x -> callers.changed(userId));
  }

  /** Housekeeping in the background; no request waits for this scan. */
  public Future<Void> removeExpired() {
    return mongo.removeDocuments(LOGINS, new JsonObject().put("expiresAt", new JsonObject().put("$lt", db.now())))
        .mapEmpty();
  }
}
