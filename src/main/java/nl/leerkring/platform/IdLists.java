package nl.leerkring.platform;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which documents belong to what, kept as lists of ids in one document per owner ("communityId/notes").
 * The embedded store ignores non-unique indexes, so a query on a foreign key would scan the whole
 * collection; reading one list by _id and then the documents with $in on _id costs the same at any size.
 */
public final class IdLists {

  static final String COLLECTION = "idlists";

  private final MongoClient mongo;

  public IdLists(MongoClient mongo) {
    this.mongo = mongo;
  }

  public static String key(String ownerId, String kind) {
    return ownerId + "/" + kind;
  }

  public static Step add(String key, String id) {
    return Step.upsert(COLLECTION, key, new JsonObject().put("$addToSet", new JsonObject().put("ids", id)));
  }

  public static Step remove(String key, String id) {
    return Step.update(COLLECTION, key, new JsonObject().put("$pull", new JsonObject().put("ids", id)));
  }

  /** Oldest first, in the order they were added. */
  public Future<List<String>> ids(String key) {
    return mongo.findOne(COLLECTION, new JsonObject().put("_id", key), null)
        .map(list -> list == null ? List.<String>of() : strings(list.getJsonArray("ids", new JsonArray())));
  }

  /** The documents of a list, newest first, skipping ids whose document is gone. */
  public Future<List<JsonObject>> newestFirst(String key, String collection, int offset, int limit) {
    return ids(key).compose(ids -> {
      List<String> reversed = new ArrayList<>(ids);
      Collections.reverse(reversed);
      int from = Math.min(offset, reversed.size());
      return byIds(collection, reversed.subList(from, Math.min(reversed.size(), from + limit)));
    });
  }

  public Future<List<JsonObject>> all(String key, String collection) {
    return ids(key).compose(ids -> byIds(collection, ids));
  }

  /** Documents in the order of the ids given. */
  public Future<List<JsonObject>> byIds(String collection, List<String> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    JsonObject query = new JsonObject().put("_id", new JsonObject().put("$in", new JsonArray(ids)));
    return mongo.findWithOptions(collection, query, new FindOptions().setLimit(ids.size())).map(found -> {
      Map<String, JsonObject> byId = new HashMap<>();
      found.forEach(doc -> byId.put(doc.getString("_id"), doc));
      List<JsonObject> ordered = new ArrayList<>(found.size());
      ids.forEach(id -> {
        JsonObject doc = byId.get(id);
        if (doc != null) {
          ordered.add(doc);
        }
      });
      return ordered;
    });
  }

  public static List<String> strings(JsonArray array) {
    List<String> out = new ArrayList<>(array.size());
    array.forEach(value -> out.add(String.valueOf(value)));
    return out;
  }
}
