package nl.leerkring.platform.jobs;

import java.time.Duration;
import java.time.Instant;

/**
 * When a delivery may go out: not before {@code at}, not during quiet hours (unless waiting for their end
 * would pass the deadline), not at or after the deadline, and not more than {@code tooLate} after its time
 * (after downtime some deliveries no longer make sense). Each part is optional (null).
 */
public record Timing(Instant at, QuietHours quietHours, Duration tooLate, Instant deadline) {

  /** What to do now. */
  public sealed interface When {
  }

  public record Now() implements When {
  }

  public record Wait(Instant until) implements When {
  }

  public record TooLate() implements When {
  }

  public static Timing at(Instant at) {
    return new Timing(at, null, null, null);
  }

  public Timing quiet(QuietHours quiet) {
    return new Timing(at, quiet, tooLate, deadline);
  }

  public Timing tooLateAfter(Duration after) {
    return new Timing(at, quietHours, after, deadline);
  }

  public Timing before(Instant end) {
    return new Timing(at, quietHours, tooLate, end);
  }

  public When decide(Instant now) {
    if (deadline != null && !now.isBefore(deadline)) {
      return new TooLate();
    }
    if (at.isAfter(now)) {
      return new Wait(at);
    }
    // Before quiet hours: a wait moves the job's time to their end, after which it would no longer look late.
    if (tooLate != null && Duration.between(at, now).compareTo(tooLate) > 0) {
      return new TooLate();
    }
    Instant allowed = quietHours == null ? now : quietHours.nextAllowed(now);
    if (allowed.isAfter(now) && (deadline == null || allowed.isBefore(deadline))) {
      return new Wait(allowed);
    }
    return new Now();
  }
}
