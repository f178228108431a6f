package nl.leerkring.platform;

import io.vertx.core.json.JsonObject;

/**
 * One idempotent single-document write: running it twice leaves the same state as running it once, which is
 * what lets {@link Writes} replay an interrupted sequence after a crash.
 */
public record Step(String collection, JsonObject filter, JsonObject update, boolean upsert) {

  /** Creates the document if it is missing; a replay finds it there and leaves it alone. */
  public static Step insert(String collection, JsonObject document) {
    JsonObject fields = document.copy();
    Object id = fields.remove("_id");
    return new Step(collection, new JsonObject().put("_id", id), new JsonObject().put("$setOnInsert", fields), true);
  }

  public static Step update(String collection, String id, JsonObject update) {
    return new Step(collection, new JsonObject().put("_id", id), update, false);
  }

  public static Step upsert(String collection, String id, JsonObject update) {
    return new Step(collection, new JsonObject().put("_id", id), update, true);
  }

  JsonObject toJson() {
    // Update operators are kept as text: a stored document may not carry $-prefixed field names everywhere.
    return new JsonObject()
        .put("collection", collection)
        .put("filter", filter.encode())
        .put("update", update.encode())
        .put("upsert", upsert);
  }

  static Step fromJson(JsonObject json) {
    return new Step(json.getString("collection"), new JsonObject(json.getString("filter")),
        new JsonObject(json.getString("update")), json.getBoolean("upsert", false));
  }
}
