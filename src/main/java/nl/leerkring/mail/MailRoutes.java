package nl.leerkring.mail;

import io.vertx.ext.web.openapi.router.RouterBuilder;
import nl.leerkring.web.Caller;
import nl.leerkring.web.Api;

/** The JSON API of a person's mail preferences. */
public final class MailRoutes {

  private final MailPreferences preferences;

  public MailRoutes(MailPreferences preferences) {
    this.preferences = preferences;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("getMailPreferences").addHandler(Api.ok(ctx -> preferences.get(Caller.required(ctx))));
    api.getRoute("updateMailPreferences").addHandler(Api.ok(ctx ->
        preferences.update(Caller.required(ctx), Api.body(ctx))));
  }
}
