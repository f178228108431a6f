package nl.leerkring.offline;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import nl.leerkring.platform.Hashes;
import nl.leerkring.web.Page;
import nl.leerkring.web.Pages;
import nl.leerkring.web.RouteNames;
import nl.leerkring.web.StaticFiles;

import java.util.List;

/**
 * The installable app: the web app manifest, the service worker and the page a phone shows when a page cannot
 * be reached. The worker lives at the site's root, since a worker only answers for pages under its own
 * address. Its script names this release's static files by their fingerprints, so each release is a new
 * worker that fetches them once; the script itself is never kept (no-cache), so a phone learns of a release
 * on its next visit instead of a year later.
 */
public final class OfflineApp {

  /** The header bar's colour (app.css {@code --ink}) and the page's ({@code --bg}). */
  static final String THEME_COLOR = "#1d2433";
  static final String BACKGROUND_COLOR = "#f6f7fa";
  private static final String WORKER_SOURCE = "webroot/sw.js";
  private static final List<String> PRECACHED = List.of("app.css", "app.js", "icon.svg", "offline.js", "upload.js");

  private final Vertx vertx;
  private final StaticFiles staticFiles;
  private final Buffer manifest;
  private Future<Worker> worker;

  public OfflineApp(Vertx vertx, StaticFiles staticFiles) {
    this.vertx = vertx;
    this.staticFiles = staticFiles;
    this.manifest = manifest(staticFiles).toBuffer();
  }

  /** The manifest and the worker, at the root of the site (before the pages, which want a login). */
  public void mount(Router router) {
    router.get("/manifest.webmanifest").handler(RouteNames.named("/manifest.webmanifest")).handler(ctx ->
        ctx.response().putHeader("Content-Type", "application/manifest+json")
            .putHeader("Cache-Control", "no-cache").end(manifest));
    router.get("/sw.js").handler(RouteNames.named("/sw.js")).handler(this::worker);
  }

  /** The page the worker keeps for when there is no connection; anyone may see it, it holds no one's data. */
  public static void mountPage(Router router, Pages pages) {
    router.get("/offline").handler(pages.open(ctx -> Future.succeededFuture(Page.of("offline", new JsonObject()))));
  }

  /** Browsers ask for the worker again on page loads; an unchanged one costs them a 304. */
  private void worker(RoutingContext ctx) {
    workerScript().onFailure(ctx::fail).onSuccess(script -> {
      ctx.response()
          .putHeader("Content-Type", "text/javascript; charset=utf-8")
          .putHeader("Cache-Control", "no-cache")
          .putHeader("Service-Worker-Allowed", "/")
          .putHeader("ETag", script.etag());
      if (script.etag().equals(ctx.request().getHeader("If-None-Match"))) {
        ctx.response().setStatusCode(304).end();
      } else {
        ctx.response().end(script.body());
      }
    });
  }

  private record Worker(Buffer body, String etag) {
  }

  /** Read once: the worker's source with this release's file addresses in front of it. */
  private synchronized Future<Worker> workerScript() {
    if (worker == null || worker.failed()) {
      worker = vertx.fileSystem().readFile(WORKER_SOURCE).map(source -> {
        JsonArray precache = new JsonArray();
        PRECACHED.forEach(name -> precache.add(staticFiles.url(name)));
        String version = Hashes.sha256(source.toString() + precache.encode()).substring(0, 12);
        JsonObject build = new JsonObject()
            .put("version", version)
            .put("precache", precache)
            .put("queue", staticFiles.url("offline.js"));
        return new Worker(Buffer.buffer("var BUILD = " + build.encode() + ";\n").appendBuffer(source),
            "\"" + version + "\"");
      });
    }
    return worker;
  }

  static JsonObject manifest(StaticFiles staticFiles) {
    return new JsonObject()
        .put("name", "Leerkring")
        .put("short_name", "Leerkring")
        .put("id", "/")
        .put("start_url", "/")
        .put("scope", "/")
        .put("display", "standalone")
        .put("theme_color", THEME_COLOR)
        .put("background_color", BACKGROUND_COLOR)
        .put("icons", new JsonArray()
            .add(icon(staticFiles, "icon-192.png", "192x192", "image/png", "any"))
            .add(icon(staticFiles, "icon-512.png", "512x512", "image/png", "any"))
            .add(icon(staticFiles, "icon-maskable-512.png", "512x512", "image/png", "maskable"))
            .add(icon(staticFiles, "icon.svg", "any", "image/svg+xml", "any")));
  }

  private static JsonObject icon(StaticFiles staticFiles, String name, String sizes, String type, String purpose) {
    return new JsonObject().put("src", staticFiles.url(name)).put("sizes", sizes).put("type", type)
        .put("purpose", purpose);
  }
}
