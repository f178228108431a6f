package nl.leerkring.search;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
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
 * cleanly, and on a shared MongoDB at every start, since other processes may have written while this one was
 * down. The server does not wait for that (at a million notes it takes minutes): an index that was complete
 * answers until the new one is; without one, searches are told that the index is being built. The rebuild goes
 * through the communities and the lists of their documents, a few hundred documents at a time, because the
 * embedded store gathers a query's whole answer before it sends any of it: the ids of every note at once took
 * about 1 GB of heap at a million notes.
 */
public final class SearchIndexing {

  private static final Logger LOG = LoggerFactory.getLogger(SearchIndexing.class);
  /** The address at which every process hears of a change made through another. */
  static final String ADDRESS = "search.changed";
  /** Documents read from the store and put in at once while the index is built again. */
  static final int REBUILD_BATCH = 500;
  /** Communities whose lists are read at once while the index is built again. */
  private static final int REBUILD_COMMUNITIES = 20;
  /** A rebuild that failed (the store unreachable for a while) is tried again after this long. */
  private static final long REBUILD_RETRY_MILLIS = 30_000;
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
  /** Until the index has been built: searches are told so instead of finding nothing. */
  private volatile boolean building;
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

  /** Whether there is no index to answer from yet, because it is being built from the store. */
  boolean building() {
    return building;
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
      if (opened.needsRebuild() || sharedDatabase) {
        // A complete index that was not closed cleanly misses at most its last changes, and every hit is read
        // from the store and checked again: it answers meanwhile. A missing or unfinished one has nothing.
        building = !opened.complete();
        rebuildUntilDone();
      }
      return Future.succeededFuture();
    });
  }

  private void rebuildUntilDone() {
    rebuild().onSuccess(x -> building = false).onFailure(error -> {
      if (index != null) {
        LOG.error("Could not build the search index from the store; trying again in {} s", REBUILD_RETRY_MILLIS / 1000,
            error);
        vertx.setTimer(REBUILD_RETRY_MILLIS, id -> {
          if (index != null) {
            rebuildUntilDone();
          }
        });
      }
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

  /**
   * Everything in the store, community by community: the ids from the lists of a few communities at a time,
   * then the documents {@value #REBUILD_BATCH} at a time through the same batches as any change.
   */
  private Future<Void> rebuild() {
    long started = System.nanoTime();
    Map<String, List<String>> unread = new LinkedHashMap<>();
    return blocking(() -> {
      index.startRebuild();
      return (Void) null;
    }).compose(x -> sources.communities()).compose(communities -> {
      List<Map<String, Integer>> groups = new ArrayList<>();
      communities.forEach((id, cycle) -> {
        if (groups.isEmpty() || groups.get(groups.size() - 1).size() == REBUILD_COMMUNITIES) {
          groups.add(new LinkedHashMap<>());
        }
        groups.get(groups.size() - 1).put(id, cycle);
      });
      Future<Void> chain = Future.succeededFuture();
      for (Map<String, Integer> group : groups) {
        chain = chain.compose(x -> sources.idsIn(group)).compose(ids -> {
          ids.forEach((collection, more) -> unread.computeIfAbsent(collection, c -> new ArrayList<>()).addAll(more));
          return putIn(unread, false);
        });
      }
      return chain.compose(x -> putIn(unread, true)).map(communities.size());
    }).compose(communities -> blocking(() -> {
      index.finishRebuild();
      return communities;
    })).onSuccess(communities -> LOG.info("Built the search index from the store ({} communities) in {} ms",
        communities, (System.nanoTime() - started) / 1_000_000)).mapEmpty();
  }

  /** Puts in every full batch of what was listed, one after the other, and with {@code all} the rest too. */
  private Future<Void> putIn(Map<String, List<String>> unread, boolean all) {
    for (Map.Entry<String, List<String>> listed : unread.entrySet()) {
      List<String> ids = listed.getValue();
      if (ids.size() >= REBUILD_BATCH || all && !ids.isEmpty()) {
        List<String> first = ids.subList(0, Math.min(REBUILD_BATCH, ids.size()));
        Set<String> batch = new HashSet<>(first);
        first.clear();
        return enqueue(listed.getKey(), batch).compose(x -> putIn(unread, all));
      }
    }
    return Future.succeededFuture();
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
