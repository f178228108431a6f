package nl.leerkring.web;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import nl.leerkring.platform.Hashes;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The style sheet, script and icon. Pages link them with their content's fingerprint ({@code ?v=}), so a browser
 * keeps them for a year and asks again only after a release changed them: on a phone network every page then
 * costs one request, not three. A request without the current fingerprint is answered but not kept.
 */
public final class StaticFiles implements Handler<RoutingContext> {

  private static final String ROOT = "webroot/static/";
  private static final List<String> FILES = List.of("app.css", "app.js", "icon.svg",
      // the installable app (issue 13.2)
      "offline.js", "icon-192.png", "icon-512.png", "icon-maskable-512.png", "apple-touch-icon.png",
      // the live session console (issue 13.4)
      "live.js",
      // photos made smaller on the phone (issue 13.1)
      "upload.js");
  private static final long YEAR = Duration.ofDays(365).toSeconds();

  private final Map<String, String> fingerprints;
  private final StaticHandler kept = StaticHandler.create("webroot/static").setMaxAgeSeconds(YEAR);
  private final StaticHandler fresh = StaticHandler.create("webroot/static").setCachingEnabled(false);

  private StaticFiles(Map<String, String> fingerprints) {
    this.fingerprints = fingerprints;
  }

  public static Future<StaticFiles> load(Vertx vertx) {
    return Future.all(FILES.stream().map(name -> vertx.fileSystem().readFile(ROOT + name)).toList())
        .map(read -> new StaticFiles(FILES.stream().collect(Collectors.toMap(name -> name,
            name -> Hashes.sha256(read.<Buffer>resultAt(FILES.indexOf(name)).getBytes()).substring(0, 12)))));
  }

  /** The address a page links {@code name} (a file under webroot/static) by. */
  public String url(String name) {
    String fingerprint = fingerprints.get(name);
    if (fingerprint == null) {
      throw new IllegalArgumentException("No static file " + name + " in " + FILES);
    }
    return "/static/" + name + "?v=" + fingerprint;
  }

  /**
   * /favicon.ico, which browsers and tools ask for whatever a page links: a 32 px copy of the icon, kept for a
   * day, since its address cannot carry a fingerprint.
   */
  public static void mountFavicon(Router router) {
    router.get("/favicon.ico").handler(RouteNames.named("/favicon.ico")).handler(ctx -> ctx.response()
        .putHeader("Content-Type", "image/x-icon")
        .putHeader("Cache-Control", "public, max-age=" + Duration.ofDays(1).toSeconds())
        .sendFile(ROOT + "favicon.ico"));
  }

  @Override
  public void handle(RoutingContext ctx) {
    String name = ctx.normalizedPath().substring("/static/".length());
    String fingerprint = fingerprints.get(name);
    if (fingerprint != null && fingerprint.equals(ctx.request().getParam("v"))) {
      // Vert.x Web's own caching headers (max-age, immutable) replace the "no-store" every answer starts with.
      ctx.response().headers().remove("Cache-Control");
      kept.handle(ctx);
    } else {
      fresh.handle(ctx);
    }
  }
}
