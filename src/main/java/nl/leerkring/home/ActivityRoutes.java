package nl.leerkring.home;

import io.vertx.ext.web.openapi.router.RouterBuilder;
import nl.leerkring.web.Caller;
import nl.leerkring.web.Api;

/** Activity as JSON: the request's parts go to {@link ActivityService}, its answer back as JSON. */
public final class ActivityRoutes {

  private final ActivityService activity;

  public ActivityRoutes(ActivityService activity) {
    this.activity = activity;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("getActivity").addHandler(Api.ok(ctx -> {
      String before = Api.query(ctx, "before");
      return activity.page(Caller.required(ctx), Api.path(ctx, "communityId"),
          before == null ? null : Long.valueOf(before), Api.queryInt(ctx, "limit", 20));
    }));
  }
}
