package nl.leerkring.account;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.SecurityRequirement;
import nl.leerkring.platform.Problem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an API token may do, read from the contract: an operation takes a token when its security lists the
 * {@value #BEARER} scheme, with the scopes that scheme needs there (any one of the alternatives). Reads list
 * {@code read} and their feature area, changes their area only, and operations on a person's login, password,
 * data or tokens do not list the scheme at all. The scopes a person can choose are the contract's
 * {@code ApiTokenScope} list.
 */
public final class ApiScopes {

  static final String BEARER = "bearerToken";

  private final Map<String, List<List<String>>> alternatives = new HashMap<>();
  private final List<String> offered;

  private ApiScopes(OpenAPIContract contract) {
    for (Operation operation : contract.operations()) {
      List<List<String>> accepted = new ArrayList<>();
      for (SecurityRequirement requirement : operation.getSecurityRequirements()) {
        if (requirement.getNames().equals(Set.of(BEARER))) {
          accepted.add(List.copyOf(requirement.getScopes(BEARER)));
        }
      }
      alternatives.put(operation.getOperationId(), accepted);
    }
    JsonArray scopes = contract.getRawContract().getJsonObject("components").getJsonObject("schemas")
        .getJsonObject("ApiTokenScope").getJsonArray("enum");
    this.offered = scopes.stream().map(String::valueOf).toList();
  }

  public static ApiScopes of(OpenAPIContract contract) {
    return new ApiScopes(contract);
  }

  /** The scopes a token can be given, {@code read} first, then the feature areas. */
  public List<String> offered() {
    return offered;
  }

  /** Whether an operation takes a token at all. */
  boolean takesTokens(String operationId) {
    return !alternatives.getOrDefault(operationId, List.of()).isEmpty();
  }

  /** Lets a token's call through only to an operation its scopes cover; calls without a token pass. */
  public Handler<RoutingContext> guard(String operationId) {
    List<List<String>> accepted = alternatives.getOrDefault(operationId, List.of());
    return ctx -> {
      ApiTokens.Grant grant = ApiTokens.grantOf(ctx);
      if (grant == null || accepted.stream().anyMatch(grant.scopes()::containsAll)) {
        ctx.next();
      } else if (accepted.isEmpty()) {
        ctx.fail(Problem.status(403, "token_not_accepted",
            "This operation needs a login; an API token cannot be used for it."));
      } else {
        ctx.fail(Problem.status(403, "insufficient_scope", "This API token's scopes do not cover this operation; "
            + "it needs " + String.join(" or ", accepted.stream().map(scopes -> String.join(" and ", scopes)).toList())
            + "."));
      }
    };
  }

  /**
   * The contract without its security requirements, for Vert.x's router: it would put an authentication
   * handler of its own before every operation that names a scheme, while ours (the login cookie with its CSRF
   * token, {@link BearerAuthentication}, and {@link #guard}) already decide.
   */
  public static Future<OpenAPIContract> withoutSecurity(Vertx vertx, OpenAPIContract contract) {
    JsonObject raw = contract.getRawContract().copy();
    raw.remove("security");
    raw.getJsonObject("paths").forEach(path -> ((JsonObject) path.getValue()).forEach(item -> {
      if (item.getValue() instanceof JsonObject operation) {
        operation.remove("security");
      }
    }));
    return OpenAPIContract.from(vertx, raw);
  }
}
