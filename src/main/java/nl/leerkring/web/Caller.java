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
    String csrfToken,
    boolean manager,
    List<String> people) {

  /** Someone who manages nobody (see {@code account.Managers}); API tokens are always made this way. */
  public Caller(String userId, String displayName, String language, String organisationId, List<String> adminOf,
                List<String> communityIds, boolean installationAdmin, String csrfToken) {
    this(userId, displayName, language, organisationId, adminOf, communityIds, installationAdmin, csrfToken, false,
        List.of());
  }

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

  /** Whether this person is the manager of {@code userId} (portfolio: what people share with their manager). */
  public boolean manages(String userId) {
    return manager && people.contains(userId);
  }
}
