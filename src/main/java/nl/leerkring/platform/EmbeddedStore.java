package nl.leerkring.platform;

import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The MongoDB-wire-protocol store the server runs in-process when no MongoDB is configured. It listens on
 * loopback only, so the application reaches it through the real driver exactly as it would a real MongoDB.
 * Besides the file it looks after: compaction when writes are quiet, and reopening the file after H2 closed it
 * because a write failed (a full disk), on the same port, so the driver simply reconnects.
 */
public final class EmbeddedStore implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStore.class);
  public static final String FILE_NAME = "leerkring.mv.db";
  /**
   * MVStore's own default of 16 MB keeps too few pages once a store holds many communities: reads then go
   * to disk and the activity page got 1.6 times slower at 100,000 notes (see the README's benchmark). The
   * cache lives on the heap, so by default it takes a quarter of it (256 MB of a 1 GB heap): a fixed 256 MB ran
   * a server started with -Xmx256m out of memory once the store outgrew the demo.
   */
  public static int defaultCacheMb() {
    return defaultCacheMb(Runtime.getRuntime().maxMemory());
  }

  static int defaultCacheMb(long maxHeapBytes) {
    return (int) Math.max(16, Math.min(256, maxHeapBytes / 4 / (1024 * 1024)));
  }
  /**
   * Freed chunks stay untouched this long. Zero let H2 reuse a chunk that the chunk map written at close
   * still listed, and the file then refused to open ("Double mark", h2database#2752, #4083); readers are
   * protected by pinning their version (DurableH2Backend), not by this window.
   */
  static final int RETENTION_MILLIS = 2_000;
  private static final long HOUSEKEEPING_SECONDS = 2;
  private static final int BUSY_REWRITE_BYTES = 2 * 1024 * 1024;
  private static final int QUIET_REWRITE_BYTES = 16 * 1024 * 1024;
  /** Online compaction holds the store lock at most this long, so a request waits no longer than that. */
  private static final int ONLINE_MOVE_MILLIS = 100;
  private static final int TARGET_FILL_RATE = 80;
  /**
   * A write holds its command thread until the disk confirmed it. Netty's default of two threads per core let
   * only four writers wait at once, so few writes could share a sync; waiting threads cost no CPU.
   */
  private static final int COMMAND_THREADS = 32;

  private final Path file;
  private final int cacheMb;
  private final boolean oplog;
  private final ScheduledExecutorService housekeeping;
  private final InetSocketAddress address;
  private volatile Engine engine;
  private long writesAtLastLook = -1;

  /** The open file, its sync thread and the wire-protocol server on top; replaced as a whole on reopen. */
  private record Engine(MVStore store, GroupCommit commits, MongoServer server) {

    static Engine open(Path file, int cacheMb, InetSocketAddress bindTo, boolean oplog) {
      MVStore store = builder(file).cacheSize(cacheMb)
          // Our own thread commits and syncs (GroupCommit); H2's background writer would commit without a sync.
          .autoCommitDisabled()
          .open();
      String rollback = StoreFile.rolledBack(store);
      if (rollback != null) {
        store.closeImmediately();
        throw new StoreFile.UnusableStoreException("The store file " + file.toAbsolutePath() + " is damaged: "
            + rollback + ". " + StoreFile.WHAT_TO_DO, null);
      }
      store.setRetentionTime(RETENTION_MILLIS);
      GroupCommit commits = new GroupCommit(store, "leerkring-store-sync");
      DurableH2Backend backend = new DurableH2Backend(store, commits);
      if (oplog) {
        backend.enableOplog();
      }
      MongoServer server = new MongoServer(backend);
      try {
        server.bind(bindTo, 1, COMMAND_THREADS);
      } catch (RuntimeException e) {
        commits.close();
        store.closeImmediately();
        throw e;
      }
      return new Engine(store, commits, server);
    }
  }

  /**
   * mongo-java-server stores documents with H2's generic type, Java serialization with class names in every
   * value; Deflate on every page made the file about 2 times the BSON size instead of 12 times (LZF: 3 times).
   */
  static MVStore.Builder builder(Path file) {
    return new MVStore.Builder().fileName(file.toString()).compressHigh();
  }

  private EmbeddedStore(Path file, int cacheMb, boolean oplog, Engine engine) {
    this.file = file;
    this.cacheMb = cacheMb;
    this.oplog = oplog;
    this.engine = engine;
    this.address = engine.server.getLocalAddress();
    this.housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "leerkring-store-housekeeping");
      thread.setDaemon(true);
      return thread;
    });
    housekeeping.scheduleWithFixedDelay(this::lookAfter, HOUSEKEEPING_SECONDS, HOUSEKEEPING_SECONDS,
        TimeUnit.SECONDS);
  }

  /**
   * Blocking: opens the file and binds a port. Call it from a worker, never an event loop. Refuses to start
   * over a store file that exists but is empty or unreadable: H2 would silently begin a new store there.
   */
  public static EmbeddedStore start(Path dataDir, int cacheMb) {
    return start(dataDir, cacheMb, false);
  }

  /**
   * The same store with change streams, as the test harness serves it to several server processes at once.
   * Its oplog keeps every write and each change stream reads all of it, so it is for tests, not for production:
   * several processes there share a MongoDB replica set.
   */
  public static EmbeddedStore startShared(Path dataDir, int cacheMb) {
    return start(dataDir, cacheMb, true);
  }

  private static EmbeddedStore start(Path dataDir, int cacheMb, boolean oplog) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create data directory " + dataDir.toAbsolutePath(), e);
    }
    Path file = dataDir.resolve(FILE_NAME);
    StoreFile.requireUsable(file);
    Engine engine;
    try {
      engine = Engine.open(file, cacheMb, new InetSocketAddress("127.0.0.1", 0), oplog);
    } catch (RuntimeException e) {
      throw new StoreFile.UnusableStoreException("The store file " + file.toAbsolutePath() + " cannot be opened ("
          + e.getMessage() + "). " + StoreFile.WHAT_TO_DO, e);
    }
    LOG.info("Using the embedded store, file {} (page cache {} MB)", file.toAbsolutePath(), cacheMb);
    return new EmbeddedStore(file, cacheMb, oplog, engine);
  }

  public String connectionString() {
    return "mongodb://127.0.0.1:" + address.getPort();
  }

  /** Since the file was opened: the benchmark reports the sync cost per write from it. */
  public GroupCommit.Costs durabilityCosts() {
    return engine.commits.costs();
  }

  public Path file() {
    return file;
  }

  /** The open MVStore, for backups and for tests that fail it the way a full disk does. */
  MVStore mvStore() {
    return engine.store;
  }

  /**
   * Blocking: writes one consistent version of the store to {@code target} while writers go on. H2's own
   * backup copies the file with space reuse off, so no chunk of the version being copied is overwritten;
   * the copy opens at the last chunk that was complete when the copy reached it.
   */
  public synchronized Path backup(Path target) {
    Path temporary = target.resolveSibling(target.getFileName() + ".part");
    MVStore store = engine.store;
    try {
      Files.createDirectories(target.toAbsolutePath().getParent());
      boolean reuse = store.isSpaceReused();
      store.setReuseSpace(false);
      try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
           FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
               StandardOpenOption.TRUNCATE_EXISTING)) {
        long size = in.size();
        for (long done = 0; done < size; ) {
          done += in.transferTo(done, size - done, out);
        }
        out.force(true);
      } finally {
        store.setReuseSpace(reuse);
      }
      StoreFile.Verification check = StoreFile.verify(temporary);
      if (!check.healthy()) {
        throw new IllegalStateException("The backup did not verify: " + check.message());
      }
      return Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Backup to " + target + " failed", e);
    } finally {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException ignored) {
        // the failure above says more
      }
    }
  }

  /** Runs every few seconds on its own thread: reopen a store H2 closed, otherwise compact when quiet. */
  private synchronized void lookAfter() {
    try {
      Engine current = engine;
      if (broken(current.store)) {
        reopen(current);
        return;
      }
      long writes = current.commits.costs().syncs();
      boolean quiet = writes == writesAtLastLook;
      writesAtLastLook = writes;
      if (current.store.getFileStore().getChunksFillRate() < TARGET_FILL_RATE) {
        compactOnline(current.store, quiet);
      }
    } catch (RuntimeException | AssertionError e) {
      LOG.warn("Store housekeeping failed; it is tried again in {} s", HOUSEKEEPING_SECONDS, e);
    }
  }

  /**
   * Every commit rewrites the pages it touched elsewhere, so under steady writes most chunks soon hold little
   * live data; H2 frees a chunk only once nothing in it is live. Without rewriting those sparse chunks the file
   * grew to 20 times its data while notes were loaded. Under load the step is small, so that a writer waits
   * little for the store lock; when writes are quiet the chunks are also moved together and the file truncated.
   */
  private void compactOnline(MVStore store, boolean quiet) {
    store.compact(TARGET_FILL_RATE, quiet ? QUIET_REWRITE_BYTES : BUSY_REWRITE_BYTES);
    if (quiet) {
      // compactFile also sets the retention to 0.
      store.compactFile(ONLINE_MOVE_MILLIS);
      store.setRetentionTime(RETENTION_MILLIS);
    }
    store.commit();
    store.sync();
  }

  /** H2 marks a store in panic when a write failed and closes it at the next commit. */
  private static boolean broken(MVStore store) {
    return store.isClosed() || store.getPanicException() != null;
  }

  /**
   * H2 closes the store after a failed write (a full disk, a read-only directory). Requests fail until the
   * file can be opened again; then the same port serves again and the driver reconnects.
   */
  private void reopen(Engine broken) {
    if (!java.nio.file.Files.isRegularFile(file)) {
      // Never a new, empty store in place of the one that went away: requests keep failing, health says so.
      LOG.error("The store file {} is gone; the store stays closed until it is back", file.toAbsolutePath());
      return;
    }
    LOG.error("The store file was closed after a write failed; reopening it", broken.store.getPanicException());
    broken.server.shutdownNow();
    broken.commits.close();
    broken.store.closeImmediately();
    engine = Engine.open(file, cacheMb, address, oplog);
    LOG.info("The store file {} is open again", file.toAbsolutePath());
  }

  /**
   * Blocking as well: stops taking commands, closes the file, and then rewrites it into a compact copy when
   * that saves much. The rewrite goes to a temporary file that replaces the store only once it verifies, and
   * any failure leaves the closed file as it was: every write was synced before, so nothing is lost. (H2
   * 2.3.232 can trip its own assertion while compacting, h2database#4086.)
   */
  @Override
  public synchronized void close() {
    housekeeping.shutdownNow();
    Engine current = engine;
    current.server.stopListening();
    current.commits.close();
    try {
      if (broken(current.store)) {
        // A normal close would commit, and H2 2.3.232 then waits for itself forever on a store in panic.
        current.store.closeImmediately();
      } else {
        current.store.close();
      }
    } catch (RuntimeException | AssertionError e) {
      LOG.warn("Could not close the store file cleanly; it stays as it is", e);
    } finally {
      current.server.shutdownNow();
    }
    StoreFile.compactIfWorthIt(file);
  }
}
