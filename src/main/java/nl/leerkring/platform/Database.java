package nl.leerkring.platform;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The connection to the document store: a real MongoDB when a connection string is configured, otherwise the
 * embedded store. Everything above this class sees the same driver either way.
 */
public final class Database {

  private static final Logger LOG = LoggerFactory.getLogger(Database.class);
  /** A few lists per community (sessions, questions, notes, prompts) of a large installation; a head is a few KB. */
  private static final int KEPT_LIST_HEADS = 5_000;

  private final Vertx vertx;
  private final MongoClient mongo;
  private final EmbeddedStore embedded;
  private final Clock clock;
  private final Writes writes;
  private final IdLists lists;
  private final WriteProbe writeProbe;
  /** Set once in {@link #open}, before anyone else sees this database. */
  private Broadcasts broadcasts;
  private long sweeper = -1;

  private Database(Vertx vertx, MongoClient mongo, EmbeddedStore embedded, Clock clock) {
    this.vertx = vertx;
    this.mongo = mongo;
    this.embedded = embedded;
    this.clock = clock;
    this.writes = new Writes(mongo, clock);
    this.lists = new IdLists(mongo);
    this.writeProbe = new WriteProbe(mongo, clock);
  }

  public static Future<Database> open(Vertx vertx, Settings settings, Clock clock) {
    return open(vertx, settings, clock, UnaryOperator.identity());
  }

  /** {@code around} wraps the client every store call goes through, which is how the store is timed. */
  public static Future<Database> open(Vertx vertx, Settings settings, Clock clock,
                                      UnaryOperator<MongoClient> around) {
    Future<EmbeddedStore> embedded = settings.embeddedStore()
        ? vertx.executeBlocking(() -> EmbeddedStore.start(settings.dataDir(), settings.storeCacheMb()))
        : Future.succeededFuture();
    return embedded.compose(store -> {
      String uri = store != null ? store.connectionString() : settings.mongoUri();
      if (store == null) {
        LOG.info("Using MongoDB at {}", redact(uri));
      }
      JsonObject config = new JsonObject()
          .put("connection_string", uri)
          .put("db_name", settings.database())
          .put("serverSelectionTimeoutMS", 10_000);
      MongoClient mongo = around.apply(MongoClient.create(vertx, config));
      Database database = new Database(vertx, mongo, store, clock);
      // The driver's first call loads its classes on the calling thread, which blocked the event loop for
      // seconds on a busy machine ("Thread blocked" at start-up); a worker takes that first call.
      return vertx.executeBlocking(() -> database.createIndexes().toCompletionStage().toCompletableFuture().get())
          .compose(x -> store != null ? Future.succeededFuture(Broadcasts.local(vertx)) : Broadcasts.shared(vertx, mongo))
          .map(broadcasts -> {
            database.broadcasts = broadcasts;
            database.lists.keepHeads(database.kept(IdLists.COLLECTION, KEPT_LIST_HEADS));
            return database;
          });
    });
  }

  /**
   * Fields that make a record unique where they are present: the key of the request that created it
   * ({@link ClientKeys}), and the person and prompt of a prompt's answer.
   */
  private static final List<List<String>> CREATED_ONCE = List.of(
      List.of("notes", ClientKeys.FIELD), List.of("notes", "answerOf"), List.of("questions", ClientKeys.FIELD),
      List.of("snacks", ClientKeys.FIELD), List.of("contributions", ClientKeys.FIELD));

  /**
   * The states that conditional steps ({@link Step#expecting}) name next to the _id, per collection. The
   * embedded store answers a filter by an index only when the filter names exactly that index's fields, so
   * each such combination has a (trivially unique) index there; without it every state change would read the
   * whole collection. A real MongoDB finds these documents by their _id alone.
   */
  private static final Map<String, List<String>> GUARDED = Map.of(
      "cycles", List.of("status"),
      "sessions", List.of("status"),
      "invitations", List.of("usedBy", "withdrawnAt"));

  /**
   * Unique indexes carry the lookups by natural key. The embedded store honours only unique indexes, which
   * is why every hot read goes by _id or by one of these.
   */
  private Future<Void> createIndexes() {
    Future<Void> indexes = mongo.createIndexWithOptions("users", new JsonObject().put("login", 1),
            new IndexOptions().unique(true))
        // Only the hourly clean-up queries by expiry; a real MongoDB uses this index, the embedded store scans.
        .compose(x -> mongo.createIndex("logins", new JsonObject().put("expiresAt", 1)));
    for (List<String> once : CREATED_ONCE) {
      indexes = indexes.compose(x -> mongo.createIndexWithOptions(once.get(0), new JsonObject().put(once.get(1), 1),
          new IndexOptions().unique(true).sparse(true)));
    }
    if (embedded == null) {
      return indexes;
    }
    for (Map.Entry<String, List<String>> guarded : GUARDED.entrySet()) {
      JsonObject keys = new JsonObject().put("_id", 1);
      guarded.getValue().forEach(field -> keys.put(field, 1));
      indexes = indexes.compose(x -> mongo.createIndexWithOptions(guarded.getKey(), keys,
          new IndexOptions().unique(true)));
    }
    return indexes;
  }

  public MongoClient mongo() {
    return mongo;
  }

  public Writes writes() {
    return writes;
  }

  /** Publishes to the event bus of every server process on this database. */
  public Broadcasts broadcasts() {
    return broadcasts;
  }

  public IdLists lists() {
    return lists;
  }

  /**
   * The documents of {@code collection} that lists read with {@code fields} (null: whole documents) are kept, at
   * most {@code most} of them, until they change (see {@link IdLists#keepDocuments}).
   */
  public void keepListed(String collection, JsonObject fields, int most) {
    lists.keepDocuments(collection, fields, () -> kept(collection, most));
  }

  /** Copies of a collection's documents kept by _id in this process, dropped on any change (see {@link Kept}). */
  public <V> Kept<V> kept(String collection, int most) {
    return new Kept<>(vertx, writes, broadcasts, collection, most);
  }

  public Clock clock() {
    return clock;
  }

  public String now() {
    return Times.now(clock);
  }

  public Future<Void> ping() {
    return mongo.runCommand("ping", new JsonObject().put("ping", 1)).mapEmpty();
  }

  /**
   * Whether the store takes a write now: a ping answers even when the file went read-only or the disk is
   * full. One real write at most every few seconds, shared by every caller in between.
   */
  public Future<Void> canWrite() {
    return writeProbe.get();
  }

  /**
   * One consistent copy of the embedded store, written to {@code target} while the server keeps running.
   * A real MongoDB is backed up with its own tools, so there this fails and says so.
   */
  public Future<Path> backup(Path target) {
    if (embedded == null) {
      return Future.failedFuture(new UnsupportedOperationException(
          "This server uses a MongoDB of its own: back it up with mongodump (and restore with mongorestore)"));
    }
    return vertx.executeBlocking(() -> embedded.backup(target), false);
  }

  /**
   * Finishes the multi-document writes an earlier run left half done, and from then on, every half lease,
   * those of any process that gave them up. Only this process uses the embedded store, so at its start
   * everything there is was left behind; on a shared MongoDB another process may still be writing.
   */
  public Future<Integer> finishInterruptedWrites() {
    return writes.finishAbandoned(embedded != null).onSuccess(x -> sweeper = vertx.setPeriodic(
        Writes.LEASE.toMillis() / 2, id -> writes.finishAbandoned(false)
            .onFailure(e -> LOG.warn("Could not finish interrupted writes; tried again shortly", e))));
  }

  public Future<Void> close() {
    vertx.cancelTimer(sweeper);
    broadcasts.stop();
    return mongo.close().compose(ignored -> embedded == null
        ? Future.succeededFuture()
        : vertx.executeBlocking(() -> {
          embedded.close();
          return null;
        }));
  }

  private static String redact(String uri) {
    return uri.replaceAll("//[^@/]*@", "//***@");
  }
}
