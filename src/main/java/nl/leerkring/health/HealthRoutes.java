package nl.leerkring.health;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import nl.leerkring.platform.Database;
import nl.leerkring.search.SearchService;

/**
 * Answers 200 only while the database takes a write, so a load balancer stops sending to a server whose store
 * went read-only or full: a ping alone still answered there while every login failed. It also says whether the
 * search index is still being built ({@code "search": "building"}), which takes minutes at a million notes; the
 * server serves everything else meanwhile, so that alone keeps it at 200.
 */
public final class HealthRoutes {

  private final Database db;
  private final SearchService search;

  public HealthRoutes(Database db, SearchService search) {
    this.db = db;
    this.search = search;
  }

  public void mount(Router router) {
    router.get("/health").handler(ctx -> db.canWrite()
        .onSuccess(ok -> ctx.json(new JsonObject().put("status", "up").put("database", "up").put("search", search())))
        .onFailure(error -> ctx.response().setStatusCode(503)
            .putHeader("Content-Type", "application/json; charset=utf-8")
            .end(new JsonObject().put("status", "down").put("database", "down").put("search", search()).encode())));
  }

  private String search() {
    return search.building() ? "building" : "up";
  }
}
