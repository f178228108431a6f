package nl.leerkring.account;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import nl.leerkring.platform.IdLists;
import nl.leerkring.platform.Problem;
import nl.leerkring.web.Caller;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Reads the login cookie and puts the {@link Caller} on the request. A request that changes something under
 * a cookie must also carry the login's CSRF token, so that another site cannot act with the cookie.
 */
public final class Authentication implements Handler<RoutingContext> {

  static final String COOKIE = "lk_session";
  public static final String CSRF_HEADER = "X-CSRF-Token";
  public static final String CSRF_FIELD = "_csrf";
  private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

  private final Logins logins;
  private final UserStore users;
  private final Callers callers;
  private final boolean secureCookies;

  public Authentication(Logins logins, UserStore users, Callers callers, boolean secureCookies) {
    this.logins = logins;
    this.users = users;
    this.callers = callers;
    this.secureCookies = secureCookies;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Cookie cookie = ctx.request().getCookie(COOKIE);
    if (cookie == null || cookie.getValue().isBlank()) {
      ctx.next();
      return;
    }
    callerOf(cookie.getValue())
        .onFailure(ctx::fail)
        .onSuccess(caller -> {
          if (caller == null) {
            ctx.response().addCookie(expired());
            ctx.next();
            return;
          }
          if (!SAFE.contains(ctx.request().method()) && !sameToken(caller.csrfToken(), csrfTokenOf(ctx))) {
            ctx.fail(Problem.forbidden("This request lacks its CSRF token (header " + CSRF_HEADER + ")."));
            return;
          }
          caller.attachTo(ctx);
          ctx.next();
        });
  }

  private Future<Caller> callerOf(String secret) {
    String key = Logins.key(secret);
    Caller known = callers.get(key);
    if (known != null) {
      return Future.succeededFuture(known);
    }
    return logins.find(secret).compose(login -> login == null ? Future.<Caller>succeededFuture() : users.byId(login.getString("userId"))
        .map(user -> {
          if (user == null) {
            return null;
          }
          Caller caller = caller(user, login.getString("csrf"));
          callers.remember(key, caller, Instant.parse(login.getString("expiresAt")));
          return caller;
        }));
  }

  /** In constant time, so that the answer's timing does not reveal how much of a guess was right. */
  private static boolean sameToken(String expected, String given) {
    return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
        given.getBytes(StandardCharsets.UTF_8));
  }

  /** Scripts send the token as a header; plain HTML forms send it as a hidden field. */
  private static String csrfTokenOf(RoutingContext ctx) {
    String header = ctx.request().getHeader(CSRF_HEADER);
    return header != null ? header : ctx.request().getFormAttribute(CSRF_FIELD);
  }

  /** Starts a login session for a person and sets its cookie; answers the session's CSRF token. */
  public Future<String> logIn(RoutingContext ctx, JsonObject user) {
    return logins.start(user.getString("_id")).map(started -> {
      ctx.response().addCookie(cookie(started.secret(), started.lifetime()));
      return started.csrfToken();
    });
  }

  /** The cookie secret of this request's login, or null. */
  public static String loginSecret(RoutingContext ctx) {
    Cookie cookie = ctx.request().getCookie(COOKIE);
    return cookie == null ? null : cookie.getValue();
  }

  public Future<Void> logOut(RoutingContext ctx) {
    Cookie cookie = ctx.request().getCookie(COOKIE);
    ctx.response().addCookie(expired());
    return cookie == null ? Future.succeededFuture() : logins.end(cookie.getValue());
  }

  private Cookie cookie(String secret, Duration lifetime) {
    return Cookie.cookie(COOKIE, secret)
        .setPath("/")
        .setHttpOnly(true)
        .setSecure(secureCookies)
        .setSameSite(CookieSameSite.LAX)
        .setMaxAge(lifetime.toSeconds());
  }

  private Cookie expired() {
    return cookie("", Duration.ZERO);
  }

  static Caller caller(JsonObject user, String csrfToken) {
    return new Caller(
        user.getString("_id"),
        user.getString("displayName"),
        user.getString("language", "nl"),
        user.getString("organisationId"),
        List.copyOf(IdLists.strings(user.getJsonArray("adminOf", new JsonArray()))),
        List.copyOf(IdLists.strings(user.getJsonArray("communityIds", new JsonArray()))),
        user.getBoolean("installationAdmin", false),
        csrfToken,
        Managers.roleOf(user) == CompanyRole.MANAGER,
        List.copyOf(Managers.peopleOf(user)));
  }
}
