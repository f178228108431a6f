package nl.leerkring.search;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.mongo.FindOptions;
import nl.leerkring.fieldnote.NoteStore;
import nl.leerkring.platform.Database;
import nl.leerkring.snack.SnackStore;
import org.apache.lucene.analysis.Analyzer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * Keeps the index in step with the store. Every write through {@code db.writes()} to a collection search reads
 * tells this process's index (before the write's answer, so the writer finds it at once) and, through
 * {@code Broadcasts}, every other server process on the same database, which reads the document from the store
 * itself. Changes are gathered while the index is busy and applied as one batch: read from the store, put in
 * or taken out and made visible, one batch at a time on one worker thread; every second what changed is
 * committed to disk.
 * <p>
 * The index is built again from the store at start when it is missing, unreadable, unfinished or was not closed
 * cleanly (the server waits for that), and on a shared MongoDB at every start, since other processes may
 * have written while this one was down (then the old index answers until the new one is complete).
 */
public final class SearchIndexing {

  private static final Logger LOG = LoggerFactory.getLogger(SearchIndexing.class);
  /** The address at which every process hears of a change made through another. */
  static final String ADDRESS = "search.changed";
  private static final int REBUILD_BATCH = 500;
  /** What people wrote themselves: when it is deleted (an erasure), its words leave the index files too. */
  private static final Set<String> PURGED = Set.of(NoteStore.NOTES, SnackStore.SNACKS);
  /** How often what changed is committed to disk; visible to searches it is at once. */
  private static final long COMMIT_MILLIS = 1_000;

  private final Vertx vertx;
  private final Database db;
  private final SearchSources sources;
  private final Path dir;
  private final Analyzer analyzer = SearchAnalyzers.perField();
  private final WorkerExecutor writer;
  private final String process = UUID.randomUUID().toString();
  private final Map<String, Set<String>> pending = new LinkedHashMap<>();
  private final List<Promise<Void>> waiting = new ArrayList<>();
  private boolean draining;
  private volatile SearchIndex index;
  private long committing = -1;
  private MessageConsumer<JsonObject> elsewhere;

  SearchIndexing(Vertx vertx, Database db, SearchSources sources, Path dir) {
    this.vertx = vertx;
    this.db = db;
    this.sources = sources;
    this.dir = dir;
    this.writer = vertx.createSharedWorkerExecutor("leerkring-search-" + process, 1);
  }

  Analyzer analyzer() {
    return analyzer;
  }

  /** The index, or null while it opens: searches answer 503 until then. */
  SearchIndex index() {
    return index;
  }

  Future<Void> start(boolean sharedDatabase) {
    return blocking(() -> SearchIndex.open(dir, analyzer)).compose(opened -> {
      index = opened;
      committing = vertx.setPeriodic(COMMIT_MILLIS, id -> blocking(() -> {
        SearchIndex open = index;
        if (open != null) {
          open.commit();
        }
        return (Void) null;
      }).onFailure(error -> LOG.warn("Could not commit the search index", error)));
      sources.collections().forEach(collection -> db.writes().afterChanging(collection, id -> changed(collection, id)));
      elsewhere = vertx.eventBus().consumer(ADDRESS, message -> {
        JsonObject change = message.body();
        if (!process.equals(change.getString("process"))) {
          quietly(enqueue(change.getString("collection"), Set.of(change.getString("id"))));
        }
      });
      if (opened.needsRebuild()) {
        return rebuild();
      }
      if (sharedDatabase) {
        rebuild().onFailure(error -> LOG.warn("Could not build the search index again", error));
      }
      return Future.succeededFuture();
    });
  }

  /** A document changed through this process: into this index now, into the others' soon. */
  Future<Void> changed(String collection, String id) {
    Future<Void> here = enqueue(collection, Set.of(id));
    Future<Void> elsewhere = db.broadcasts().publish(ADDRESS,
        new JsonObject().put("process", process).put("collection", collection).put("id", id));
    return quietly(Future.all(here, elsewhere).mapEmpty());
  }

  /** A write is saved whatever happens to the index; a change the index missed shows at its next rebuild. */
  private static Future<Void> quietly(Future<Void> done) {
    return done.recover(error -> {
      LOG.warn("The search index missed a change", error);
      return Future.succeededFuture();
    });
  }

  private synchronized Future<Void> enqueue(String collection, Set<String> ids) {
    if (index == null) {
      return Future.succeededFuture();
    }
    pending.computeIfAbsent(collection, c -> new HashSet<>()).addAll(ids);
    Promise<Void> applied = Promise.promise();
    waiting.add(applied);
    if (!draining) {
      draining = true;
      vertx.runOnContext(x -> drain());
    }
    return applied.future();
  }

  /** Applies everything gathered so far as one batch, then the next batch, until nothing is left. */
  private void drain() {
    Map<String, Set<String>> batch;
    List<Promise<Void>> told;
    synchronized (this) {
      if (pending.isEmpty()) {
        draining = false;
        return;
      }
      batch = new LinkedHashMap<>(pending);
      told = new ArrayList<>(waiting);
      pending.clear();
      waiting.clear();
    }
    List<Future<Change>> reads = batch.entrySet().stream().map(e -> {
      List<String> ids = List.copyOf(e.getValue());
      return sources.read(e.getKey(), ids).map(found -> new Change(e.getKey(), ids, found));
    }).toList();
    Future.all(reads).compose(all -> blocking(() -> {
      for (Future<Change> read : reads) {
        Change change = read.result();
        Set<String> present = new HashSet<>();
        change.found().forEach(d -> present.add(d.key()));
        index.put(change.found());
        List<String> gone = change.ids().stream().map(id -> SearchDocument.key(change.collection(), id))
            .filter(key -> !present.contains(key)).toList();
        if (PURGED.contains(change.collection())) {
          index.purge(gone);
        } else {
          index.remove(gone);
        }
      }
      index.publish();
      return (Void) null;
    })).onComplete(done -> {
      told.forEach(p -> p.handle(done));
      drain();
    });
  }

  private record Change(String collection, List<String> ids, List<SearchDocument> found) {
  }

  /** Everything in the store, read collection by collection through the same batches as any change. */
  Future<Void> rebuild() {
    long started = System.nanoTime();
    Future<Void> chain = blocking(() -> {
      index.startRebuild();
      return null;
    });
    for (String collection : sources.collections()) {
      chain = chain.compose(x -> rebuild(collection));
    }
    return chain.compose(x -> blocking(() -> {
      index.finishRebuild();
      return (Void) null;
    })).onSuccess(x -> LOG.info("Built the search index from the store in {} ms", (System.nanoTime() - started) / 1_000_000));
  }

  private Future<Void> rebuild(String collection) {
    Promise<Void> done = Promise.promise();
    ReadStream<JsonObject> ids = db.mongo().findBatchWithOptions(collection, new JsonObject(),
        new FindOptions().setFields(new JsonObject().put("_id", true)).setBatchSize(REBUILD_BATCH));
    List<String> batch = new ArrayList<>();
    ids.exceptionHandler(done::tryFail);
    ids.endHandler(end -> enqueue(collection, new HashSet<>(batch)).onComplete(done));
    ids.handler(doc -> {
      batch.add(String.valueOf(doc.getValue("_id")));
      if (batch.size() >= REBUILD_BATCH) {
        ids.pause();
        Set<String> full = new HashSet<>(batch);
        batch.clear();
        enqueue(collection, full).onSuccess(x -> ids.resume()).onFailure(done::tryFail);
      }
    });
    return done.future();
  }

  private <T> Future<T> blocking(Callable<T> work) {
    return writer.executeBlocking(work, true);
  }

  Future<Void> close() {
    vertx.cancelTimer(committing);
    if (elsewhere != null) {
      elsewhere.unregister();
    }
    SearchIndex open = index;
    index = null;
    Future<Void> closed = open == null ? Future.succeededFuture() : blocking(() -> {
      open.close();
      return (Void) null;
    });
    return closed.eventually(() -> writer.close());
  }
}
