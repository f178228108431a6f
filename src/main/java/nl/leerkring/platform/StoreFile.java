package nl.leerkring.platform;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Checks, compacts, restores and repairs the embedded store's file while no server has it open. */
public final class StoreFile {

  private static final Logger LOG = LoggerFactory.getLogger(StoreFile.class);
  static final String WHAT_TO_DO = "Leerkring does not start a new, empty store over it. Check it with "
      + "'verify --data-dir <dir>'; restore the latest backup with 'restore --from <backup> --data-dir <empty dir>', "
      + "or try 'verify --repair' (see the README, Backup and restore).";
  /** Rewriting at shutdown pays off only when the file is clearly larger than its live chunks. */
  private static final int REWRITE_BELOW_FILL_RATE = 70;

  private StoreFile() {
  }

  /** The outcome of reading every page of every map. */
  public record Verification(boolean healthy, String message, int maps, long entries, long bytes) {
  }

  /** The store file exists but cannot be used: the server must not start. */
  public static final class UnusableStoreException extends RuntimeException {
    public UnusableStoreException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** A missing file is a new installation; an empty one means data were lost, and that must not pass silently. */
  static void requireUsable(Path file) {
    try {
      if (Files.exists(file) && Files.size(file) == 0) {
        throw new UnusableStoreException("The store file " + file.toAbsolutePath() + " is empty (0 bytes), so every "
            + "record it held is gone. " + WHAT_TO_DO, null);
      }
    } catch (IOException e) {
      throw new UnusableStoreException("The store file " + file.toAbsolutePath() + " cannot be read. " + WHAT_TO_DO, e);
    }
  }

  /** Blocking: opens the file read-only and reads every entry of every map, which reads every live page. */
  public static Verification verify(Path file) {
    if (!Files.isRegularFile(file)) {
      return new Verification(false, "No store file at " + file.toAbsolutePath(), 0, 0, 0);
    }
    long bytes;
    try {
      bytes = Files.size(file);
    } catch (IOException e) {
      return new Verification(false, "Cannot read " + file.toAbsolutePath() + ": " + e.getMessage(), 0, 0, 0);
    }
    if (bytes == 0) {
      return new Verification(false, "The store file is empty (0 bytes)", 0, 0, 0);
    }
    int maps = 0;
    long entries = 0;
    try (MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
      String rollback = rolledBack(store);
      if (rollback != null) {
        return new Verification(false, "The store file is damaged: " + rollback, 0, 0, bytes);
      }
      for (String name : store.getMapNames()) {
        MVMap<Object, Object> map = store.openMap(name);
        for (Object key : map.keySet()) {
          map.get(key);
          entries++;
        }
        maps++;
      }
      return new Verification(true, "The store file is healthy: " + maps + " maps, " + entries + " entries",
          maps, entries, bytes);
    } catch (RuntimeException | AssertionError e) {
      return new Verification(false, "The store file is damaged: " + e.getMessage(), maps, entries, bytes);
    }
  }

  /**
   * H2 opens a file whose newest chunks are unreadable at the newest chunk it can read, without a word: a
   * damaged store could come up with years missing. The file header names the version last written; an open
   * store behind it has lost data. (After kill -9 the header may lag behind the chunks, never run ahead.)
   */
  static String rolledBack(MVStore store) {
    long written = DataUtils.readHexLong(store.getStoreHeader(), "version", 0);
    long opened = store.getCurrentVersion();
    return opened < written ? "its header names version " + written + ", but the newest readable version is "
        + opened : null;
  }

  /**
   * Blocking: H2's recovery, which rolls the file back to the newest version that reads completely. The
   * damaged file is kept next to it as {@code leerkring.mv.db.back}; whatever came after that version is lost,
   * which is why a recent backup is the better way back.
   */
  public static Verification repair(Path file) {
    MVStoreTool.repair(file.toString());
    Verification repaired = verify(file);
    if (repaired.healthy()) {
      return repaired;
    }
    // H2 opens such a file at its newest readable version but leaves the header naming the lost one.
    try {
      return rewrite(file);
    } catch (IOException | RuntimeException e) {
      return new Verification(false, "The repair failed: " + e.getMessage(), 0, 0, repaired.bytes());
    }
  }

  /** Blocking: puts a backup in place as the store of an empty data directory, after checking the backup. */
  public static Path restore(Path backup, Path dataDir) {
    Verification check = verify(backup);
    if (!check.healthy()) {
      throw new IllegalArgumentException("The backup " + backup + " is not usable: " + check.message());
    }
    Path target = dataDir.resolve(EmbeddedStore.FILE_NAME);
    try {
      Files.createDirectories(dataDir);
      if (Files.exists(target)) {
        throw new IllegalStateException("There is a store at " + target.toAbsolutePath() + " already; restore into "
            + "an empty data directory, or move that file away first");
      }
      Path temporary = dataDir.resolve(EmbeddedStore.FILE_NAME + ".restoring");
      Files.copy(backup, temporary, StandardCopyOption.REPLACE_EXISTING);
      return Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Restore into " + dataDir + " failed", e);
    }
  }

  /**
   * Blocking, on a closed file: H2's compaction at close only moves chunks within the time it is given; a
   * rewrite copies the live data into a fresh file, which is what really shrinks it.
   */
  static void compactIfWorthIt(Path file) {
    try {
      int liveRate;
      try (MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
        // The file's fill rate counts chunks that are in use, however little of them is still live.
        liveRate = store.getFillRate() * store.getFileStore().getChunksFillRate() / 100;
      }
      if (liveRate >= REWRITE_BELOW_FILL_RATE) {
        return;
      }
      long before = Files.size(file);
      Verification result = rewrite(file);
      if (result.healthy()) {
        LOG.info("Compacted the store file from {} to {} bytes", before, Files.size(file));
      } else {
        LOG.warn("The compacted copy did not verify; the store file stays as it is: {}", result.message());
      }
    } catch (IOException | RuntimeException | AssertionError e) {
      LOG.warn("Could not compact the store file at shutdown; it stays as it is", e);
    }
  }

  /**
   * Copies the newest readable version into a fresh file, which replaces the original only once it verified;
   * on any failure the original stays as it was. Answers the copy's verification.
   */
  private static Verification rewrite(Path file) throws IOException {
    Path copy = file.resolveSibling(file.getFileName() + ".compacting");
    try {
      Files.deleteIfExists(copy);
      try (MVStore source = new MVStore.Builder().fileName(file.toString()).readOnly().open();
           MVStore target = EmbeddedStore.builder(copy).open()) {
        MVStoreTool.compact(source, target);
      }
      Verification check = verify(copy);
      if (check.healthy()) {
        try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.WRITE)) {
          channel.force(true);
        }
        Files.move(copy, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
      return check;
    } finally {
      Files.deleteIfExists(copy);
    }
  }
}
