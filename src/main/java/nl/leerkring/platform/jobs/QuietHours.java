package nl.leerkring.platform.jobs;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Hours in which nobody is sent anything, 20:00 to 07:00 by default, in the community's zone. A window may
 * cross midnight. A delivery that falls inside moves to the end of the window.
 */
public record QuietHours(LocalTime from, LocalTime until, ZoneId zone) {

  public static final LocalTime DEFAULT_FROM = LocalTime.of(20, 0);
  public static final LocalTime DEFAULT_UNTIL = LocalTime.of(7, 0);

  /** {@code at} itself when it is allowed, otherwise the first allowed moment after it. */
  public Instant nextAllowed(Instant at) {
    if (from.equals(until)) {
      return at;
    }
    ZonedDateTime local = at.atZone(zone);
    LocalTime time = local.toLocalTime();
    boolean crossesMidnight = from.isAfter(until);
    boolean quiet = crossesMidnight
        ? !time.isBefore(from) || time.isBefore(until)
        : !time.isBefore(from) && time.isBefore(until);
    if (!quiet) {
      return at;
    }
    boolean endsTomorrow = crossesMidnight && !time.isBefore(from);
    // atZone on a local date-time moves a time that a clock change skips to just after the change.
    return local.toLocalDate().plusDays(endsTomorrow ? 1 : 0).atTime(until).atZone(zone).toInstant();
  }
}
