package nl.leerkring.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** A {@link StoreProcess} started from a test or the benchmark; {@link #kill()} is kill -9. */
public final class StoreChild implements AutoCloseable {

  public final JavaProcess process;
  public final String connectionString;
  /** The store's last report: writes, syncs, nanoseconds spent syncing. */
  public final AtomicReference<long[]> costs;

  private StoreChild(JavaProcess process, String connectionString, AtomicReference<long[]> costs) {
    this.process = process;
    this.connectionString = connectionString;
    this.costs = costs;
  }

  public static StoreChild start(Path dataDir) {
    return start(dataDir, false);
  }

  /** {@code shared}: with change streams, as the database of several server processes. */
  public static StoreChild start(Path dataDir, boolean shared) {
    AtomicReference<long[]> latestCosts = new AtomicReference<>();
    JavaProcess process = JavaProcess.start(StoreProcess.class, List.of("-Xmx768m"),
        shared ? List.of(dataDir.toString(), StoreProcess.SHARED) : List.of(dataDir.toString()), Map.of(),
        Path.of(System.getProperty("user.dir")),
        line -> {
          if (line.startsWith(StoreProcess.COSTS)) {
            String[] parts = line.substring(StoreProcess.COSTS.length()).trim().split(" ");
            latestCosts.set(new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2])});
          }
        });
    try {
      String ready = process.awaitLine(StoreProcess.READY, Duration.ofSeconds(60));
      return new StoreChild(process, ready.substring(StoreProcess.READY.length()).trim(), latestCosts);
    } catch (InterruptedException e) {
      process.kill();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the store started", e);
    }
  }

  /** kill -9: no shutdown hook, no last commit. */
  public void kill() {
    process.kill();
  }

  @Override
  public void close() {
    kill();
  }
}
