package nl.leerkring.schedule;

import io.vertx.ext.web.openapi.router.RouterBuilder;
import nl.leerkring.account.Caller;
import nl.leerkring.web.Api;

/** The JSON API of the rhythm: a community's settings, and the deliveries of a prompt for its facilitator. */
public final class ScheduleRoutes {

  private final Rhythm rhythm;
  private final Deliveries deliveries;

  public ScheduleRoutes(Rhythm rhythm, Deliveries deliveries) {
    this.rhythm = rhythm;
    this.deliveries = deliveries;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("getRhythm").addHandler(Api.ok(ctx -> rhythm.get(Caller.required(ctx), Api.path(ctx, "communityId"))));
    api.getRoute("updateRhythm").addHandler(Api.ok(ctx ->
        rhythm.update(Caller.required(ctx), Api.path(ctx, "communityId"), Api.body(ctx))));
    api.getRoute("getPromptDeliveries").addHandler(Api.ok(ctx ->
        deliveries.ofPrompt(Caller.required(ctx), Api.path(ctx, "promptId"))));
  }
}
