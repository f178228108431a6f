package nl.leerkring.account;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import nl.leerkring.platform.IdLists;
import nl.leerkring.platform.Problem;

import java.util.List;

/** The person a request comes from, read from their login session. */
public record Caller(
    String userId,
    String displayName,
    String language,
    String organisationId,
    List<String> adminOf,
    List<String> communityIds,
    boolean installationAdmin,
    String csrfToken) {

  static final String KEY = "leerkring.caller";

  static Caller of(JsonObject user, String csrfToken) {
    return new Caller(
        user.getString("_id"),
        user.getString("displayName"),
        user.getString("language", "nl"),
        user.getString("organisationId"),
        IdLists.strings(user.getJsonArray("adminOf", new JsonArray())),
        IdLists.strings(user.getJsonArray("communityIds", new JsonArray())),
        user.getBoolean("installationAdmin", false),
        csrfToken);
  }

  /** The caller of a request that needs one; answers 401 when nobody is logged in. */
  public static Caller required(RoutingContext ctx) {
    Caller caller = ctx.get(KEY);
    if (caller == null) {
      throw Problem.unauthenticated();
    }
    return caller;
  }

  public static Caller optional(RoutingContext ctx) {
    return ctx.get(KEY);
  }

  public boolean administers(String organisationId) {
    return adminOf.contains(organisationId);
  }
}
