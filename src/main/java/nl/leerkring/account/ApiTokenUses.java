package nl.leerkring.account;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts each token's uses in memory and adds them to the store every few seconds and when the server stops,
 * so that a call made with a token costs no write of its own. A count taken out for writing is put back when
 * the write fails, and a use counted while a write is under way goes into the next one: none is lost, none
 * counted twice.
 */
final class ApiTokenUses {

  private static final Logger LOG = LoggerFactory.getLogger(ApiTokenUses.class);
  private static final long EVERY_MILLIS = 5_000;

  private record Pending(long count, String last) {
    Pending plus(Pending other) {
      return new Pending(count + other.count, last.compareTo(other.last) >= 0 ? last : other.last);
    }
  }

  private final Vertx vertx;
  private final ApiTokenStore store;
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final long timer;

  ApiTokenUses(Vertx vertx, ApiTokenStore store) {
    this.vertx = vertx;
    this.store = store;
    this.timer = vertx.setPeriodic(EVERY_MILLIS, id -> write()
        .onFailure(error -> LOG.warn("Could not write API token uses; the next round tries again", error)));
  }

  void count(String tokenId, String at) {
    pending.merge(tokenId, new Pending(1, at), Pending::plus);
  }

  /** Uses counted here and not yet in the store, which a list of tokens adds to the stored count. */
  long pendingOf(String tokenId) {
    Pending counted = pending.get(tokenId);
    return counted == null ? 0 : counted.count();
  }

  /** Writes what was counted; each token's count is taken out atomically, so later uses wait for the next write. */
  Future<Void> write() {
    List<Future<Void>> writes = new ArrayList<>();
    for (String tokenId : List.copyOf(pending.keySet())) {
      Pending taken = pending.remove(tokenId);
      if (taken != null) {
        writes.add(store.used(tokenId, taken.count(), taken.last())
            .onFailure(error -> pending.merge(tokenId, taken, Pending::plus)));
      }
    }
    return Future.join(writes).mapEmpty();
  }

  /** A store that cannot take the last write must not keep the server from stopping; the uses are logged lost. */
  Future<Void> close() {
    vertx.cancelTimer(timer);
    return write().recover(error -> {
      LOG.warn("Could not write the last API token uses before stopping", error);
      return Future.succeededFuture();
    });
  }
}
