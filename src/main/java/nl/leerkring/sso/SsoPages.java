package nl.leerkring.sso;

import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import nl.leerkring.account.AccountPages;
import nl.leerkring.account.Authentication;
import nl.leerkring.platform.Problem;
import nl.leerkring.web.Caller;
import nl.leerkring.web.ClientAddress;
import nl.leerkring.web.Forms;
import nl.leerkring.web.Page;
import nl.leerkring.web.Pages;
import nl.leerkring.web.Saved;

import java.util.Map;

/**
 * Company sign-in in the browser: the login page's second form sends a person to their company's provider,
 * its way back ends in a Leerkring login (or in proving an existing account once), and the company admin's
 * settings page. Every refusal shows a page in the person's language that says what to do.
 */
public final class SsoPages {

  private static final String FLOW_COOKIE = "lk_sso";
  private static final String LINK_COOKIE = "lk_sso_link";
  private static final String COOKIE_PATH = "/login/sso";

  private final Pages pages;
  private final Forms forms;
  private final Sso sso;
  private final Authentication authentication;
  private final ClientAddress clientAddress;
  private final boolean secureCookies;

  public SsoPages(Pages pages, Forms forms, Sso sso, Authentication authentication, ClientAddress clientAddress,
                  boolean secureCookies) {
    this.pages = pages;
    this.forms = forms;
    this.sso = sso;
    this.authentication = authentication;
    this.clientAddress = clientAddress;
    this.secureCookies = secureCookies;
  }

  public void mount(Router router) {
    router.post("/login/sso").handler(pages.form(this::start, this::loginAgain));
    router.get(Sso.CALLBACK).handler(pages.open(this::callback));
    router.get("/login/sso/link").handler(pages.open(this::linkForm));
    router.post("/login/sso/link").handler(pages.form(this::link, this::linkForm));
    router.get("/admin/sso").handler(pages.show(this::settingsForm));
    router.post("/admin/sso").handler(pages.form(this::save, this::settingsForm));
    router.post("/admin/sso/remove").handler(pages.form(this::remove, this::settingsForm));
  }

  // The way in and back -----------------------------------------------------------------------------------

  private Future<Page> start(RoutingContext ctx) {
    String next = AccountPages.safeNext(Forms.text(ctx, "next"));
    return sso.signIn().start(Forms.text(ctx, "email"), next).map(started -> {
      ctx.response().addCookie(cookie(FLOW_COOKIE, started.browserSecret(), SsoSignIn.FLOW_LIFETIME.toSeconds()));
      // Not a redirect: browsers hold a form's redirect to the page's form-action 'self', and the provider is
      // elsewhere. A refresh is a navigation of its own, and the page's link works where it is not followed.
      ctx.response().putHeader("Refresh", "0;url=" + started.authorizationUrl());
      return Page.of("sso-continue", new JsonObject().put("url", started.authorizationUrl()));
    }).recover(SsoPages::failed);
  }

  /** The login page again, with the address typed and why it did not lead anywhere. */
  private Future<Page> loginAgain(RoutingContext ctx) {
    return Future.succeededFuture(Page.of("login", new JsonObject().put("next", Forms.text(ctx, "next"))));
  }

  private Future<Page> callback(RoutingContext ctx) {
    String browser = cookieValue(ctx, FLOW_COOKIE);
    ctx.response().addCookie(cookie(FLOW_COOKIE, "", 0));
    return sso.signIn().finish(ctx.request().getParam("state"), ctx.request().getParam("code"),
            ctx.request().getParam("error"), browser)
        .compose(outcome -> {
          if (outcome.signedIn()) {
            return signedIn(ctx, outcome);
          }
          ctx.response().addCookie(cookie(LINK_COOKIE, outcome.linkSecret(), SsoSignIn.FLOW_LIFETIME.toSeconds()));
          return Future.succeededFuture(Page.redirect("/login/sso/link"));
        })
        .recover(SsoPages::failed);
  }

  private Future<Page> linkForm(RoutingContext ctx) {
    return sso.signIn().pendingEmail(cookieValue(ctx, LINK_COOKIE))
        .map(email -> Page.of("sso-link", new JsonObject().put("email", email)))
        .recover(SsoPages::failed);
  }

  private Future<Page> link(RoutingContext ctx) {
    JsonObject body = new JsonObject()
        .put("login", Forms.text(ctx, "login"))
        .put("password", raw(ctx, "password"));
    return forms.check("login", Map.of(), body)
        .compose(valid -> sso.signIn().link(cookieValue(ctx, LINK_COOKIE), valid.getString("login"),
            valid.getString("password"), clientAddress.of(ctx)))
        .compose(outcome -> {
          ctx.response().addCookie(cookie(LINK_COOKIE, "", 0));
          return signedIn(ctx, outcome);
        });
  }

  private Future<Page> signedIn(RoutingContext ctx, SsoSignIn.Outcome outcome) {
    return authentication.logIn(ctx, outcome.user()).map(csrf -> Page.redirect(AccountPages.safeNext(outcome.next())));
  }

  /** A refused sign-in is a page of its own that says what to do; anything else goes to the error page. */
  private static Future<Page> failed(Throwable failure) {
    if (!SsoProblems.isFailure(failure)) {
      return Future.failedFuture(failure);
    }
    Problem problem = (Problem) failure;
    return Future.succeededFuture(Page.of("sso-failed", new JsonObject()
        .put("reason", SsoProblems.reason(problem))
        .put("_status", problem.status())));
  }

  // The company admin's settings ---------------------------------------------------------------------------

  private Future<Page> settingsForm(RoutingContext ctx) {
    Caller caller = Caller.required(ctx);
    String organisationId = organisation(ctx, caller);
    return sso.settings().of(caller, organisationId).map(current -> {
      JsonObject model = new JsonObject()
          .put("organisationId", organisationId)
          .put("redirectUri", sso.settings().redirectUri())
          .put("removed", ctx.request().getParam("removed") != null);
      if (current != null) {
        model.put("sso", current.copy().put("domainsText", String.join(", ",
            current.getJsonArray("domains").stream().map(String::valueOf).toList())));
      }
      return Page.of("sso-settings", model);
    });
  }

  private Future<Page> save(RoutingContext ctx) {
    Caller caller = Caller.required(ctx);
    String organisationId = organisation(ctx, caller);
    JsonObject body = new JsonObject()
        .put("issuer", Forms.text(ctx, "issuer"))
        .put("clientId", Forms.text(ctx, "clientId"))
        .put("domains", new JsonArray(Domains.fromText(Forms.text(ctx, "domains"))));
    String secret = raw(ctx, "clientSecret").strip();
    if (!secret.isEmpty()) {
      body.put("clientSecret", secret);
    }
    return forms.check("putSsoSettings", Map.of("organisationId", organisationId), body)
        .compose(valid -> sso.settings().save(caller, organisationId, valid))
        .map(saved -> Page.redirect(Saved.after("/admin/sso?organisation=" + organisationId, "sso")));
  }

  private Future<Page> remove(RoutingContext ctx) {
    Caller caller = Caller.required(ctx);
    String organisationId = organisation(ctx, caller);
    return sso.settings().remove(caller, organisationId)
        .map(removed -> Page.redirect("/admin/sso?organisation=" + organisationId + "&removed=1"));
  }

  /** The company named by the form or the address, or the caller's only one. */
  private static String organisation(RoutingContext ctx, Caller caller) {
    String asked = Forms.text(ctx, "organisationId");
    if (asked.isEmpty() && ctx.request().getParam("organisation") != null) {
      asked = ctx.request().getParam("organisation");
    }
    if (!asked.isEmpty()) {
      return asked;
    }
    if (caller.adminOf().isEmpty()) {
      throw Problem.forbidden("Only a company admin sets up company sign-in.");
    }
    return caller.adminOf().get(0);
  }

  private Cookie cookie(String name, String value, long maxAgeSeconds) {
    return Cookie.cookie(name, value).setPath(COOKIE_PATH).setHttpOnly(true).setSecure(secureCookies)
        .setSameSite(CookieSameSite.LAX).setMaxAge(maxAgeSeconds);
  }

  private static String cookieValue(RoutingContext ctx, String name) {
    Cookie cookie = ctx.request().getCookie(name);
    return cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
  }

  /** A password as typed: spaces are part of it. */
  private static String raw(RoutingContext ctx, String name) {
    String value = ctx.request().getFormAttribute(name);
    return value == null ? "" : value;
  }
}
