package nl.leerkring.platform;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.VertxExtension;
import nl.leerkring.support.StoreChild;
import nl.leerkring.bench.StoreLoad;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The short version of the store stress benchmark ({@code nl.leerkring.bench.StoreStressBenchmark}). */
@ExtendWith(VertxExtension.class)
@DisplayName("The embedded store under load")
// Runs beside the other test classes (it mostly waits on its processes); its own scenarios one by one.
@Execution(ExecutionMode.CONCURRENT)
class StoreUnderLoadTest {

  private static final int COMMUNITIES = 200;
  private static final int NOTES = Integer.getInteger("storeLoad.notes", 4_000);
  private static final int CLIENTS = 8;
  private static final long TRAFFIC_MILLIS = Long.getLong("storeLoad.trafficMillis", 10_000);

  @Test
  @Execution(ExecutionMode.SAME_THREAD)
  @DisplayName("Loading, reading, writing, editing and scanning at once gives no store error, "
      + "and every acknowledged write survives kill -9")
  void survivesLoadAndKill(Vertx vertx, @TempDir Path dataDir) throws Exception {
    long started = System.nanoTime();
    StoreLoad load;
    try (StoreChild store = StoreChild.start(dataDir)) {
      // Without retries a request the kill cuts off fails at once; the driver would otherwise retry it and wait
      // its whole server selection time (30 s) for a store that is gone.
      load = new StoreLoad(vertx, store.connectionString + "/?retryWrites=false&retryReads=false", COMMUNITIES);
      load.communities().await();
      // The large collection goes in a thousand at a time; the traffic below uses the application's write path.
      load.bulkLoad(NOTES).await();
      long loaded = System.nanoTime();
      var traffic = load.traffic(CLIENTS);
      Thread.sleep(TRAFFIC_MILLIS);
      List<String> errorsBeforeKill = List.copyOf(load.errors);
      // The clients start nothing new from here on; the requests they have under way are cut off by the kill.
      load.stop();
      long killed = System.nanoTime();
      store.kill();
      traffic.await();
      long ended = System.nanoTime();
      load.close().await();
      assertEquals(List.of(), errorsBeforeKill, "store errors under load");
      System.out.printf("StoreUnderLoadTest: %,d notes bulk-loaded in %.1f s; then %,d reads, %,d new notes, %,d edits, "
              + "%,d scans in %d s before kill -9, which ended the requests under way in %.1f s%n", NOTES,
          (loaded - started) / 1e9, load.reads.get(), load.inserts.get() - NOTES, load.edits.get(), load.scans.get(),
          TRAFFIC_MILLIS / 1000, (ended - killed) / 1e9);
    }

    long cutOff = System.nanoTime();
    EmbeddedStore reopened = vertx.executeBlocking(() -> EmbeddedStore.start(dataDir, 64)).await();
    long reopenedAt = System.nanoTime();
    try {
      MongoClient mongo = MongoClient.create(vertx, new JsonObject()
          .put("connection_string", reopened.connectionString()).put("db_name", "leerkring"));
      List<String> missing = load.missingAfterRestart(mongo).await();
      long bson = mongo.runCommand("dbStats", new JsonObject().put("dbStats", 1))
          .map(stats -> ((Number) stats.getValue("dataSize")).longValue()).await();
      mongo.close().await();
      long checked = System.nanoTime();
      long afterKill = java.nio.file.Files.size(reopened.file());
      vertx.executeBlocking(() -> {
        reopened.close();
        return null;
      }).await();
      long afterStop = java.nio.file.Files.size(reopened.file());
      System.out.printf("StoreUnderLoadTest: whole run %.1f s; reopened after kill -9 in %.1f s, every acknowledged write "
          + "checked in %.1f s, closed in %.1f s%n", (System.nanoTime() - started) / 1e9, (reopenedAt - cutOff) / 1e9,
          (checked - reopenedAt) / 1e9, (System.nanoTime() - checked) / 1e9);
      System.out.printf("StoreUnderLoadTest: BSON %,d bytes; file %,d bytes after kill -9, %,d after a clean stop%n",
          bson, afterKill, afterStop);
      assertTrue(load.inserts.get() >= NOTES, "not all notes were loaded");
      assertTrue(missing.isEmpty(), () -> missing.size() + " acknowledged writes lost after kill -9, e.g. "
          + missing.subList(0, Math.min(5, missing.size())));
    } catch (Throwable e) {
      vertx.executeBlocking(() -> {
        reopened.close();
        return null;
      }).await();
      throw e;
    }
  }
}
