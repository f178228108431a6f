package nl.leerkring.account;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import nl.leerkring.audit.AuditTrail;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Hashes;
import nl.leerkring.platform.IdLists;
import nl.leerkring.platform.Ids;
import nl.leerkring.platform.Problem;
import nl.leerkring.platform.Step;
import nl.leerkring.platform.Times;
import nl.leerkring.web.Caller;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Personal and company API tokens for scripts and integrations: made with scopes and an expiry, shown once,
 * kept as a hash, revocable, each use counted; every creation and revocation is in the company's audit trail.
 * A token is {@code lk_<id>.<secret>}: the id finds the document, the secret (256 random bits) must match its
 * hash.
 */
public final class ApiTokens {

  static final String PREFIX = "lk_";
  private static final String GRANT = "leerkring.apiToken";
  private static final int DEFAULT_DAYS = 90;

  /** The token a request came with and what it may do; see {@link ApiScopes#guard}. */
  public record Grant(String tokenId, List<String> scopes) {
  }

  private final Database db;
  private final ApiTokenStore store;
  private final UserStore users;
  private final Callers callers;
  private final AuditTrail audit;
  private final ApiTokenUses uses;

  public ApiTokens(Vertx vertx, Database db, UserStore users, Callers callers, AuditTrail audit) {
    this.db = db;
    this.store = new ApiTokenStore(db);
    this.users = users;
    this.callers = callers;
    this.audit = audit;
    this.uses = new ApiTokenUses(vertx, store);
  }

  /** A new token; the answer's {@code token} is the only time its secret is shown. */
  public Future<JsonObject> create(Caller caller, JsonObject body) {
    String organisationId = body.getString("organisationId");
    if (organisationId != null && !caller.administers(organisationId)) {
      return Future.failedFuture(Problem.notFound("organisation"));
    }
    String secret = Ids.newSecret();
    Instant now = db.clock().instant();
    int days = body.getInteger("expiresInDays", DEFAULT_DAYS);
    ApiToken token = new ApiToken(Ids.newId(), Hashes.sha256(secret), body.getString("name"),
        List.copyOf(IdLists.strings(body.getJsonArray("scopes"))), caller.userId(), organisationId,
        Times.format(now), Times.format(now.plus(Duration.ofDays(days))), null, null, 0, null);
    List<Step> steps = new ArrayList<>(ApiTokenStore.created(token));
    steps.addAll(audited(caller, token, "token.created"));
    return db.writes().apply(steps)
        .map(x -> token.view(db.now(), 0).put("token", PREFIX + token.id() + "." + secret));
  }

  /** The caller's own tokens, then those of each company they administer; newest first. */
  public Future<JsonArray> list(Caller caller) {
    List<Future<List<ApiToken>>> lists = new ArrayList<>();
    lists.add(store.of(caller.userId()));
    caller.adminOf().forEach(organisationId -> lists.add(store.of(organisationId)));
    return Future.all(lists).map(all -> {
      String now = db.now();
      JsonArray out = new JsonArray();
      lists.forEach(list -> list.result().forEach(token -> out.add(token.view(now, uses.pendingOf(token.id())))));
      return out;
    });
  }

  /** Stops a token at once, in every server process: each call reads the token. Revoking twice changes nothing. */
  public Future<Void> revoke(Caller caller, String tokenId) {
    return store.byId(tokenId).compose(token -> {
      if (token == null || !(token.forCompany() ? caller.administers(token.organisationId())
          : token.userId().equals(caller.userId()))) {
        return Future.failedFuture(Problem.notFound("API token"));
      }
      if (token.revokedAt() != null) {
        return Future.succeededFuture();
      }
      List<Step> steps = new ArrayList<>();
      steps.add(ApiTokenStore.revoked(tokenId, db.now(), caller.userId()));
      steps.addAll(audited(caller, token, "token.revoked"));
      return db.writes().apply(steps);
    });
  }

  /** In the trail of the token's company, or of the person's own; people of no company have no trail. */
  private List<Step> audited(Caller caller, ApiToken token, String action) {
    String organisationId = token.forCompany() ? token.organisationId() : caller.organisationId();
    if (organisationId == null) {
      return List.of();
    }
    // A personal token's name is the person's free text, which the trail would keep after their erasure; a
    // company token's name tells the admins which integration it is.
    JsonObject details = new JsonObject().put("tokenId", token.id())
        .put("scopes", String.join(" ", token.scopes()))
        .put("company", token.forCompany())
        .put("expiresAt", token.expiresAt());
    if (token.forCompany()) {
      details.put("name", token.name());
    }
    return audit.steps(organisationId, caller.userId(), action, token.userId(), details);
  }

  /**
   * The person a presented token acts for, with its grant put on the request; 401 for a token that is unknown,
   * revoked, expired or whose person is gone. A company token acts only as an admin of its company, and only
   * while its maker still is one.
   */
  Future<Caller> authenticate(RoutingContext ctx, String presented) {
    int dot = presented.indexOf('.');
    String id = presented.startsWith(PREFIX) && dot > 0 ? presented.substring(PREFIX.length(), dot) : null;
    if (id == null || !Ids.looksLikeId(id)) {
      return Future.failedFuture(invalid());
    }
    String secret = presented.substring(dot + 1);
    return store.byId(id).compose(token -> {
      if (token == null || !matches(token.secretHash(), Hashes.sha256(secret))) {
        throw invalid();
      }
      String now = db.now();
      switch (token.status(now)) {
        case REVOKED -> throw Problem.status(401, "token_revoked", "This API token was revoked.");
        case EXPIRED -> throw Problem.status(401, "token_expired", "This API token has expired.");
        case ACTIVE -> {
        }
      }
      return callerOf(token).map(caller -> {
        ctx.put(GRANT, new Grant(token.id(), token.scopes()));
        uses.count(token.id(), now);
        return caller;
      });
    });
  }

  private Future<Caller> callerOf(ApiToken token) {
    String key = "token/" + token.id();
    Caller known = callers.get(key);
    if (known != null) {
      return Future.succeededFuture(known);
    }
    return users.byId(token.userId()).map(user -> {
      if (user == null || user.getBoolean("erased", false)) {
        throw invalid();
      }
      Caller person = Authentication.caller(user, "");
      Caller caller = token.forCompany()
          ? new Caller(person.userId(), person.displayName(), person.language(), person.organisationId(),
              List.of(token.organisationId()), List.of(), false, "")
          : new Caller(person.userId(), person.displayName(), person.language(), person.organisationId(),
              person.adminOf(), person.communityIds(), false, "");
      if (token.forCompany() && !person.administers(token.organisationId())) {
        throw invalid();
      }
      callers.remember(key, caller, Instant.parse(token.expiresAt()));
      return caller;
    });
  }

  private static Problem invalid() {
    return Problem.status(401, "token_invalid", "This API token is not valid.");
  }

  /** In constant time, so that the answer's timing does not reveal how much of a guess was right. */
  private static boolean matches(String expected, String given) {
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  /** The grant of a request that came with a token, or null. */
  public static Grant grantOf(RoutingContext ctx) {
    return ctx.get(GRANT);
  }

  /** Writes the uses counted so far; called when the server stops. */
  public Future<Void> close() {
    return uses.close();
  }
}
