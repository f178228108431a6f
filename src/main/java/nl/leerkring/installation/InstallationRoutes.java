package nl.leerkring.installation;

import io.vertx.ext.web.openapi.router.RouterBuilder;
import nl.leerkring.account.AccountRoutes;
import nl.leerkring.account.Authentication;
import nl.leerkring.web.Caller;
import nl.leerkring.web.Api;

/** The installation as JSON, on {@link InstallationService}; the setup link's new administrator is logged in. */
public final class InstallationRoutes {

  private final InstallationService installation;
  private final Authentication authentication;

  public InstallationRoutes(InstallationService installation, Authentication authentication) {
    this.installation = installation;
    this.authentication = authentication;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("completeSetup").addHandler(Api.created(ctx -> installation.completeSetup(Api.path(ctx, "token"),
            Api.body(ctx))
        .compose(admin -> authentication.logIn(ctx, admin).map(csrf -> AccountRoutes.me(admin, csrf)))));
    api.getRoute("listOrganisations").addHandler(Api.ok(ctx -> installation.organisations(Caller.required(ctx))));
    api.getRoute("createOrganisation").addHandler(Api.created(ctx -> installation.createOrganisation(
        Caller.required(ctx), Api.body(ctx))));
    api.getRoute("inviteCompanyAdmin").addHandler(Api.created(ctx -> installation.inviteCompanyAdmin(
        Caller.required(ctx), Api.path(ctx, "organisationId"), Api.body(ctx))));
    api.getRoute("backUpStore").addHandler(Api.created(ctx -> installation.backup(Caller.required(ctx))));
  }
}
