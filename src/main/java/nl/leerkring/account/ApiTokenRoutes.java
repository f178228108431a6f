package nl.leerkring.account;

import io.vertx.ext.web.openapi.router.RouterBuilder;
import nl.leerkring.web.Api;
import nl.leerkring.web.Caller;

/** The JSON API of API tokens: list, make (the secret is in this one answer), revoke. */
public final class ApiTokenRoutes {

  private final ApiTokens tokens;

  public ApiTokenRoutes(ApiTokens tokens) {
    this.tokens = tokens;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("listApiTokens").addHandler(Api.ok(ctx -> tokens.list(Caller.required(ctx))));
    api.getRoute("createApiToken").addHandler(Api.created(ctx -> tokens.create(Caller.required(ctx), Api.body(ctx))));
    api.getRoute("revokeApiToken").addHandler(Api.ok(ctx ->
        tokens.revoke(Caller.required(ctx), Api.path(ctx, "tokenId"))));
  }
}
