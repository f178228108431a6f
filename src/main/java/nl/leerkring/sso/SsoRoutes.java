package nl.leerkring.sso;

import io.vertx.ext.web.openapi.router.RouterBuilder;
import nl.leerkring.platform.Problem;
import nl.leerkring.web.Api;
import nl.leerkring.web.Caller;

/** A company's sign-in settings as JSON, for its admins. */
public final class SsoRoutes {

  private final SsoSettings settings;

  public SsoRoutes(SsoSettings settings) {
    this.settings = settings;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("getSsoSettings").addHandler(Api.ok(ctx -> settings.of(Caller.required(ctx),
        Api.path(ctx, "organisationId")).map(view -> {
          if (view == null) {
            throw Problem.notFound("company sign-in");
          }
          return view;
        })));
    api.getRoute("putSsoSettings").addHandler(Api.ok(ctx -> settings.save(Caller.required(ctx),
        Api.path(ctx, "organisationId"), Api.body(ctx))));
    api.getRoute("deleteSsoSettings").addHandler(Api.ok(ctx -> settings.remove(Caller.required(ctx),
        Api.path(ctx, "organisationId"))));
  }
}
