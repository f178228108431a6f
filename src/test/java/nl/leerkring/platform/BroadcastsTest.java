package nl.leerkring.platform;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import nl.leerkring.support.LogCapture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two Vert.x instances stand for two server processes: each has an event bus of its own. */
@DisplayName("A change published on one process reaches the followers on every process")
class BroadcastsTest {

  private static final String ADDRESS = "session.s-1";

  @Test
  @DisplayName("On a database with change streams, a phase change published by A reaches followers on A and B, "
      + "each once and in order")
  void acrossProcesses(@TempDir Path dir) throws Exception {
    Vertx a = Vertx.vertx();
    Vertx b = Vertx.vertx();
    EmbeddedStore store = EmbeddedStore.startShared(dir, 16);
    try {
      Broadcasts onA = Broadcasts.shared(a, client(a, store)).await();
      Broadcasts onB = Broadcasts.shared(b, client(b, store)).await();
      BlockingQueue<String> atA = follow(a);
      BlockingQueue<String> atB = follow(b);

      // One after the other, as a facilitator's two changes are: each request is answered once its change is out.
      onA.publish(ADDRESS, new JsonObject().put("phase", "explore")).await();
      onA.publish(ADDRESS, new JsonObject().put("phase", "agree")).await();

      for (BlockingQueue<String> follower : java.util.List.of(atA, atB)) {
        assertEquals("explore", follower.poll(5, TimeUnit.SECONDS));
        assertEquals("agree", follower.poll(5, TimeUnit.SECONDS), "the first change came twice, or the second not");
      }
      onA.stop();
      onB.stop();
    } finally {
      a.close().await();
      b.close().await();
      store.close();
    }
  }

  @Test
  @DisplayName("On a database without change streams, the process says so and its own followers still get "
      + "every change")
  void withoutChangeStreams(@TempDir Path dir) throws Exception {
    Vertx vertx = Vertx.vertx();
    EmbeddedStore store = EmbeddedStore.start(dir, 16);
    try (LogCapture log = LogCapture.of(Broadcasts.class)) {
      Broadcasts broadcasts = Broadcasts.shared(vertx, client(vertx, store)).await();
      assertTrue(log.lines().stream().anyMatch(line -> line.contains("offers no change streams")), log.lines()::toString);
      BlockingQueue<String> follower = follow(vertx);
      broadcasts.publish(ADDRESS, new JsonObject().put("phase", "explore")).await();
      assertEquals("explore", follower.poll(5, TimeUnit.SECONDS));
    } finally {
      vertx.close().await();
      store.close();
    }
  }

  private static MongoClient client(Vertx vertx, EmbeddedStore store) {
    return MongoClient.create(vertx, new JsonObject().put("connection_string", store.connectionString())
        .put("db_name", "leerkring"));
  }

  private static BlockingQueue<String> follow(Vertx vertx) {
    BlockingQueue<String> phases = new LinkedBlockingQueue<>();
    vertx.eventBus().<JsonObject>consumer(ADDRESS, message -> phases.add(message.body().getString("phase")))
        .completion().await();
    return phases;
  }
}
