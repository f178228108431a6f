package nl.leerkring.account;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.openapi.contract.OpenAPIContract;
import nl.leerkring.platform.Problem;
import nl.leerkring.web.ContractCopy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an API token may do, read from the contract: an operation takes a token when its security lists the
 * {@value #BEARER} scheme, with the scopes that scheme needs there (any one of the alternatives). Reads list
 * {@code read} and their feature area, changes their area only, and operations on a person's login, password,
 * data or tokens do not list the scheme at all. The scopes a person can choose are the contract's
 * {@code ApiTokenScope} list.
 */
public final class ApiScopes {

  static final String BEARER = "bearerToken";
  private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");

  /**
   * Contracts read in this process, by their text. Reading and checking the contract costs a server start one to
   * three CPU seconds, and the tests start dozens of servers in one JVM. Values, not futures: a future calls back
   * on the Vert.x instance that made it, which may be closed by the next start.
   */
  private static final Map<String, ApiScopes> READ = new ConcurrentHashMap<>();

  private final JsonObject contract;
  private final Map<String, List<List<String>>> alternatives = new HashMap<>();
  private final List<String> offered;
  private volatile OpenAPIContract routable;

  private ApiScopes(JsonObject contract) {
    this.contract = contract;
    JsonArray global = contract.getJsonArray("security", new JsonArray());
    contract.getJsonObject("paths").forEach(path -> ((JsonObject) path.getValue()).forEach(entry -> {
      if (METHODS.contains(entry.getKey())) {
        JsonObject operation = (JsonObject) entry.getValue();
        List<List<String>> accepted = new ArrayList<>();
        operation.getJsonArray("security", global).forEach(requirement -> {
          JsonObject names = (JsonObject) requirement;
          if (names.fieldNames().equals(Set.of(BEARER))) {
            accepted.add(names.getJsonArray(BEARER).stream().map(String::valueOf).toList());
          }
        });
        alternatives.put(operation.getString("operationId"), accepted);
      }
    }));
    this.offered = contract.getJsonObject("components").getJsonObject("schemas").getJsonObject("ApiTokenScope")
        .getJsonArray("enum").stream().map(String::valueOf).toList();
  }

  /**
   * Reads the contract file as written (YAML), once for both this and {@link #contractWithoutSecurity}; parsed
   * off the event loop.
   */
  public static Future<ApiScopes> load(Vertx vertx, String path) {
    Future<String> copy = vertx.fileSystem().readFile(ContractCopy.of(path))
        .map(file -> file.toString(StandardCharsets.UTF_8)).otherwiseEmpty();
    return vertx.fileSystem().readFile(path).compose(file -> copy.compose(json -> {
      String text = file.toString(StandardCharsets.UTF_8);
      ApiScopes known = READ.get(text);
      // A read ahead of the same text still under way makes this wait for it instead of parsing again.
      return known != null ? Future.succeededFuture(known) : vertx.executeBlocking(() -> parsed(text, json), false);
    }));
  }

  /**
   * Starts reading the contract (from the working directory, else from the jar, as Vert.x looks) on a thread of
   * its own while Vert.x itself starts: parsing takes the best part of a second in a fresh JVM (issue 14, the
   * first page within 3 s). Only a head start: {@link #load} reads the file again and uses this parse when the
   * text is the same.
   */
  public static void readAhead(String path) {
    Thread reader = new Thread(() -> {
      try {
        String text = readNearby(path);
        if (text != null) {
          parsed(text, readNearby(ContractCopy.of(path)));
        }
      } catch (IOException | RuntimeException e) {
        // load() reads and reports it
      }
    }, "leerkring-contract-reader");
    reader.setDaemon(true);
    reader.start();
  }

  private static String readNearby(String path) throws IOException {
    try (InputStream in = Files.exists(Path.of(path)) ? Files.newInputStream(Path.of(path))
        : ApiScopes.class.getClassLoader().getResourceAsStream(path)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static ApiScopes parsed(String text, String copy) {
    return READ.computeIfAbsent(text, read -> new ApiScopes(ContractCopy.contract(read, copy)));
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
   * The contract without its security requirements, for Vert.x's router and the forms: the router would put an
   * authentication handler of its own before every operation that names a scheme, while ours (the login cookie
   * with its CSRF token, {@link BearerAuthentication}, and {@link #guard}) already decide.
   */
  public Future<OpenAPIContract> contractWithoutSecurity(Vertx vertx) {
    OpenAPIContract known = routable;
    if (known != null) {
      return Future.succeededFuture(known);
    }
    JsonObject withoutSecurity = contract.copy();
    withoutSecurity.remove("security");
    withoutSecurity.getJsonObject("paths").forEach(path -> ((JsonObject) path.getValue()).forEach(entry -> {
      if (METHODS.contains(entry.getKey())) {
        ((JsonObject) entry.getValue()).remove("security");
      }
    }));
    return OpenAPIContract.from(vertx, withoutSecurity).onSuccess(made -> routable = made);
  }
}
