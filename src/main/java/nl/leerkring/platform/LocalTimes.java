package nl.leerkring.platform;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the local date-times people type ("2026-12-01T09:30") in their zone, Europe/Amsterdam by default. */
public final class LocalTimes {

  private static final Logger LOG = LoggerFactory.getLogger(LocalTimes.class);

  private LocalTimes() {
  }

  /**
   * A zone a person gave: absent means the default; anything else must be an IANA id such as
   * Europe/Amsterdam, exactly. Offsets (+01:00) are refused: they ignore summer time, so quiet hours would
   * move by an hour twice a year.
   */
  public static ZoneId zone(String zone, String field) {
    if (zone == null) {
      return Times.DEFAULT_ZONE;
    }
    if (!ZoneId.getAvailableZoneIds().contains(zone)) {
      throw Problem.invalidField(field, "unknown_zone", "Not a time zone such as Europe/Amsterdam: '" + zone + "'.");
    }
    return ZoneId.of(zone);
  }

  /**
   * A zone read from the store. One that an older version let through, or that a newer tz database no longer
   * knows, falls back to the default: a bad setting of one community must not stop its pages or the
   * scheduler's jobs.
   */
  public static ZoneId stored(String zone) {
    if (zone == null) {
      return Times.DEFAULT_ZONE;
    }
    try {
      return ZoneId.of(zone);
    } catch (DateTimeException e) {
      LOG.warn("Stored time zone '{}' is not valid; using {}", zone, Times.DEFAULT_ZONE);
      return Times.DEFAULT_ZONE;
    }
  }

  /** The instant meant, which must not lie in the past: nobody plans a session or prompt for yesterday. */
  public static Instant future(String localDateTime, ZoneId zone, Instant now, String field) {
    Instant instant;
    try {
      instant = LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    } catch (DateTimeException e) {
      throw Problem.invalidField(field, "bad_datetime", "Not a valid date and time: " + localDateTime + ".");
    }
    if (instant.isBefore(now)) {
      throw Problem.invalidField(field, "in_past", "This date and time lies in the past.");
    }
    return instant;
  }
}
