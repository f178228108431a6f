package nl.leerkring.account;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import nl.leerkring.audit.AuditTrail;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Hashes;
import nl.leerkring.platform.Ids;
import nl.leerkring.platform.Problem;
import nl.leerkring.platform.Times;
import nl.leerkring.web.Caller;

import java.time.Duration;

/**
 * A forgotten password, for people without e-mail: their company admin makes a one-time link (shown as link
 * and QR code, like an invitation) and hands it over in person. The link works once, for a day; the database
 * keeps only its hash. Using it sets a new password and ends every login of the person.
 */
public final class PasswordResets {

  static final String RESETS = "passwordResets";
  private static final Duration VALID = Duration.ofHours(24);

  private final Database db;
  private final MongoClient mongo;
  private final UserStore users;
  private final Passwords passwords;
  private final PasswordPolicy policy;
  private final Logins logins;
  private final AuditTrail audit;
  private final String publicUrl;

  public PasswordResets(Database db, UserStore users, Passwords passwords, PasswordPolicy policy, Logins logins,
                        AuditTrail audit, String publicUrl) {
    this.db = db;
    this.mongo = db.mongo();
    this.users = users;
    this.passwords = passwords;
    this.policy = policy;
    this.logins = logins;
    this.audit = audit;
    this.publicUrl = publicUrl;
  }

  /** For a company admin, about someone in their company; anyone else gets 404. */
  public Future<JsonObject> create(Caller caller, String organisationId, String userId) {
    if (!caller.administers(organisationId)) {
      return Future.failedFuture(Problem.notFound("person"));
    }
    return users.byId(userId).compose(user -> {
      if (user == null || user.getBoolean("erased", false) || !organisationId.equals(user.getString("organisationId"))) {
        throw Problem.notFound("person");
      }
      String token = Ids.newSecret();
      String expiresAt = Times.format(db.clock().instant().plus(VALID));
      JsonObject reset = new JsonObject().put("_id", Hashes.sha256(token)).put("userId", userId)
          .put("organisationId", organisationId).put("createdBy", caller.userId()).put("createdAt", db.now())
          .put("expiresAt", expiresAt);
      return mongo.insert(RESETS, reset)
          .compose(x -> audit.record(organisationId, caller.userId(), "password.reset_link", userId, new JsonObject()))
          .map(x -> new JsonObject().put("userId", userId).put("displayName", user.getString("displayName"))
              .put("token", token).put("url", publicUrl + "/reset/" + token).put("expiresAt", expiresAt));
    });
  }

  /** Whose link it is, while it can be used. */
  public Future<JsonObject> usable(String token) {
    return mongo.findOne(RESETS, new JsonObject().put("_id", Hashes.sha256(token)), null).map(reset -> {
      if (reset == null) {
        throw Problem.notFound("password reset link");
      }
      if (reset.getString("usedAt") != null || reset.getString("expiresAt").compareTo(db.now()) <= 0) {
        throw Problem.conflict("reset_unusable", "This link has been used or has expired. Ask for a new one.");
      }
      return reset;
    });
  }

  public Future<Void> use(String token, String newPassword) {
    return usable(token).compose(reset -> users.byId(reset.getString("userId")).compose(user ->
        policy.require("newPassword", newPassword, user.getString("login"), user.getString("displayName"))
            .compose(x -> claim(reset))
            .compose(x -> passwords.hash(newPassword))
            .compose(hash -> users.update(user.getString("_id"), new JsonObject().put("passwordHash", hash)))
            .compose(x -> logins.endAllBut(user.getString("_id"), null))
            .compose(x -> audit.record(reset.getString("organisationId"), user.getString("_id"), "password.reset",
                user.getString("_id"), new JsonObject()))));
  }

  /** Atomically, so that a link opened twice sets a password once. */
  private Future<Void> claim(JsonObject reset) {
    return mongo.findOneAndUpdateWithOptions(RESETS, new JsonObject().put("_id", reset.getString("_id")).putNull("usedAt"),
            new JsonObject().put("$set", new JsonObject().put("usedAt", db.now())), new FindOptions(), new UpdateOptions())
        .map(before -> {
          if (before == null) {
            throw Problem.conflict("reset_unusable", "This link has been used or has expired. Ask for a new one.");
          }
          return null;
        });
  }
}
