package nl.leerkring.cycle;

import io.vertx.ext.web.openapi.router.RouterBuilder;
import nl.leerkring.web.Caller;
import nl.leerkring.web.Api;

/** Cycles as JSON: the request's parts go to {@link CycleService}, its answer back as JSON. */
public final class CycleRoutes {

  private final CycleService cycles;

  public CycleRoutes(CycleService cycles) {
    this.cycles = cycles;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("listCycles").addHandler(Api.ok(ctx -> cycles.list(Caller.required(ctx),
        Api.path(ctx, "communityId"))));
    api.getRoute("getCycle").addHandler(Api.ok(ctx -> cycles.get(Caller.required(ctx),
        Api.path(ctx, "communityId"), Api.pathInt(ctx, "number"))));
    api.getRoute("updateCycle").addHandler(Api.ok(ctx -> cycles.updateGoal(Caller.required(ctx),
        Api.path(ctx, "communityId"), Api.pathInt(ctx, "number"), Api.body(ctx).getString("goal"))));
    api.getRoute("closeCycle").addHandler(Api.ok(ctx -> cycles.close(Caller.required(ctx),
        Api.path(ctx, "communityId"), Api.pathInt(ctx, "number"), Api.body(ctx))));
  }
}
