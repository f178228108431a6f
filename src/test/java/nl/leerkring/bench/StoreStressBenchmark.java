package nl.leerkring.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import nl.leerkring.platform.EmbeddedStore;
import nl.leerkring.support.StoreChild;

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

  /** Writes, syncs and sync time as the store process last reported them, since {@code before} if given. */
  private static void printSyncCosts(String phase, long[] now, long[] before) {
    if (now == null) {
      System.out.println(phase + ": no sync figures reported yet");
      return;
    }
    long writes = now[0] - (before == null ? 0 : before[0]);
    long syncs = now[1] - (before == null ? 0 : before[1]);
    long nanos = now[2] - (before == null ? 0 : before[2]);
    System.out.printf("%s: %,d acknowledged writes shared %,d syncs (%.1f writes per sync), %.2f ms per sync, "
            + "%.3f ms of sync per write%n", phase, writes, syncs, writes / (double) Math.max(1, syncs),
        nanos / 1e6 / Math.max(1, syncs), nanos / 1e6 / Math.max(1, writes));
  }

  public static void main(String[] args) throws Exception {
    int notes = Integer.getInteger("stress.notes", 1_000_000);
    int bulkNotes = Integer.getInteger("stress.bulkNotes", 0);
    int communities = Integer.getInteger("stress.communities", 1_000);
    int clients = Integer.getInteger("stress.clients", 8);
    int loadClients = Integer.getInteger("stress.loadClients", 32);
    double minutes = Double.parseDouble(System.getProperty("stress.minutes", "20"));
    String from = System.getProperty("stress.from");
    Path dataDir = Files.createTempDirectory("leerkring-stress");
    Path file = dataDir.resolve(EmbeddedStore.FILE_NAME);
    if (from != null) {
      // A store an earlier run loaded: its traffic phase again, without an hour of loading first.
      Files.copy(Path.of(from), file);
      notes = 0;
    }
    Vertx vertx = Vertx.vertx();
    try {
      StoreLoad load;
      long loadMillis;
      List<String> errorsBeforeKill;
      try (StoreChild store = StoreChild.start(dataDir)) {
        load = new StoreLoad(vertx, store.connectionString, communities);
        if (from == null) {
          load.communities().await();
        }
        long started = System.nanoTime();
        load.bulkLoad(bulkNotes).await();
        long bulkDone = System.nanoTime();
        long progress = vertx.setPeriodic(60_000, new io.vertx.core.Handler<>() {
          private long before = load.inserts.get();

          @Override
          public void handle(Long timer) {
            long now = load.inserts.get();
            System.out.printf("  %,d notes, %.0f notes/s over the last minute, file %,d bytes%n", now,
                (now - before) / 60.0, file.toFile().length());
            before = now;
          }
        });
        load.load(notes, loadClients).await();
        vertx.cancelTimer(progress);
        loadMillis = (System.nanoTime() - bulkDone) / 1_000_000;
        System.out.printf("loaded: %,d notes in bulk in %.1f s, %,d notes through the write path in %.1f s "
                + "(%.0f notes/s, %d clients), %,d store errors; file %,d bytes%n", bulkNotes,
            (bulkDone - started) / 1e9, notes, loadMillis / 1e3, notes * 1000.0 / Math.max(1, loadMillis), loadClients,
            load.errors.size(), Files.size(file));
        printSyncCosts("load", store.costs.get(), null);
        long[] costsBeforeTraffic = store.costs.get();
        load.readLatency.reset();
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
        printSyncCosts("traffic", store.costs.get(), costsBeforeTraffic);
        org.HdrHistogram.Histogram reads = load.readLatency.getIntervalHistogram();
        System.out.printf("reads during the traffic (%,d): p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms%n",
            reads.getTotalCount(), reads.getValueAtPercentile(50) / 1e6, reads.getValueAtPercentile(99) / 1e6,
            reads.getValueAtPercentile(99.9) / 1e6, reads.getMaxValue() / 1e6);
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
      // The count command, not the driver's count (an aggregation, which the store answers by loading everything).
      long stored = mongo.runCommand("count", new JsonObject().put("count", StoreLoad.NOTES))
          .map(answer -> ((Number) answer.getValue("n")).longValue()).await();
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
