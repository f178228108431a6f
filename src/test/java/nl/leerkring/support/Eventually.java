package nl.leerkring.support;

import java.time.Duration;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Waits for something the server does in the background, looking every 100 ms, failing after a limit. */
public final class Eventually {

  private Eventually() {
  }

  public static <T> T await(String what, Duration limit, Supplier<T> lookup) {
    long until = System.nanoTime() + limit.toNanos();
    while (true) {
      T found = lookup.get();
      if (found != null) {
        return found;
      }
      if (System.nanoTime() > until) {
        fail("waited " + limit.toSeconds() + " s for " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted while waiting for " + what);
      }
    }
  }
}
