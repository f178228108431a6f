package nl.leerkring.platform;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Reads the local date-times people type ("2026-12-01T09:30") in their zone, Europe/Amsterdam by default. */
public final class LocalTimes {

  private LocalTimes() {
  }

  public static ZoneId zone(String zone, String field) {
    if (zone == null || zone.isBlank()) {
      return Times.DEFAULT_ZONE;
    }
    try {
      return ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw Problem.invalidField(field, "unknown_zone", "Unknown time zone: " + zone + ".");
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
