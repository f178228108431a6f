package nl.leerkring.support;

import nl.leerkring.platform.EmbeddedStore;

import java.nio.file.Path;

/**
 * The embedded store alone in a JVM of its own: so that a load test can kill it the hard way (kill -9), and,
 * with {@code --shared}, as the one database of several server processes.
 */
public final class StoreProcess {

  public static final String READY = "STORE READY ";
  public static final String COSTS = "STORE COSTS ";
  public static final String SHARED = "--shared";

  private StoreProcess() {
  }

  public static void main(String[] args) throws InterruptedException {
    Path dataDir = Path.of(args[0]);
    boolean shared = args.length > 1 && args[1].equals(SHARED);
    EmbeddedStore store = shared
        ? EmbeddedStore.startShared(dataDir, EmbeddedStore.defaultCacheMb())
        : EmbeddedStore.start(dataDir, EmbeddedStore.defaultCacheMb());
    Runtime.getRuntime().addShutdownHook(new Thread(store::close));
    System.out.println(READY + store.connectionString());
    System.out.flush();
    while (true) {
      Thread.sleep(5_000);
      var costs = store.durabilityCosts();
      System.out.println(COSTS + costs.writes() + " " + costs.syncs() + " " + costs.syncNanos());
      System.out.flush();
    }
  }
}
