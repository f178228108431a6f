package nl.leerkring.support;

import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Reading a live session's server-sent events as a follower's phone does, line by line. */
public final class EventStreams {

  private EventStreams() {
  }

  /** The first line that starts with {@code prefix}, which must come within {@code withinMillis}. */
  public static String lineStartingWith(Iterator<String> lines, String prefix, long withinMillis) throws Exception {
    return CompletableFuture.supplyAsync(() -> {
      while (lines.hasNext()) {
        String line = lines.next();
        if (line.startsWith(prefix)) {
          return line;
        }
      }
      throw new AssertionError("The stream ended before a line starting with '" + prefix + "'");
    }).get(withinMillis, TimeUnit.MILLISECONDS);
  }
}
