package nl.leerkring.account;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import nl.leerkring.web.Caller;
import nl.leerkring.web.Api;
import nl.leerkring.web.ClientAddress;

/** Logging in and out, and the person's own account, as JSON. */
public final class AccountRoutes {

  private final AccountService accounts;
  private final Authentication authentication;
  private final ClientAddress clientAddress;

  private PasswordResets resets;

  /** The admin's reset links and their use, mounted with the rest of the account. */
  public AccountRoutes withResets(PasswordResets resets) {
    this.resets = resets;
    return this;
  }

  public AccountRoutes(AccountService accounts, Authentication authentication, ClientAddress clientAddress) {
    this.accounts = accounts;
    this.authentication = authentication;
    this.clientAddress = clientAddress;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("login").addHandler(Api.ok(ctx -> {
      JsonObject body = Api.body(ctx);
      return accounts.authenticate(body.getString("login"), body.getString("password"), clientAddress.of(ctx))
          .compose(user -> authentication.logIn(ctx, user).map(csrf -> me(user, csrf)));
    }));
    api.getRoute("logout").addHandler(Api.ok(authentication::logOut));
    api.getRoute("getMe").addHandler(Api.ok(ctx -> accounts.profile(Caller.required(ctx))
        .map(user -> me(user, Caller.required(ctx).csrfToken()))));
    api.getRoute("changePassword").addHandler(Api.ok(ctx -> {
      JsonObject body = Api.body(ctx);
      return accounts.changePassword(Caller.required(ctx), body.getString("currentPassword"),
          body.getString("newPassword"), Authentication.loginSecret(ctx)).map(x -> null);
    }));
    api.getRoute("createPasswordReset").addHandler(Api.created(ctx -> resets.create(Caller.required(ctx),
        Api.path(ctx, "organisationId"), Api.path(ctx, "userId"))));
    api.getRoute("resetPassword").addHandler(Api.ok(ctx -> resets.use(Api.path(ctx, "token"),
        Api.body(ctx).getString("newPassword")).map(x -> null)));
    api.getRoute("updateMe").addHandler(Api.ok(ctx -> accounts.update(Caller.required(ctx), Api.body(ctx))
        .map(user -> me(user, Caller.required(ctx).csrfToken()))));
  }

  public static JsonObject me(JsonObject user, String csrfToken) {
    return new JsonObject()
        .put("id", user.getString("_id"))
        .put("login", user.getString("login"))
        .put("displayName", user.getString("displayName"))
        .put("language", user.getString("language", "nl"))
        .put("organisationId", user.getString("organisationId"))
        .put("adminOf", user.getJsonArray("adminOf"))
        .put("installationAdmin", user.getBoolean("installationAdmin", false))
        .put("communityIds", user.getJsonArray("communityIds"))
        .put("csrfToken", csrfToken);
  }
}
