package nl.leerkring.platform;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import nl.leerkring.support.Eventually;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The copies a process keeps of documents that nearly every request reads (a community with its members): what a
 * change makes stale is never served again, whether the change came before, during or after the read that found it.
 * Each scenario reads through {@link Kept#get} with a counted read, so a read served from the copy shows as none.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Kept copies of documents")
class KeptTest {

  private static final String COLLECTION = "things";

  private final AtomicInteger reads = new AtomicInteger();

  private Future<String> read(String value) {
    reads.incrementAndGet();
    return Future.succeededFuture(value);
  }

  @Test
  @DisplayName("A document read once is served from the copy until a write changes it; then it is read again")
  void keptUntilChanged(Vertx vertx) {
    Writes writes = new Writes(null, Clock.systemUTC());
    Kept<String> kept = new Kept<>(vertx, writes, Broadcasts.local(vertx), COLLECTION, 10);
    assertEquals("member", kept.get("c1", () -> read("member")).await());
    assertEquals("member", kept.get("c1", () -> read("other")).await());
    assertEquals(1, reads.get());

    writes.changed(COLLECTION, "c1").await();
    assertEquals("facilitator", kept.get("c1", () -> read("facilitator")).await());
    assertEquals(2, reads.get());
    // Another document's change leaves this one's copy alone.
    writes.changed(COLLECTION, "c2").await();
    writes.changed("other", "c1").await();
    assertEquals("facilitator", kept.get("c1", () -> read("x")).await());
    assertEquals(2, reads.get());
  }

  @Test
  @DisplayName("A read that a change overtook is not kept: the next request reads again instead of what it found")
  void readOvertakenByChange(Vertx vertx) {
    Writes writes = new Writes(null, Clock.systemUTC());
    Kept<String> kept = new Kept<>(vertx, writes, Broadcasts.local(vertx), COLLECTION, 10);
    Promise<String> slow = Promise.promise();
    Future<String> first = kept.get("c1", slow::future);
    writes.changed(COLLECTION, "c1").await();
    // The answer left the store before the change was made, and arrives after it.
    slow.complete("member (before the role change)");
    assertEquals("member (before the role change)", first.await());
    assertEquals("facilitator", kept.get("c1", () -> read("facilitator")).await());
    assertEquals(1, reads.get());
  }

  @Test
  @DisplayName("News from other processes drops the copy as a local write does; a gap in that news drops every copy")
  void otherProcessesAndGaps(Vertx vertx) {
    Writes writes = new Writes(null, Clock.systemUTC());
    Kept<String> kept = new Kept<>(vertx, writes, Broadcasts.local(vertx), COLLECTION, 10);
    kept.get("c1", () -> read("a")).await();
    kept.get("c2", () -> read("b")).await();
    // What another process's write sends through Broadcasts arrives on this event bus.
    vertx.eventBus().publish("kept." + COLLECTION, new JsonObject().put("id", "c1"));
    Eventually.await("the news to drop c1", Duration.ofSeconds(2), () -> kept.known("c1") == null ? true : null);
    assertEquals("a2", kept.get("c1", () -> read("a2")).await());
    assertEquals("b", kept.get("c2", () -> read("b2")).await());

    vertx.eventBus().publish(Broadcasts.GAP, null);
    Eventually.await("the gap to drop every copy", Duration.ofSeconds(2),
        () -> kept.known("c1") == null && kept.known("c2") == null ? true : null);
    assertEquals("a3", kept.get("c1", () -> read("a3")).await());
    assertEquals("b3", kept.get("c2", () -> read("b3")).await());
    assertEquals(5, reads.get());
  }

  @Test
  @DisplayName("Where changes cannot reach every process (a MongoDB without change streams), nothing is kept")
  void nothingKeptWithoutBroadcasts(Vertx vertx) {
    Kept<String> kept = new Kept<>(vertx, new Writes(null, Clock.systemUTC()), Broadcasts.thisProcessOnly(vertx),
        COLLECTION, 10);
    kept.get("c1", () -> read("a")).await();
    kept.get("c1", () -> read("a")).await();
    assertEquals(2, reads.get());
  }
}
