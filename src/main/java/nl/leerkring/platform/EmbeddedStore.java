package nl.leerkring.platform;

import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The MongoDB-wire-protocol store the server runs in-process when no MongoDB is configured. It listens on
 * loopback only, so the application reaches it through the real driver exactly as it would a real MongoDB.
 */
public final class EmbeddedStore implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStore.class);
  private static final int COMPACTION_MILLIS_AT_SHUTDOWN = 2_000;
  /**
   * MVStore's own default of 16 MB keeps too few pages once a store holds many communities: reads then go
   * to disk and the activity page got 1.6 times slower at 100,000 notes (see the README's benchmark).
   */
  public static final int DEFAULT_CACHE_MB = 256;

  private final MVStore store;
  private final MongoServer server;
  private final String connectionString;

  private EmbeddedStore(MVStore store, MongoServer server, String connectionString) {
    this.store = store;
    this.server = server;
    this.connectionString = connectionString;
  }

  /** Blocking: opens the file and binds a port. Call it from a worker, never an event loop. */
  public static EmbeddedStore start(Path dataDir, int cacheMb) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create data directory " + dataDir.toAbsolutePath(), e);
    }
    Path file = dataDir.resolve("leerkring.mv.db");
    MVStore store = new MVStore.Builder().fileName(file.toString()).cacheSize(cacheMb).open();
    // Old versions are only needed by concurrent readers of an uncommitted store; keeping them for the
    // default 45 s made the file grow without bound under steady writes.
    store.setRetentionTime(0);
    MongoServer server = new MongoServer(new DurableH2Backend(store));
    server.bind(new InetSocketAddress("127.0.0.1", 0));
    InetSocketAddress address = server.getLocalAddress();
    String uri = "mongodb://127.0.0.1:" + address.getPort();
    LOG.info("Using the embedded store, file {} (page cache {} MB)", file.toAbsolutePath(), cacheMb);
    return new EmbeddedStore(store, server, uri);
  }

  public String connectionString() {
    return connectionString;
  }

  /**
   * Blocking as well: stops taking commands, then closes the file, compacting it for at most a moment. The
   * server is shut down even when compaction fails: H2 2.3.232 can trip its own assertion while compacting
   * (h2database#4086), and every write was committed before that, so nothing is lost by skipping it.
   */
  @Override
  public void close() {
    server.stopListening();
    try {
      store.close(COMPACTION_MILLIS_AT_SHUTDOWN);
    } catch (RuntimeException | AssertionError e) {
      LOG.warn("Could not compact the store file at shutdown; it stays as it is", e);
    } finally {
      server.shutdownNow();
    }
  }
}
