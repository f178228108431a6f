package nl.leerkring.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A {@link StoreProcess} started from a test or the benchmark; {@link #kill()} is kill -9. */
public final class StoreChild implements AutoCloseable {

  public final Process process;
  public final String connectionString;
  /** The store's last report: writes, syncs, nanoseconds spent syncing. */
  public final java.util.concurrent.atomic.AtomicReference<long[]> costs;

  private StoreChild(Process process, String connectionString,
                     java.util.concurrent.atomic.AtomicReference<long[]> costs) {
    this.process = process;
    this.connectionString = connectionString;
    this.costs = costs;
  }

  public static StoreChild start(Path dataDir) {
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx768m", "-cp", classPath(), StoreProcess.class.getName(), dataDir.toString())
        .redirectErrorStream(true);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> output = Collections.synchronizedList(new ArrayList<>());
    var latestCosts = new java.util.concurrent.atomic.AtomicReference<long[]>();
    CompletableFuture<String> uri = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          if (line.startsWith(StoreProcess.COSTS)) {
            String[] parts = line.substring(StoreProcess.COSTS.length()).trim().split(" ");
            latestCosts.set(new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2])});
            continue;
          }
          output.add(line);
          if (line.startsWith(StoreProcess.READY)) {
            uri.complete(line.substring(StoreProcess.READY.length()).trim());
          }
        }
      } catch (IOException ignored) {
        // the process went away
      }
      uri.completeExceptionally(new IllegalStateException("the store exited: " + String.join("\n", output)));
    }, "store-child-output");
    reader.setDaemon(true);
    reader.start();
    try {
      return new StoreChild(process, uri.get(60, TimeUnit.SECONDS), latestCosts);
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IllegalStateException("the store did not start: " + String.join("\n", output), e);
    }
  }

  /** Under {@code mvn exec:java} the project's classes are in a class loader of their own, not on java.class.path. */
  private static String classPath() {
    if (StoreChild.class.getClassLoader() instanceof java.net.URLClassLoader loader) {
      StringBuilder path = new StringBuilder(System.getProperty("java.class.path"));
      for (java.net.URL url : loader.getURLs()) {
        try {
          path.append(java.io.File.pathSeparator).append(Path.of(url.toURI()));
        } catch (java.net.URISyntaxException e) {
          throw new IllegalStateException(e);
        }
      }
      return path.toString();
    }
    return System.getProperty("java.class.path");
  }

  /** kill -9: no shutdown hook, no last commit. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(20, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }
}
