package nl.leerkring.manager;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import nl.leerkring.account.CompanyRole;
import nl.leerkring.platform.ClosedList;
import nl.leerkring.platform.Problem;
import nl.leerkring.web.Caller;
import nl.leerkring.web.Forms;
import nl.leerkring.web.Page;
import nl.leerkring.web.Pages;
import nl.leerkring.web.QrCode;

import java.util.Map;
import java.util.stream.Stream;

/**
 * The manager's page (/manager: what their people share, and where the harvest reports and scan results are) and
 * the company admin's page of managers (/o/{company}/managers: invite one, make someone manager or employee,
 * assign people). Plain forms, post/redirect/get.
 */
public final class ManagerPages {

  private final Pages pages;
  private final Forms forms;
  private final ManagerService managers;

  public ManagerPages(Pages pages, Forms forms, ManagerService managers) {
    this.pages = pages;
    this.forms = forms;
    this.managers = managers;
  }

  public void mount(Router router) {
    router.get("/manager").handler(pages.show(ctx -> managers.mine(Caller.required(ctx))
        .map(view -> Page.of("manager", view))));
    router.get("/o/:organisationId/managers").handler(pages.show(this::company));
    router.post("/o/:organisationId/manager-invitations").handler(pages.form(this::invite, this::company));
    router.post("/o/:organisationId/company-roles").handler(pages.form(this::changeRole, this::company));
    router.post("/o/:organisationId/assignments").handler(pages.form(this::assign, this::company));
    router.post("/o/:organisationId/people/:userId/manager/remove").handler(pages.form(this::unassign, this::company));
  }

  private Future<Page> company(RoutingContext ctx) {
    return managers.company(Caller.required(ctx), ctx.pathParam("organisationId")).map(view -> {
      JsonArray roles = new JsonArray();
      for (CompanyRole role : CompanyRole.values()) {
        roles.add(role.value());
      }
      return Page.of("managers", view.put("roles", roles).put("done", ctx.request().getParam("done")));
    });
  }

  private Future<Page> invite(RoutingContext ctx) {
    String organisationId = ctx.pathParam("organisationId");
    JsonObject body = new JsonObject();
    Forms.putOptional(body, ctx, "name");
    return forms.check("inviteManager", Map.of("organisationId", organisationId), body)
        .compose(valid -> managers.invite(Caller.required(ctx), organisationId, valid))
        .map(invitation -> Page.of("manager-invitation", new JsonObject()
            .put("invitation", invitation)
            .put("qr", QrCode.of(invitation.getString("url")))));
  }

  private Future<Page> changeRole(RoutingContext ctx) {
    String organisationId = ctx.pathParam("organisationId");
    String userId = Forms.text(ctx, "person");
    if (userId.isEmpty()) {
      return Future.failedFuture(Problem.invalidField("person", "required", "Choose a person."));
    }
    return forms.check("changeCompanyRole", Map.of("organisationId", organisationId, "userId", userId),
            new JsonObject().put("role", Forms.text(ctx, "role")))
        .compose(valid -> managers.changeRole(Caller.required(ctx), organisationId, userId,
            ClosedList.parse(CompanyRole.class, valid.getString("role"))))
        .map(changed -> Page.redirect("/o/" + organisationId + "/managers?done=role"));
  }

  private Future<Page> assign(RoutingContext ctx) {
    String organisationId = ctx.pathParam("organisationId");
    String userId = Forms.text(ctx, "userId");
    JsonObject body = new JsonObject().put("managerId", Forms.text(ctx, "managerId"));
    if (userId.isEmpty()) {
      // The manager's field is checked too (for a stand-in person), so that both mistakes show after one try.
      Problem person = Problem.invalidField("userId", "required", "Choose a person.");
      return forms.check("assignManager", Map.of("organisationId", organisationId, "userId", "no-person-yet"), body)
          .transform(checked -> Future.failedFuture(checked.failed() && checked.cause() instanceof Problem p
              && p.field() != null ? Problem.invalidFields(Stream.concat(Stream.of(person), p.fieldProblems().stream())
              .toList()) : person));
    }
    return forms.check("assignManager", Map.of("organisationId", organisationId, "userId", userId), body)
        .compose(valid -> managers.assign(Caller.required(ctx), organisationId, userId, valid.getString("managerId")))
        .map(assigned -> Page.redirect("/o/" + organisationId + "/managers?done=assigned"));
  }

  private Future<Page> unassign(RoutingContext ctx) {
    String organisationId = ctx.pathParam("organisationId");
    return managers.unassign(Caller.required(ctx), organisationId, ctx.pathParam("userId"))
        .map(done -> Page.redirect("/o/" + organisationId + "/managers?done=unassigned"));
  }
}
