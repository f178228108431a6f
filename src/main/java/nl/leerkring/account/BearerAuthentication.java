package nl.leerkring.account;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import nl.leerkring.web.I18n;
import nl.leerkring.web.Language;

import java.util.Locale;

/**
 * Who asks the API: with {@code Authorization: Bearer lk_...} the token's person (no CSRF token needed: a
 * browser never sends this header on its own, so another site cannot make it send one), otherwise the login
 * cookie as {@link Authentication} reads it. A token that does not work is refused with 401, never taken as
 * no one.
 */
public final class BearerAuthentication implements Handler<RoutingContext> {

  private static final String SCHEME = "bearer ";

  private final ApiTokens tokens;
  private final Handler<RoutingContext> cookies;

  public BearerAuthentication(ApiTokens tokens, Handler<RoutingContext> cookies) {
    this.tokens = tokens;
    this.cookies = cookies;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String presented = bearer(ctx);
    if (presented == null) {
      cookies.handle(ctx);
      return;
    }
    tokens.authenticate(ctx, presented).onFailure(ctx::fail).onSuccess(caller -> {
      caller.attachTo(ctx);
      ctx.next();
    });
  }

  /** The token of an {@code Authorization: Bearer} header, or null when the request has none. */
  static String bearer(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
      return null;
    }
    return header.substring(SCHEME.length()).strip();
  }

  /**
   * Put first on the pages: an API token never opens a page, whatever else the request carries, so a token
   * that leaked cannot be used to act in a browser session's place.
   */
  public static Handler<RoutingContext> refusedOnPages() {
    return ctx -> {
      if (bearer(ctx) == null) {
        ctx.next();
        return;
      }
      ctx.response().setStatusCode(401)
          .putHeader("WWW-Authenticate", "Bearer error=\"invalid_request\"")
          .putHeader("Content-Type", "text/plain; charset=utf-8")
          .end(I18n.text(Language.of(ctx), "token.page.refused") + "\n");
    };
  }
}
