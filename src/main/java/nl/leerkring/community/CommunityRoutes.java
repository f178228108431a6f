package nl.leerkring.community;

import io.vertx.ext.web.openapi.router.RouterBuilder;
import nl.leerkring.web.Caller;
import nl.leerkring.web.Api;

/** Communities as JSON: the request's parts go to {@link CommunityService}, its answer back as JSON. */
public final class CommunityRoutes {

  private final CommunityService communities;

  public CommunityRoutes(CommunityService communities) {
    this.communities = communities;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("listCommunities").addHandler(Api.ok(ctx -> communities.list(Caller.required(ctx))));
    api.getRoute("createCommunity").addHandler(Api.created(ctx -> communities.create(Caller.required(ctx), Api.body(ctx))));
    api.getRoute("getCommunity").addHandler(Api.ok(ctx -> communities.get(Caller.required(ctx), Api.path(ctx, "communityId"))
        .map(CommunityService::view)));
    api.getRoute("updateChallenge").addHandler(Api.ok(ctx -> communities.updateChallenge(Caller.required(ctx),
        Api.path(ctx, "communityId"), Api.body(ctx))));
    api.getRoute("changeMemberRole").addHandler(Api.ok(ctx -> communities.changeRole(Caller.required(ctx),
        Api.path(ctx, "communityId"), Api.path(ctx, "userId"), Role.parse(Api.body(ctx).getString("role")))));
    api.getRoute("removeMember").addHandler(Api.ok(ctx -> communities.removeMember(Caller.required(ctx),
        Api.path(ctx, "communityId"), Api.path(ctx, "userId"))));
    api.getRoute("getOrganisation").addHandler(Api.ok(ctx -> communities.organisation(Caller.required(ctx),
        Api.path(ctx, "organisationId"))));
  }
}
