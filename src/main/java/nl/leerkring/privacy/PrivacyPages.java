package nl.leerkring.privacy;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import nl.leerkring.account.AccountService;
import nl.leerkring.account.Authentication;
import nl.leerkring.web.Caller;
import nl.leerkring.platform.Problem;
import nl.leerkring.web.Forms;
import nl.leerkring.web.Page;
import nl.leerkring.web.Pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** "My data" in the browser: download it, or erase the account after confirming with the password. */
public final class PrivacyPages {

  private final Pages pages;
  private final Forms forms;
  private final DataExport export;
  private final Erasure erasure;
  private final AccountService accounts;
  private final Authentication authentication;

  public PrivacyPages(Pages pages, Forms forms, DataExport export, Erasure erasure, AccountService accounts,
                      Authentication authentication) {
    this.pages = pages;
    this.forms = forms;
    this.export = export;
    this.erasure = erasure;
    this.accounts = accounts;
    this.authentication = authentication;
  }

  public void mount(Router router) {
    router.get("/settings/privacy").handler(pages.show(this::overview));
    router.get("/settings/export").handler(this::download);
    router.post("/settings/erase").handler(pages.form(this::erase, this::overview));
    router.get("/c/:communityId/members/:userId/erase").handler(pages.show(this::confirmErasure));
    router.post("/c/:communityId/members/:userId/erase").handler(pages.form(this::eraseMember, this::confirmErasure));
  }

  private Future<Page> overview(RoutingContext ctx) {
    return Future.succeededFuture(Page.of("privacy", new JsonObject()));
  }

  private void download(RoutingContext ctx) {
    if (Caller.optional(ctx) == null) {
      Pages.redirect(ctx, "/login?next=" + URLEncoder.encode("/settings/privacy", StandardCharsets.UTF_8));
      return;
    }
    PrivacyRoutes.send(ctx, export.zip(Caller.optional(ctx)));
  }

  /** A company admin erases a member's account from the members page, after ticking that they understand. */
  private Future<Page> confirmErasure(RoutingContext ctx) {
    return erasure.erasableBy(Caller.required(ctx), ctx.pathParam("userId")).map(person -> Page.of("member-erase",
        new JsonObject()
            .put("communityId", ctx.pathParam("communityId"))
            .put("person", new JsonObject().put("id", person.getString("_id")).put("displayName", person.getString("displayName")))));
  }

  private Future<Page> eraseMember(RoutingContext ctx) {
    Caller caller = Caller.required(ctx);
    if (!"yes".equals(ctx.request().getFormAttribute("understood"))) {
      return Future.failedFuture(Problem.invalidField("understood", "required",
          "Tick that you understand what erasing means."));
    }
    String communityId = ctx.pathParam("communityId");
    return erasure.erasableBy(caller, ctx.pathParam("userId"))
        .compose(person -> erasure.byAdmin(caller, person.getString("organisationId"), person.getString("_id")))
        .map(erased -> Page.redirect("/c/" + communityId + "/members?done=erased"));
  }

  private Future<Page> erase(RoutingContext ctx) {
    Caller caller = Caller.required(ctx);
    String password = ctx.request().getFormAttribute("password");
    return forms.check("eraseMe", Map.of(), new JsonObject().put("password", password == null ? "" : password))
        .compose(valid -> accounts.confirmPassword(caller, valid.getString("password")))
        .compose(x -> erasure.own(caller))
        .compose(x -> authentication.logOut(ctx))
        .map(x -> Page.redirect("/login?erased=1"));
  }
}
