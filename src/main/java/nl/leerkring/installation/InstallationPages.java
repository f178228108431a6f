package nl.leerkring.installation;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import nl.leerkring.account.Authentication;
import nl.leerkring.web.Caller;
import nl.leerkring.web.QrCode;
import nl.leerkring.platform.Problem;
import nl.leerkring.web.Forms;
import nl.leerkring.web.Language;
import nl.leerkring.web.Page;
import nl.leerkring.web.Pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The installation administrator's pages: the setup link's form that makes the first administrator, and the
 * list of companies with the form that adds one together with the invitation of its first company admin.
 */
public final class InstallationPages {

  private final Pages pages;
  private final Forms forms;
  private final InstallationService installation;
  private final Authentication authentication;

  public InstallationPages(Pages pages, Forms forms, InstallationService installation, Authentication authentication) {
    this.pages = pages;
    this.forms = forms;
    this.installation = installation;
    this.authentication = authentication;
  }

  public void mount(Router router) {
    router.get("/setup/:token").handler(pages.open(this::setupForm));
    router.post("/setup/:token").handler(pages.form(this::setUp, this::setupForm));
    router.get("/installation").handler(pages.show(this::overview));
    router.post("/installation/organisations").handler(pages.form(this::addCompany, this::overview));
  }

  private Future<Page> setupForm(RoutingContext ctx) {
    return installation.checkSetup(ctx.pathParam("token")).map(ok -> Page.of("setup", new JsonObject()
        .put("token", ctx.pathParam("token"))
        .put("language", Language.of(ctx))));
  }

  private Future<Page> setUp(RoutingContext ctx) {
    String token = ctx.pathParam("token");
    String password = ctx.request().getFormAttribute("password");
    JsonObject body = new JsonObject()
        .put("login", Forms.text(ctx, "login"))
        .put("displayName", Forms.text(ctx, "displayName"))
        .put("password", password == null ? "" : password)
        .put("language", Language.of(ctx));
    return forms.check("completeSetup", Map.of("token", token), body)
        .compose(valid -> installation.completeSetup(token, valid))
        .compose(admin -> authentication.logIn(ctx, admin))
        .map(csrf -> Page.redirect("/installation"));
  }

  private Future<Page> overview(RoutingContext ctx) {
    return installation.organisations(Caller.required(ctx))
        .map(orgs -> Page.of("installation", new JsonObject().put("organisations", orgs)));
  }

  /** The first admin's link is shown once, right here, with a QR code: the store keeps only its hash. */
  private Future<Page> addCompany(RoutingContext ctx) {
    JsonObject admin = new JsonObject().put("displayName", Forms.text(ctx, "adminName"))
        .put("language", Forms.text(ctx, "adminLanguage"));
    Forms.putOptional(admin, ctx, "email");
    JsonObject body = new JsonObject().put("name", Forms.text(ctx, "name")).put("admin", admin);
    Caller caller = Caller.required(ctx);
    // The company's name (with a stand-in admin) and the admin's own fields, each named as the page has them,
    // so that every mistake shows after one try.
    JsonObject nameOnly = new JsonObject().put("name", body.getString("name"))
        .put("admin", new JsonObject().put("displayName", "-"));
    List<Future<JsonObject>> parts = List.of(forms.check("createOrganisation", Map.of(), nameOnly),
        forms.check("inviteCompanyAdmin", Map.of("organisationId", "new-company"), admin));
    return Future.join(parts).transform(checked -> everyMistake(parts))
        .compose(checked -> forms.check("createOrganisation", Map.of(), body))
        .compose(valid -> installation.createOrganisation(caller, valid))
        .map(created -> Page.of("installation-invitation", new JsonObject()
            .put("organisation", created)
            .put("invitation", created.getJsonObject("adminInvitation"))
            .put("qr", QrCode.of(created.getJsonObject("adminInvitation").getString("url")))));
  }

  private static Future<Void> everyMistake(List<Future<JsonObject>> parts) {
    List<Problem> mistakes = new ArrayList<>();
    for (Future<JsonObject> part : parts) {
      if (part.failed() && !(part.cause() instanceof Problem p && p.field() != null)) {
        return Future.failedFuture(part.cause());
      }
      if (part.failed()) {
        mistakes.addAll(((Problem) part.cause()).renameFields(InstallationPages::formField).fieldProblems());
      }
    }
    return mistakes.isEmpty() ? Future.succeededFuture() : Future.failedFuture(Problem.invalidFields(mistakes));
  }

  private static String formField(String field) {
    return switch (field) {
      case "displayName" -> "adminName";
      case "language" -> "adminLanguage";
      default -> field;
    };
  }
}
