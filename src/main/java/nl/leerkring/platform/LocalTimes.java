package nl.leerkring.platform;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the local date-times people type ("2026-12-01T09:30") in their zone; where they name none, the
 * installation's zone ({@link Settings#zone()}) is meant.
 */
public final class LocalTimes {

  private static final Logger LOG = LoggerFactory.getLogger(LocalTimes.class);
  /** By locale: a page shows dozens of times, and a formatter is immutable; there are two languages. */
  private static final Map<Locale, DateTimeFormatter> DATE_TIMES = new ConcurrentHashMap<>();
  private static final Map<Locale, DateTimeFormatter> DATES = new ConcurrentHashMap<>();

  private LocalTimes() {
  }

  /**
   * Whether this names a zone by its IANA id such as Europe/Amsterdam, exactly. Offsets (+01:00) are not:
   * they ignore summer time, so sessions and quiet hours would move by an hour twice a year.
   */
  public static boolean isRegion(String zone) {
    return ZoneId.getAvailableZoneIds().contains(zone);
  }

  /** A zone a person gave: absent means {@code fallback}; anything else must be an IANA id, exactly. */
  public static ZoneId zone(String zone, ZoneId fallback, String field) {
    if (zone == null) {
      return fallback;
    }
    if (!isRegion(zone)) {
      throw Problem.invalidField(field, "unknown_zone", "Not a time zone such as Europe/Amsterdam: '" + zone + "'.");
    }
    return ZoneId.of(zone);
  }

  /** As {@link #zone(String, ZoneId, String)} with the setting's default, for code not handed the settings. */
  public static ZoneId zone(String zone, String field) {
    return zone(zone, Times.DEFAULT_ZONE, field);
  }

  /**
   * A zone read from the store. One that an older version let through, or that a newer tz database no longer
   * knows, falls back: a bad setting of one community must not stop its pages or the scheduler's jobs.
   */
  public static ZoneId stored(String zone, ZoneId fallback) {
    if (zone == null) {
      return fallback;
    }
    try {
      return ZoneId.of(zone);
    } catch (DateTimeException e) {
      LOG.warn("Stored time zone '{}' is not valid; using {}", zone, fallback);
      return fallback;
    }
  }

  /** As {@link #stored(String, ZoneId)} with the setting's default, for code not handed the settings. */
  public static ZoneId stored(String zone) {
    return stored(zone, Times.DEFAULT_ZONE);
  }

  /**
   * An instant as a person reads it: date and time in {@code zone}, which is named ("9:00 (London)") when it
   * is not the installation's, so nobody takes a London session for one at nine in Amsterdam.
   */
  public static String show(String instant, ZoneId zone, ZoneId installation, Locale locale) {
    if (instant == null || instant.isEmpty()) {
      return "";
    }
    String shown = DATE_TIMES.computeIfAbsent(locale, LocalTimes::dateTimes).format(Instant.parse(instant).atZone(zone));
    return zone.equals(installation) ? shown : shown + " (" + place(zone) + ")";
  }

  private static DateTimeFormatter dateTimes(Locale locale) {
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale);
  }

  /** A date as a person reads it ("12 okt 2026"), in {@code locale}; give it the zone with {@code withZone}. */
  public static DateTimeFormatter dates(Locale locale) {
    return DATES.computeIfAbsent(locale, l -> DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(l));
  }

  /** The place a zone is named after, as people say it: Europe/London is London, America/New_York New York. */
  static String place(ZoneId zone) {
    String id = zone.getId();
    return id.substring(id.lastIndexOf('/') + 1).replace('_', ' ');
  }

  /**
   * The instant meant, which must not lie in the past: nobody plans a session or prompt for yesterday. A time
   * the clocks skip (02:30 when summer time starts) is read as that much later (03:30); a time that happens
   * twice (02:30 when it ends) as the first, still in summer time.
   */
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
