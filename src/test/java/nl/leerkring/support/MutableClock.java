package nl.leerkring.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Real time plus an offset a test can move: time keeps running, so a prompt due in two seconds arrives in two
 * seconds, and a jump of three days makes three days pass at once for every server that shares the clock.
 */
public final class MutableClock extends Clock {

  private volatile Duration offset = Duration.ZERO;

  /** Moves time forward (or back) by this much. */
  public void advance(Duration by) {
    offset = offset.plus(by);
  }

  /** Makes it this moment now; time runs on from there. */
  public void set(Instant now) {
    offset = Duration.between(Instant.now(), now);
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    MutableClock self = this;
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return zone;
      }

      @Override
      public Clock withZone(ZoneId other) {
        return self.withZone(other);
      }

      @Override
      public Instant instant() {
        return self.instant();
      }
    };
  }
}
