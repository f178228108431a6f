package nl.leerkring.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Instants are stored as ISO-8601 UTC strings truncated to the second, so that string order is time order
 * in both the embedded store and MongoDB.
 */
public final class Times {

  /**
   * The default of the {@code zone} setting ({@link Settings#zone()}), which is what code should read; only
   * code that is not handed the settings yet (the scheduler's jobs) uses this directly.
   */
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Amsterdam");

  private Times() {
  }

  public static String now(Clock clock) {
    return format(clock.instant());
  }

  public static String format(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
