package nl.leerkring.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Documents of one collection kept in memory by _id, read as immutable records, for those that nearly every request
 * reads and few change (a community with its members: every request in it decides what the caller may do from it).
 * Every write through {@link Writes} that touches such a document drops it here before the write's answer, and in
 * every other server process as soon as {@link Broadcasts} brings the news. Where the news cannot reach every
 * process (a MongoDB without change streams, or while its change stream is lost), nothing is kept: every read goes
 * to the store, and whatever was kept before such a gap is dropped.
 */
public final class Kept<V> {

  /** A bound for what a missed message could cost; every change is announced, so this is rarely what counts. */
  private static final Duration AT_MOST = Duration.ofMinutes(10);

  private final String address;
  /** This copy's own name in the news, so that it does not drop again, later, what it already dropped. */
  private final String source = UUID.randomUUID().toString();
  private final Broadcasts broadcasts;
  private final Cache<String, V> kept;
  /** Counts the changes seen; a read that a change overtook is not kept, it may hold what the change replaced. */
  private final AtomicLong changes = new AtomicLong();

  Kept(Vertx vertx, Writes writes, Broadcasts broadcasts, String collection, int most) {
    this.address = "kept." + collection;
    this.broadcasts = broadcasts;
    this.kept = Caffeine.newBuilder().maximumSize(most).expireAfterWrite(AT_MOST).build();
    writes.afterChanging(collection, this::changed);
    vertx.eventBus().<JsonObject>consumer(address, message -> {
      if (!source.equals(message.body().getString("source"))) {
        forget(message.body().getString("id"));
      }
    });
    vertx.eventBus().consumer(Broadcasts.GAP, message -> forgetAll());
  }

  /** The kept record of {@code id}, or what {@code read} finds (kept when it is there and nothing changed since). */
  public Future<V> get(String id, Supplier<Future<V>> read) {
    V known = known(id);
    if (known != null) {
      return Future.succeededFuture(known);
    }
    long seen = changes.get();
    return read.get().onSuccess(found -> keep(id, found, seen));
  }

  /** Null when not kept. */
  public V known(String id) {
    return broadcasts.reachesEveryProcess() ? kept.getIfPresent(id) : null;
  }

  /** The number to pass to {@link #keep} for a read that starts now. */
  public long seen() {
    return changes.get();
  }

  /** Keeps what a read that started at {@code seen} found, unless a change came in between. */
  public void keep(String id, V found, long seen) {
    if (found == null || changes.get() != seen || !broadcasts.reachesEveryProcess()) {
      return;
    }
    kept.put(id, found);
    // A change counted between the check and the put has already dropped the key, before the put restored it.
    if (changes.get() != seen) {
      kept.invalidate(id);
    }
  }

  /** After a change made outside {@link Writes}: dropped here and in every other process. */
  Future<Void> changed(String id) {
    forget(id);
    return broadcasts.publish(address, new JsonObject().put("id", id).put("source", source));
  }

  private void forget(String id) {
    changes.incrementAndGet();
    if (id != null) {
      kept.invalidate(id);
    }
  }

  private void forgetAll() {
    changes.incrementAndGet();
    kept.invalidateAll();
  }
}
