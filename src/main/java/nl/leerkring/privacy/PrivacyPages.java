package nl.leerkring.privacy;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import nl.leerkring.account.AccountService;
import nl.leerkring.account.Authentication;
import nl.leerkring.account.Caller;
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
