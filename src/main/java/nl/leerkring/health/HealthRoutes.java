package nl.leerkring.health;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import nl.leerkring.platform.Database;

/**
 * Answers 200 only while the database takes a write, so a load balancer stops sending to a server whose store
 * went read-only or full: a ping alone still answered there while every login failed.
 */
public final class HealthRoutes {

  private final Database db;

  public HealthRoutes(Database db) {
    this.db = db;
  }

  public void mount(Router router) {
    router.get("/health").handler(ctx -> db.canWrite()
        .onSuccess(ok -> ctx.json(new JsonObject().put("status", "up").put("database", "up")))
        .onFailure(error -> ctx.response().setStatusCode(503)
            .putHeader("Content-Type", "application/json; charset=utf-8")
            .end(new JsonObject().put("status", "down").put("database", "down").encode())));
  }
}
