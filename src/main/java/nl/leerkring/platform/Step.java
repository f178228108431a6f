package nl.leerkring.platform;

import io.vertx.core.json.JsonObject;

/**
 * One idempotent single-document write: running it twice leaves the same state as running it once, which is
 * what lets {@link Writes} replay an interrupted sequence after a crash.
 * <p>
 * A {@code conditional} step is how a request claims a state change: an update that names the state it
 * expects in its filter ({@link #expecting}), or an insert that must create its document ({@link #claim}).
 * When the document is not (or no longer) as expected, another request got there first: the write applies
 * nothing and fails with {@link Lost}.
 */
public record Step(String collection, JsonObject filter, JsonObject update, boolean upsert, boolean conditional) {

  public Step(String collection, JsonObject filter, JsonObject update, boolean upsert) {
    this(collection, filter, update, upsert, false);
  }

  /** Creates the document if it is missing; a replay finds it there and leaves it alone. */
  public static Step insert(String collection, JsonObject document) {
    JsonObject fields = document.copy();
    Object id = fields.remove("_id");
    return new Step(collection, new JsonObject().put("_id", id), new JsonObject().put("$setOnInsert", fields), true);
  }

  /** Creates the document, or loses when a document with its id is there already. */
  public static Step claim(String collection, JsonObject document) {
    Step insert = insert(collection, document);
    return new Step(collection, insert.filter, insert.update, true, true);
  }

  public static Step update(String collection, String id, JsonObject update) {
    return new Step(collection, new JsonObject().put("_id", id), update, false);
  }

  public static Step upsert(String collection, String id, JsonObject update) {
    return new Step(collection, new JsonObject().put("_id", id), update, true);
  }

  /**
   * This update, applied only while the document's {@code field} still holds {@code value} (the state the
   * request read); otherwise it loses. Filter on a field the store finds by index along with the _id (see
   * {@link Database}), or the embedded store reads the whole collection to answer.
   */
  public Step expecting(String field, Object value) {
    if (upsert || !filter.containsKey("_id")) {
      throw new IllegalStateException("Only an update of one document by its _id can expect a state");
    }
    return new Step(collection, filter.copy().put(field, value), update, false, true);
  }

  /** The _id the step writes. */
  Object id() {
    return filter.getValue("_id");
  }

  /** The document a {@link #claim} creates. */
  JsonObject document() {
    return update.getJsonObject("$setOnInsert", new JsonObject()).copy().put("_id", id());
  }

  JsonObject toJson() {
    // Update operators are kept as text: a stored document may not carry $-prefixed field names everywhere.
    return new JsonObject()
        .put("collection", collection)
        .put("filter", filter.encode())
        .put("update", update.encode())
        .put("upsert", upsert)
        .put("conditional", conditional);
  }

  static Step fromJson(JsonObject json) {
    return new Step(json.getString("collection"), new JsonObject(json.getString("filter")),
        new JsonObject(json.getString("update")), json.getBoolean("upsert", false),
        json.getBoolean("conditional", false));
  }
}
