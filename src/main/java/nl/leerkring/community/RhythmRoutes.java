package nl.leerkring.community;

import io.vertx.ext.web.openapi.router.RouterBuilder;
import nl.leerkring.web.Caller;
import nl.leerkring.web.Api;

/** The JSON API of a community's rhythm settings. */
public final class RhythmRoutes {

  private final Rhythm rhythm;

  public RhythmRoutes(Rhythm rhythm) {
    this.rhythm = rhythm;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("getRhythm").addHandler(Api.ok(ctx -> rhythm.get(Caller.required(ctx), Api.path(ctx, "communityId"))));
    api.getRoute("updateRhythm").addHandler(Api.ok(ctx ->
        rhythm.update(Caller.required(ctx), Api.path(ctx, "communityId"), Api.body(ctx))));
  }
}
