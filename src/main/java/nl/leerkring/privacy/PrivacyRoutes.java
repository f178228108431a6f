package nl.leerkring.privacy;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import nl.leerkring.account.AccountService;
import nl.leerkring.account.Authentication;
import nl.leerkring.web.Caller;
import nl.leerkring.web.Api;

/** A person's data as a download, and erasure by the person or their company admin, as JSON. */
public final class PrivacyRoutes {

  private final DataExport export;
  private final Erasure erasure;
  private final AccountService accounts;
  private final Authentication authentication;

  public PrivacyRoutes(DataExport export, Erasure erasure, AccountService accounts, Authentication authentication) {
    this.export = export;
    this.erasure = erasure;
    this.accounts = accounts;
    this.authentication = authentication;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("exportMyData").addHandler(ctx -> send(ctx, export.zip(Caller.required(ctx))));
    api.getRoute("eraseMe").addHandler(Api.ok(ctx -> {
      Caller caller = Caller.required(ctx);
      JsonObject body = Api.body(ctx);
      return accounts.confirmPassword(caller, body.getString("password"))
          .compose(x -> erasure.own(caller))
          .compose(x -> authentication.logOut(ctx))
          .map(x -> null);
    }));
    api.getRoute("erasePerson").addHandler(Api.ok(ctx -> erasure.byAdmin(Caller.required(ctx),
        Api.path(ctx, "organisationId"), Api.path(ctx, "userId")).map(x -> null)));
  }

  static void send(RoutingContext ctx, Future<io.vertx.core.buffer.Buffer> zip) {
    zip.onFailure(ctx::fail).onSuccess(bytes -> ctx.response()
        .putHeader("Content-Type", "application/zip")
        .putHeader("Content-Disposition", "attachment; filename=\"leerkring-mijn-gegevens.zip\"")
        .end(bytes));
  }
}
