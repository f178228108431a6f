package nl.leerkring.account;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import nl.leerkring.audit.AuditTrail;
import nl.leerkring.platform.Problem;
import nl.leerkring.web.Caller;

/** Who may log in, and what a person may change about themselves; the API and the pages both ask here. */
public final class AccountService {

  private final UserStore users;
  private final Passwords passwords;
  private final PasswordPolicy policy;
  private final Logins logins;
  private final AuditTrail audit;
  private final LoginThrottle throttle;

  public AccountService(UserStore users, Passwords passwords, PasswordPolicy policy, Logins logins, AuditTrail audit,
                        LoginThrottle throttle) {
    this.audit = audit;
    this.users = users;
    this.passwords = passwords;
    this.policy = policy;
    this.logins = logins;
    this.throttle = throttle;
  }

  /**
   * The person whose login and password these are, asked from {@code address}; fails with 401 or, after too
   * many tries, 429.
   */
  public Future<JsonObject> authenticate(String login, String password, String address) {
    return throttle.attempt(login, address)
        .compose(ignored -> users.byLogin(login))
        .compose(user -> matching(user, password))
        .compose(user -> user != null
            ? throttle.succeeded(login, address).map(user)
            : throttle.failed(login).compose(x -> Future.failedFuture(badLogin())));
  }

  /** The person if the password is theirs, else null. */
  private Future<JsonObject> matching(JsonObject user, String password) {
    if (user == null || user.getBoolean("erased", false)) {
      // Hash anyway, so that timing does not tell which logins exist.
      return passwords.hash(password).map(x -> null);
    }
    return passwords.verify(user.getString("passwordHash"), password).map(matches -> matches ? user : null);
  }

  public Future<JsonObject> profile(Caller caller) {
    return users.byId(caller.userId());
  }

  /** Changes the person's own name or language; {@code changes} has been validated against the contract. */
  public Future<JsonObject> update(Caller caller, JsonObject changes) {
    JsonObject set = new JsonObject();
    changes.forEach(field -> set.put(field.getKey(), String.valueOf(field.getValue()).trim()));
    return users.update(caller.userId(), set).compose(ignored -> users.byId(caller.userId()));
  }

  /** Fails with a problem on the password field unless it is the caller's: before something irreversible. */
  public Future<Void> confirmPassword(Caller caller, String password) {
    return users.byId(caller.userId()).compose(user -> passwords.verify(user.getString("passwordHash"), password))
        .compose(matches -> matches ? Future.<Void>succeededFuture() : Future.failedFuture(
            Problem.invalidField("password", "wrong_password", "That is not your password.")));
  }

  /**
   * A new password, given the current one. Every other login of the person ends: whoever else knew the old
   * password is out. {@code keepLogin} is the login session of this request.
   */
  public Future<Void> changePassword(Caller caller, String current, String next, String keepLogin) {
    return users.byId(caller.userId()).compose(user -> passwords.verify(user.getString("passwordHash"), current)
        .compose(matches -> {
          if (!matches) {
            throw Problem.invalidField("currentPassword", "wrong_password", "That is not your current password.");
          }
          return policy.require("newPassword", next, user.getString("login"), user.getString("displayName"));
        })
        .compose(strong -> passwords.hash(next))
        .compose(hash -> users.update(caller.userId(), new JsonObject().put("passwordHash", hash)))
        .compose(x -> logins.endAllBut(caller.userId(), keepLogin))
        .compose(x -> audit.record(caller.organisationId(), caller.userId(), "password.changed", caller.userId(),
            new JsonObject())));
  }

  public Future<JsonObject> setLanguage(String userId, String language) {
    return users.update(userId, new JsonObject().put("language", language)).compose(ignored -> users.byId(userId));
  }

  private static Problem badLogin() {
    return Problem.status(401, "bad_login", "That login and password do not match.");
  }
}
