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

  public Logins(Database db, Duration lifetime) {
    this.db = db;
    this.mongo = db.mongo();
    this.lifetime = lifetime;
  }

  public record Started(String secret, String csrfToken, Duration lifetime) {
  }

  public Future<Started> start(String userId) {
    String secret = Ids.newSecret();
    String csrf = Ids.newSecret();
    JsonObject login = new JsonObject()
        .put("_id", Hashes.sha256(secret))
        .put("userId", userId)
        .put("csrf", csrf)
        .put("createdAt", db.now())
        .put("expiresAt", Times.format(db.clock().instant().plus(lifetime)));
    return mongo.insert(LOGINS, login).map(id -> new Started(secret, csrf, lifetime));
  }

  /** The live login for a cookie's secret, or null. */
  public Future<JsonObject> find(String secret) {
    return mongo.findOne(LOGINS, new JsonObject().put("_id", Hashes.sha256(secret)), null)
        .map(login -> login != null && login.getString("expiresAt").compareTo(db.now()) > 0 ? login : null);
  }

  public Future<Void> end(String secret) {
    return mongo.removeDocument(LOGINS, new JsonObject().put("_id", Hashes.sha256(secret))).mapEmpty();
  }

  /**
   * Ends every login of a person but the one whose cookie secret is {@code keep} (null: all of them), as a
   * password change or an erasure needs. Rare, so a scan of the collection is acceptable.
   */
  public Future<Void> endAllBut(String userId, String keep) {
    JsonObject query = new JsonObject().put("userId", userId);
    if (keep != null) {
      query.put("_id", new JsonObject().put("$ne", Hashes.sha256(keep)));
    }
    return mongo.removeDocuments(LOGINS, query).mapEmpty();
  }

  /** Housekeeping in the background; no request waits for this scan. */
  public Future<Void> removeExpired() {
    return mongo.removeDocuments(LOGINS, new JsonObject().put("expiresAt", new JsonObject().put("$lt", db.now())))
        .mapEmpty();
  }
}
