package nl.leerkring.bench;

import nl.leerkring.platform.EmbeddedStore;

import java.nio.file.Path;

/** The embedded store alone in a JVM of its own, so that a load test can kill it the hard way (kill -9). */
public final class StoreProcess {

  public static final String READY = "STORE READY ";

  private StoreProcess() {
  }

  public static void main(String[] args) throws InterruptedException {
    EmbeddedStore store = EmbeddedStore.start(Path.of(args[0]), EmbeddedStore.DEFAULT_CACHE_MB);
    Runtime.getRuntime().addShutdownHook(new Thread(store::close));
    System.out.println(READY + store.connectionString());
    System.out.flush();
    Thread.currentThread().join();
  }
}
