package nl.leerkring.contribution;

import io.vertx.ext.web.openapi.router.RouterBuilder;
import nl.leerkring.web.Caller;
import nl.leerkring.web.Api;

/** Contributions as JSON: the request's parts go to {@link ContributionService}, its answer back as JSON. */
public final class ContributionRoutes {

  private final ContributionService contributions;

  public ContributionRoutes(ContributionService contributions) {
    this.contributions = contributions;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("listContributions").addHandler(Api.ok(ctx -> contributions.list(Caller.required(ctx),
        Api.path(ctx, "communityId"))));
    api.getRoute("addContribution").addHandler(Api.created(ctx -> contributions.add(Caller.required(ctx),
        Api.path(ctx, "communityId"), Api.body(ctx), ctx.request().getHeader(Api.IDEMPOTENCY_KEY))));
    api.getRoute("getContribution").addHandler(Api.ok(ctx -> contributions.get(Caller.required(ctx),
        Api.path(ctx, "contributionId"))));
  }
}
