package nl.leerkring.web;

import io.vertx.ext.web.RoutingContext;
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

  private static final String KEY = "leerkring.caller";

  /** Makes this person the caller of the request, for every handler after this one. */
  public void attachTo(RoutingContext ctx) {
    ctx.put(KEY, this);
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
