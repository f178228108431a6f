package nl.leerkring.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.stream.Stream;

/**
 * What one test run (one JVM) shares and leaves behind: things started once for every class (Chromium) and
 * the servers' temporary directories. When the JVM ends, the shared things are closed first, newest first,
 * and then the directories are deleted, so no store is still writing into one.
 */
public final class TestRun {

  private static final Deque<AutoCloseable> SHARED = new ConcurrentLinkedDeque<>();
  private static final Deque<Path> DIRECTORIES = new ConcurrentLinkedDeque<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(TestRun::end, "leerkring-test-run-end"));
  }

  private TestRun() {
  }

  /** A new directory in the system's temporary directory, deleted with all it holds when the run ends. */
  public static Path temporaryDirectory(String prefix) {
    try {
      Path directory = Files.createTempDirectory(prefix);
      DIRECTORIES.push(directory);
      return directory;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Closes this when the run ends. */
  static void closeAtEnd(AutoCloseable shared) {
    SHARED.push(shared);
  }

  private static void end() {
    for (AutoCloseable shared : SHARED) {
      try {
        shared.close();
      } catch (Exception e) {
        System.err.println("Could not close " + shared + " at the end of the test run: " + e);
      }
    }
    for (Path directory : DIRECTORIES) {
      deleteTree(directory);
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    List<Path> left = new ArrayList<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        if (!path.toFile().delete() && Files.exists(path)) {
          left.add(path);
        }
      }
    } catch (IOException | UncheckedIOException e) {
      left.add(root);
    }
    if (!left.isEmpty()) {
      System.err.println("Could not delete the test directory " + root + ": " + left);
    }
  }
}
