package nl.leerkring.support;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import nl.leerkring.platform.EmbeddedStore;

import java.util.List;

/**
 * An embedded store that outlives the servers using it, as a database outlives server processes: servers
 * are started on it by connection string, and the test can look inside with a client of its own.
 */
public final class SharedStore implements AutoCloseable {

  private final Vertx vertx;
  private final EmbeddedStore store;
  private final MongoClient mongo;

  public SharedStore(Vertx vertx) {
    this.vertx = vertx;
    this.store = vertx.executeBlocking(() -> EmbeddedStore.start(TestServer.temporaryDataDir(), 64)).await();
    this.mongo = MongoClient.create(vertx, new JsonObject()
        .put("connection_string", store.connectionString()).put("db_name", "leerkring"));
  }

  /** The test's own client of the store. */
  public MongoClient mongo() {
    return mongo;
  }

  public String uri() {
    return store.connectionString();
  }

  public JsonObject findOne(String collection, String id) {
    return mongo.findOne(collection, new JsonObject().put("_id", id), null).await();
  }

  public List<JsonObject> find(String collection, JsonObject query) {
    return mongo.find(collection, query).await();
  }

  /** Writes as an older version of the server, or a hand-edited database, may have left a document. */
  public void upsert(String collection, String id, JsonObject set) {
    mongo.updateCollectionWithOptions(collection, new JsonObject().put("_id", id), new JsonObject().put("$set", set),
        new io.vertx.ext.mongo.UpdateOptions().setUpsert(true)).await();
  }

  @Override
  public void close() {
    mongo.close().await();
    vertx.executeBlocking(() -> {
      store.close();
      return null;
    }).await();
  }
}
