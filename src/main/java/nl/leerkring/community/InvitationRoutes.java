package nl.leerkring.community;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import nl.leerkring.account.AccountRoutes;
import nl.leerkring.account.Authentication;
import nl.leerkring.web.Caller;
import nl.leerkring.web.Api;

/** Invitations as JSON, on {@link InvitationService}; a new account made by joining is logged in at once. */
public final class InvitationRoutes {

  private final InvitationService invitations;
  private final Authentication authentication;

  public InvitationRoutes(InvitationService invitations, Authentication authentication) {
    this.invitations = invitations;
    this.authentication = authentication;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("createInvitation").addHandler(Api.created(ctx -> invitations.create(Caller.required(ctx),
        Api.path(ctx, "communityId"), Api.body(ctx))));
    api.getRoute("listInvitations").addHandler(Api.ok(ctx -> invitations.open(Caller.required(ctx),
        Api.path(ctx, "communityId")).map(open -> new JsonObject().put("invitations", new JsonArray(open)))));
    api.getRoute("withdrawInvitation").addHandler(Api.ok(ctx -> invitations.withdraw(Caller.required(ctx),
        Api.path(ctx, "communityId"), Api.path(ctx, "invitationId"))));
    api.getRoute("getInvitation").addHandler(Api.ok(ctx -> invitations.preview(Api.path(ctx, "token"))));
    api.getRoute("acceptInvitation").addHandler(Api.ok(this::accept));
  }

  private Future<JsonObject> accept(RoutingContext ctx) {
    return invitations.accept(Caller.optional(ctx), Api.path(ctx, "token"), Api.body(ctx)).compose(joined -> {
      JsonObject where = joined.communityId() != null
          ? new JsonObject().put("communityId", joined.communityId())
          : new JsonObject().put("organisationId", joined.organisationId());
      return joined.account() == null
          ? Future.succeededFuture(where)
          : authentication.logIn(ctx, joined.account())
              .map(csrf -> AccountRoutes.me(joined.account(), csrf).mergeIn(where));
    });
  }
}
