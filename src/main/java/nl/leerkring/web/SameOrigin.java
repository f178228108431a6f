package nl.leerkring.web;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import nl.leerkring.platform.Problem;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses a change posted by another site. The CSRF token protects a logged-in person; before login there
 * is no token, and a foreign page could log a browser in under the attacker's account (login CSRF). Browsers
 * name the posting page's origin in Origin (or at least Referer); it must be this site: the origin of
 * publicUrl or the host the request was sent to. Clients that send neither (scripts, curl) are no browser
 * and carry no victim's cookies.
 */
public final class SameOrigin implements Handler<RoutingContext> {

  private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

  private final String publicOrigin;

  public SameOrigin(String publicUrl) {
    this.publicOrigin = origin(publicUrl);
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (SAFE.contains(ctx.request().method())) {
      ctx.next();
      return;
    }
    String claimed = ctx.request().getHeader("Origin");
    if (claimed == null && ctx.request().getHeader("Referer") != null) {
      claimed = origin(ctx.request().getHeader("Referer"));
    }
    if (claimed == null || claimed.equalsIgnoreCase(publicOrigin) || sameHost(claimed, ctx.request().getHeader("Host"))) {
      ctx.next();
      return;
    }
    ctx.fail(Problem.forbidden("This form was sent from another site."));
  }

  /** scheme://host[:port] of a URL, default ports left out; "null" (an opaque origin) for anything unreadable. */
  static String origin(String url) {
    try {
      URI uri = URI.create(url.strip());
      if (uri.getScheme() == null || uri.getHost() == null) {
        return "null";
      }
      String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
      boolean defaultPort = uri.getPort() == -1 || ("http".equals(scheme) && uri.getPort() == 80)
          || ("https".equals(scheme) && uri.getPort() == 443);
      return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + uri.getPort());
    } catch (IllegalArgumentException e) {
      return "null";
    }
  }

  /** The Host header has no scheme: behind a TLS proxy the browser says https while we hear http. */
  private static boolean sameHost(String claimedOrigin, String host) {
    if (host == null) {
      return false;
    }
    String claimed = origin(claimedOrigin);
    return !"null".equals(claimed)
        && (claimed.equals(origin("http://" + host)) || claimed.equals(origin("https://" + host)));
  }
}
