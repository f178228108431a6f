package nl.leerkring.account;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import nl.leerkring.web.Caller;
import nl.leerkring.web.QrCode;
import nl.leerkring.platform.Problem;
import nl.leerkring.web.Forms;
import nl.leerkring.web.Page;
import nl.leerkring.web.Pages;

import java.util.Map;

/** The admin makes a reset link on the members page; the person opens it and chooses a new password. */
public final class ResetPages {

  private final Pages pages;
  private final Forms forms;
  private final PasswordResets resets;

  public ResetPages(Pages pages, Forms forms, PasswordResets resets) {
    this.pages = pages;
    this.forms = forms;
    this.resets = resets;
  }

  public void mount(Router router) {
    router.post("/c/:communityId/members/:userId/password-reset").handler(pages.show(this::create));
    router.get("/reset/:token").handler(pages.open(this::form));
    router.post("/reset/:token").handler(pages.form(this::use, this::form));
  }

  private Future<Page> create(RoutingContext ctx) {
    return resets.create(Caller.required(ctx), Forms.text(ctx, "organisation"), ctx.pathParam("userId"))
        .map(reset -> Page.of("password-reset", new JsonObject()
            .put("reset", reset)
            .put("communityId", ctx.pathParam("communityId"))
            .put("qr", QrCode.of(reset.getString("url")))));
  }

  private Future<Page> form(RoutingContext ctx) {
    return resets.usable(ctx.pathParam("token"))
        .map(reset -> Page.of("reset", new JsonObject().put("token", ctx.pathParam("token"))))
        .recover(failure -> failure instanceof Problem p && "reset_unusable".equals(p.code())
            ? Future.succeededFuture(Page.of("reset", new JsonObject().put("unusable", true).put("_status", 409)))
            : Future.failedFuture(failure));
  }

  private Future<Page> use(RoutingContext ctx) {
    String token = ctx.pathParam("token");
    String password = ctx.request().getFormAttribute("newPassword");
    return forms.check("resetPassword", Map.of("token", token),
            new JsonObject().put("newPassword", password == null ? "" : password))
        .compose(valid -> resets.use(token, valid.getString("newPassword")))
        .map(done -> Page.redirect("/login"));
  }
}
