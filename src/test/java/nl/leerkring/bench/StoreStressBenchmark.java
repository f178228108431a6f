package nl.leerkring.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import nl.leerkring.platform.EmbeddedStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The embedded store's stress run: notes through the application's write path, then concurrent reads, writes,
 * edits and whole-collection scans, kill -9 under load, a restart that must hold every acknowledged write, and
 * the file size per note before and after compaction.
 * <pre>
 * mvn -q -Pbench test-compile exec:java -Dbench.main=nl.leerkring.bench.StoreStressBenchmark \
 *   -Dstress.notes=1000000 -Dstress.communities=1000 -Dstress.minutes=20
 * </pre>
 * {@code -Dstress.bulkNotes=N} first puts N notes in a thousand per command, for a large store in less time.
 */
public final class StoreStressBenchmark {

  private StoreStressBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int notes = Integer.getInteger("stress.notes", 1_000_000);
    int bulkNotes = Integer.getInteger("stress.bulkNotes", 0);
    int communities = Integer.getInteger("stress.communities", 1_000);
    int clients = Integer.getInteger("stress.clients", 8);
    double minutes = Double.parseDouble(System.getProperty("stress.minutes", "20"));
    Path dataDir = Files.createTempDirectory("leerkring-stress");
    Path file = dataDir.resolve(EmbeddedStore.FILE_NAME);
    Vertx vertx = Vertx.vertx();
    try {
      StoreLoad load;
      long loadMillis;
      List<String> errorsBeforeKill;
      try (StoreChild store = StoreChild.start(dataDir)) {
        load = new StoreLoad(vertx, store.connectionString, communities);
        load.communities().await();
        long started = System.nanoTime();
        load.bulkLoad(bulkNotes).await();
        long bulkDone = System.nanoTime();
        load.load(notes, clients).await();
        loadMillis = (System.nanoTime() - bulkDone) / 1_000_000;
        System.out.printf("loaded: %,d notes in bulk in %.1f s, %,d notes through the write path in %.1f s "
                + "(%.0f notes/s, %d clients), %,d store errors; file %,d bytes%n", bulkNotes,
            (bulkDone - started) / 1e9, notes, loadMillis / 1e3, notes * 1000.0 / Math.max(1, loadMillis), clients,
            load.errors.size(), Files.size(file));
        Future<Void> traffic = load.traffic(clients);
        long trafficMillis = (long) (minutes * 60_000);
        long end = System.currentTimeMillis() + trafficMillis;
        while (System.currentTimeMillis() < end) {
          Thread.sleep(Math.min(60_000, Math.max(1, end - System.currentTimeMillis())));
          System.out.printf("traffic: %,d reads, %,d writes, %,d edits, %,d scans, %,d store errors, file %,d bytes%n",
              load.reads.get(), load.inserts.get() - notes - bulkNotes, load.edits.get(), load.scans.get(),
              load.errors.size(), Files.size(file));
        }
        errorsBeforeKill = List.copyOf(load.errors);
        store.kill();
        load.stop();
        traffic.await();
        load.close().await();
      }
      long sizeAfterKill = Files.size(file);
      EmbeddedStore reopened = vertx.executeBlocking(() -> EmbeddedStore.start(dataDir, 256)).await();
      MongoClient mongo = MongoClient.create(vertx, new JsonObject()
          .put("connection_string", reopened.connectionString()).put("db_name", "leerkring"));
      List<String> missing = load.missingAfterRestart(mongo).await();
      long bson = mongo.runCommand("dbStats", new JsonObject().put("dbStats", 1))
          .map(stats -> ((Number) stats.getValue("dataSize")).longValue()).await();
      long stored = mongo.count(StoreLoad.NOTES, new JsonObject()).await();
      mongo.close().await();
      vertx.executeBlocking(() -> {
        reopened.close();
        return null;
      }).await();
      long sizeAfterCompaction = Files.size(file);
      System.out.printf("store errors before kill -9: %d%s%n", errorsBeforeKill.size(),
          errorsBeforeKill.isEmpty() ? "" : " e.g. " + errorsBeforeKill.subList(0, Math.min(3, errorsBeforeKill.size())));
      System.out.printf("after kill -9 and restart: %,d acknowledged writes, %d missing%s%n", load.acknowledged.size(),
          missing.size(), missing.isEmpty() ? "" : " e.g. " + missing.subList(0, Math.min(3, missing.size())));
      System.out.printf("%,d notes; BSON data %,d bytes; file %,d bytes after kill -9 (%,d per note, %.2f x BSON), "
              + "%,d bytes after compaction (%,d per note, %.2f x BSON)%n", stored, bson, sizeAfterKill,
          sizeAfterKill / Math.max(1, stored), sizeAfterKill / (double) bson, sizeAfterCompaction,
          sizeAfterCompaction / Math.max(1, stored), sizeAfterCompaction / (double) bson);
      if (!errorsBeforeKill.isEmpty() || !missing.isEmpty()) {
        System.exit(1);
      }
    } finally {
      vertx.close().await();
      try (var files = Files.walk(dataDir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
