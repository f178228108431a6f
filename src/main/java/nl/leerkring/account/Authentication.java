package nl.leerkring.account;

import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import nl.leerkring.platform.Problem;

import java.time.Duration;
import java.util.Set;

/**
 * Reads the login cookie and puts the {@link Caller} on the request. A request that changes something under
 * a cookie must also carry the login's CSRF token, so that another site cannot act with the cookie.
 */
public final class Authentication implements Handler<RoutingContext> {

  static final String COOKIE = "lk_session";
  public static final String CSRF_HEADER = "X-CSRF-Token";
  private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

  private final Logins logins;
  private final UserStore users;
  private final boolean secureCookies;

  public Authentication(Logins logins, UserStore users, boolean secureCookies) {
    this.logins = logins;
    this.users = users;
    this.secureCookies = secureCookies;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Cookie cookie = ctx.request().getCookie(COOKIE);
    if (cookie == null || cookie.getValue().isBlank()) {
      ctx.next();
      return;
    }
    logins.find(cookie.getValue())
        .compose(login -> login == null ? null : users.byId(login.getString("userId"))
            .map(user -> user == null ? null : Caller.of(user, login.getString("csrf"))))
        .onFailure(ctx::fail)
        .onSuccess(caller -> {
          if (caller == null) {
            ctx.response().addCookie(expired());
            ctx.next();
            return;
          }
          if (!SAFE.contains(ctx.request().method())
              && !caller.csrfToken().equals(ctx.request().getHeader(CSRF_HEADER))) {
            ctx.fail(Problem.forbidden("This request lacks its CSRF token (header " + CSRF_HEADER + ")."));
            return;
          }
          ctx.put(Caller.KEY, caller);
          ctx.next();
        });
  }

  Cookie cookie(String secret, Duration lifetime) {
    return Cookie.cookie(COOKIE, secret)
        .setPath("/")
        .setHttpOnly(true)
        .setSecure(secureCookies)
        .setSameSite(CookieSameSite.LAX)
        .setMaxAge(lifetime.toSeconds());
  }

  Cookie expired() {
    return cookie("", Duration.ZERO);
  }

  static String secretOf(RoutingContext ctx) {
    Cookie cookie = ctx.request().getCookie(COOKIE);
    return cookie == null ? null : cookie.getValue();
  }
}
