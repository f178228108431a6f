package nl.leerkring.account;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.IdLists;
import nl.leerkring.platform.Step;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * API tokens by id, and the list of each person's and each company's tokens. The only class that knows a
 * token document's fields.
 */
public final class ApiTokenStore {

  static final String TOKENS = "apiTokens";

  private final Database db;
  private final MongoClient mongo;

  public ApiTokenStore(Database db) {
    this.db = db;
    this.mongo = db.mongo();
  }

  /** A person's own tokens, or a company's (its id): the owner of the list. */
  static String listOf(String ownerId) {
    return IdLists.key(ownerId, TOKENS);
  }

  /** Null when there is none. */
  public Future<ApiToken> byId(String id) {
    return mongo.findOne(TOKENS, new JsonObject().put("_id", id), null)
        .map(doc -> doc == null ? null : fromDocument(doc));
  }

  /**
   * An erased person's own tokens go with their account (their names may say something about them); the
   * company's tokens they made stay the company's and stopped working with the account. Safe to run again.
   */
  public Future<Void> forget(String userId) {
    return of(userId).compose(tokens -> Future.all(tokens.stream()
            .map(token -> mongo.removeDocument(TOKENS, new JsonObject().put("_id", token.id()))).toList()))
        .compose(x -> db.lists().drop(listOf(userId)));
  }

  /** Newest first. */
  public Future<List<ApiToken>> of(String ownerId) {
    return db.lists().all(listOf(ownerId), TOKENS).map(docs -> {
      List<ApiToken> tokens = new ArrayList<>(docs.stream().map(ApiTokenStore::fromDocument).toList());
      Collections.reverse(tokens);
      return tokens;
    });
  }

  static List<Step> created(ApiToken token) {
    String owner = token.forCompany() ? token.organisationId() : token.userId();
    return List.of(Step.insert(TOKENS, toDocument(token)), IdLists.add(listOf(owner), token.id()));
  }

  static Step revoked(String id, String at, String by) {
    return Step.update(TOKENS, id, new JsonObject().put("$set", new JsonObject().put("revokedAt", at).put("revokedBy", by)));
  }

  /** Adds uses counted in this process since the last write; never lowers the time of the last use. */
  Future<Void> used(String id, long count, String lastUsedAt) {
    return mongo.updateCollection(TOKENS, new JsonObject().put("_id", id), new JsonObject()
            .put("$inc", new JsonObject().put("uses", count))
            .put("$max", new JsonObject().put("lastUsedAt", lastUsedAt)))
        .mapEmpty();
  }

  /** Without a time of last use until there is one: $max then sets it on the first. */
  static JsonObject toDocument(ApiToken token) {
    JsonObject doc = new JsonObject();
    if (token.lastUsedAt() != null) {
      doc.put("lastUsedAt", token.lastUsedAt());
    }
    return doc
        .put("_id", token.id())
        .put("secretHash", token.secretHash())
        .put("name", token.name())
        .put("scopes", new JsonArray(List.copyOf(token.scopes())))
        .put("userId", token.userId())
        .put("organisationId", token.organisationId())
        .put("createdAt", token.createdAt())
        .put("expiresAt", token.expiresAt())
        .put("revokedAt", token.revokedAt())
        .put("revokedBy", token.revokedBy())
        .put("uses", token.uses());
  }

  static ApiToken fromDocument(JsonObject doc) {
    return new ApiToken(
        doc.getString("_id"),
        doc.getString("secretHash"),
        doc.getString("name"),
        List.copyOf(IdLists.strings(doc.getJsonArray("scopes", new JsonArray()))),
        doc.getString("userId"),
        doc.getString("organisationId"),
        doc.getString("createdAt"),
        doc.getString("expiresAt"),
        doc.getString("revokedAt"),
        doc.getString("revokedBy"),
        doc.getLong("uses", 0L),
        doc.getString("lastUsedAt"));
  }
}
