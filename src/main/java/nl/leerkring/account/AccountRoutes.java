package nl.leerkring.account;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import nl.leerkring.platform.Problem;
import nl.leerkring.web.Api;

/** Logging in and out, and the person's own account. */
public final class AccountRoutes {

  private final UserStore users;
  private final Passwords passwords;
  private final Logins logins;
  private final LoginThrottle throttle;
  private final Authentication authentication;

  public AccountRoutes(UserStore users, Passwords passwords, Logins logins, LoginThrottle throttle,
                       Authentication authentication) {
    this.users = users;
    this.passwords = passwords;
    this.logins = logins;
    this.throttle = throttle;
    this.authentication = authentication;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("login").addHandler(Api.ok(this::login));
    api.getRoute("logout").addHandler(Api.ok(this::logout));
    api.getRoute("getMe").addHandler(Api.ok(ctx -> users.byId(Caller.required(ctx).userId())
        .map(user -> me(user, Caller.required(ctx).csrfToken()))));
    api.getRoute("updateMe").addHandler(Api.ok(this::updateMe));
  }

  private Future<JsonObject> login(RoutingContext ctx) {
    JsonObject body = Api.body(ctx);
    String login = body.getString("login");
    return throttle.attempt(login)
        .compose(ignored -> users.byLogin(login))
        .compose(user -> user == null
            // Hash anyway, so that timing does not tell which logins exist.
            ? passwords.hash(body.getString("password")).compose(x -> Future.failedFuture(badLogin()))
            : passwords.verify(user.getString("passwordHash"), body.getString("password"))
                .compose(matches -> matches ? Future.succeededFuture(user) : Future.failedFuture(badLogin())))
        .compose(user -> throttle.reset(login).compose(x -> logIn(ctx, user)));
  }

  /** Starts a login session for a person and sets its cookie; also used right after joining. */
  public Future<JsonObject> logIn(RoutingContext ctx, JsonObject user) {
    return logins.start(user.getString("_id")).map(started -> {
      ctx.response().addCookie(authentication.cookie(started.secret(), started.lifetime()));
      return me(user, started.csrfToken());
    });
  }

  private Future<Void> logout(RoutingContext ctx) {
    String secret = Authentication.secretOf(ctx);
    ctx.response().addCookie(authentication.expired());
    return secret == null ? Future.succeededFuture() : logins.end(secret);
  }

  private Future<JsonObject> updateMe(RoutingContext ctx) {
    Caller caller = Caller.required(ctx);
    JsonObject set = new JsonObject();
    Api.body(ctx).forEach(field -> set.put(field.getKey(), String.valueOf(field.getValue()).trim()));
    return users.update(caller.userId(), set)
        .compose(ignored -> users.byId(caller.userId()))
        .map(user -> me(user, caller.csrfToken()));
  }

  private static JsonObject me(JsonObject user, String csrfToken) {
    return new JsonObject()
        .put("id", user.getString("_id"))
        .put("login", user.getString("login"))
        .put("displayName", user.getString("displayName"))
        .put("language", user.getString("language", "nl"))
        .put("organisationId", user.getString("organisationId"))
        .put("adminOf", user.getJsonArray("adminOf"))
        .put("communityIds", user.getJsonArray("communityIds"))
        .put("csrfToken", csrfToken);
  }

  private static Problem badLogin() {
    return Problem.status(401, "bad_login", "That login and password do not match.");
  }
}
