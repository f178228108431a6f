package nl.leerkring.account;

import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import nl.leerkring.web.Caller;
import nl.leerkring.web.ClientAddress;
import nl.leerkring.web.Forms;
import nl.leerkring.web.I18n;
import nl.leerkring.web.Language;
import nl.leerkring.web.Page;
import nl.leerkring.web.Pages;
import nl.leerkring.web.Saved;

import java.time.Duration;
import java.util.Map;

/** Logging in and out in the browser, and choosing the language. */
public final class AccountPages {

  private final Pages pages;
  private final Forms forms;
  private final AccountService accounts;
  private final Authentication authentication;
  private final ClientAddress clientAddress;

  public AccountPages(Pages pages, Forms forms, AccountService accounts, Authentication authentication,
                      ClientAddress clientAddress) {
    this.clientAddress = clientAddress;
    this.pages = pages;
    this.forms = forms;
    this.accounts = accounts;
    this.authentication = authentication;
  }

  public void mount(Router router) {
    router.get("/login").handler(pages.open(this::loginForm));
    router.post("/login").handler(pages.form(this::logIn, this::loginForm));
    router.post("/logout").handler(pages.show(ctx -> authentication.logOut(ctx).map(out -> {
      // A shared phone: the next person finds none of the pages and notes the service worker kept (issue 13.2).
      ctx.response().putHeader("Clear-Site-Data", "\"cache\", \"storage\"");
      return Page.redirect("/login");
    })));
    router.post("/language").handler(pages.open(this::chooseLanguage));
    router.get("/settings/password").handler(pages.show(this::passwordForm));
    router.post("/settings/password").handler(pages.form(this::changePassword, this::passwordForm));
  }

  private Future<Page> loginForm(RoutingContext ctx) {
    if (Caller.optional(ctx) != null && "GET".equals(ctx.request().method().name())) {
      return Future.succeededFuture(Page.redirect(safeNext(ctx.request().getParam("next"))));
    }
    String next = ctx.request().getParam("next");
    return Future.succeededFuture(Page.of("login", new JsonObject().put("next", next == null ? "" : next)));
  }

  private Future<Page> logIn(RoutingContext ctx) {
    JsonObject body = new JsonObject()
        .put("login", Forms.text(ctx, "login"))
        .put("password", raw(ctx, "password"));
    return forms.check("login", Map.of(), body)
        .compose(valid -> accounts.authenticate(valid.getString("login"), valid.getString("password"), clientAddress.of(ctx)))
        .compose(user -> keepChosenLanguage(ctx, user))
        .compose(user -> authentication.logIn(ctx, user))
        .map(csrf -> Page.redirect(safeNext(Forms.text(ctx, "next"))));
  }

  private Future<Page> passwordForm(RoutingContext ctx) {
    return accounts.profile(Caller.required(ctx)).map(user -> Page.of("password", new JsonObject()
        .put("login", user.getString("login"))));
  }

  private Future<Page> changePassword(RoutingContext ctx) {
    JsonObject body = new JsonObject()
        .put("currentPassword", raw(ctx, "currentPassword"))
        .put("newPassword", raw(ctx, "newPassword"));
    return forms.check("changePassword", Map.of(), body)
        .compose(valid -> accounts.changePassword(Caller.required(ctx), valid.getString("currentPassword"),
            valid.getString("newPassword"), Authentication.loginSecret(ctx)))
        .map(done -> Page.redirect(Saved.after("/settings/password", "password")));
  }

  /** A password as typed: spaces are part of it. */
  private static String raw(RoutingContext ctx, String name) {
    String value = ctx.request().getFormAttribute(name);
    return value == null ? "" : value;
  }

  /** A language picked on the login page is a choice the person just made: it becomes their setting. */
  private Future<JsonObject> keepChosenLanguage(RoutingContext ctx, JsonObject user) {
    Cookie chosen = ctx.request().getCookie(Language.COOKIE);
    if (chosen == null || !I18n.supports(chosen.getValue()) || chosen.getValue().equals(user.getString("language"))) {
      return Future.succeededFuture(user);
    }
    return accounts.setLanguage(user.getString("_id"), chosen.getValue());
  }

  /**
   * Logged in, the choice is stored with the person; before that it is remembered in a cookie, which the
   * login page and the invitation page read.
   */
  private Future<Page> chooseLanguage(RoutingContext ctx) {
    String language = Forms.text(ctx, "language");
    String next = safeNext(Forms.text(ctx, "next"));
    if (!I18n.supports(language)) {
      return Future.succeededFuture(Page.redirect(next));
    }
    ctx.response().addCookie(Cookie.cookie(Language.COOKIE, language).setPath("/")
        .setSameSite(CookieSameSite.LAX).setMaxAge(Duration.ofDays(365).toSeconds()));
    Caller caller = Caller.optional(ctx);
    Future<?> saved = caller == null ? Future.succeededFuture() : accounts.setLanguage(caller.userId(), language);
    return saved.map(done -> Page.redirect(next));
  }

  /**
   * Only a path on this site: a crafted link must not send someone elsewhere after logging in. Browsers drop
   * tabs and line breaks from a Location and read a backslash as a slash, so "/\t/example.org" would lead to
   * //example.org; and a line break cannot be sent in a header at all.
   */
  public static String safeNext(String next) {
    if (next == null || !next.startsWith("/") || next.startsWith("//")) {
      return "/";
    }
    boolean plain = next.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '\\');
    return plain ? next : "/";
  }
}
