package nl.leerkring.manager;

import io.vertx.ext.web.openapi.router.RouterBuilder;
import nl.leerkring.account.CompanyRole;
import nl.leerkring.platform.ClosedList;
import nl.leerkring.web.Api;
import nl.leerkring.web.Caller;

/** The manager's view and the company admin's management of managers, through the API. */
public final class ManagerRoutes {

  private final ManagerService managers;

  public ManagerRoutes(ManagerService managers) {
    this.managers = managers;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("getMyPeople").addHandler(Api.ok(ctx -> managers.mine(Caller.required(ctx))));
    api.getRoute("listManagers").addHandler(Api.ok(ctx -> managers.company(Caller.required(ctx),
        Api.path(ctx, "organisationId"))));
    api.getRoute("inviteManager").addHandler(Api.created(ctx -> managers.invite(Caller.required(ctx),
        Api.path(ctx, "organisationId"), Api.body(ctx))));
    api.getRoute("changeCompanyRole").addHandler(Api.ok(ctx -> managers.changeRole(Caller.required(ctx),
        Api.path(ctx, "organisationId"), Api.path(ctx, "userId"),
        ClosedList.parse(CompanyRole.class, Api.body(ctx).getString("role")))));
    api.getRoute("assignManager").addHandler(Api.ok(ctx -> managers.assign(Caller.required(ctx),
        Api.path(ctx, "organisationId"), Api.path(ctx, "userId"), Api.body(ctx).getString("managerId"))));
    api.getRoute("unassignManager").addHandler(Api.ok(ctx -> managers.unassign(Caller.required(ctx),
        Api.path(ctx, "organisationId"), Api.path(ctx, "userId"))));
  }
}
