package nl.leerkring.support;

import nl.leerkring.platform.Hashes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pages axe already passed in this test run, by {@link Browser}'s key. Maven runs the test classes in two
 * JVMs at once (surefire's forkCount), which share what they passed through one file per run, named by the
 * system property {@code leerkring.axePassed}; started without it (from an IDE) a JVM keeps its own.
 */
final class AxePassed {

  private static final Set<String> PASSED = ConcurrentHashMap.newKeySet();
  private static final String FILE = System.getProperty("leerkring.axePassed", "");

  private AxePassed() {
  }

  static boolean contains(String key) {
    String hash = Hashes.sha256(key);
    if (!PASSED.contains(hash) && !FILE.isEmpty() && Files.exists(Path.of(FILE))) {
      try {
        PASSED.addAll(Files.readAllLines(Path.of(FILE)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return PASSED.contains(hash);
  }

  static void add(String key) {
    String hash = Hashes.sha256(key);
    PASSED.add(hash);
    if (FILE.isEmpty()) {
      return;
    }
    try {
      Files.createDirectories(Path.of(FILE).getParent());
      // One short append is one write: the other JVM reads whole lines or misses the newest, never a mix.
      Files.writeString(Path.of(FILE), hash + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
