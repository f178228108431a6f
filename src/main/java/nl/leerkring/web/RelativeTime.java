package nl.leerkring.web;

import nl.leerkring.platform.LocalTimes;
import org.ocpsoft.prettytime.PrettyTime;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * When something happened, as a person reads it in a feed: "2 uur geleden" within a week (either way), the day
 * itself ("12 okt 2026") further off, where "5 weeks ago" would make the reader count back. The exact moment
 * always goes with it, for the page's {@code title} and {@code datetime}.
 */
public final class RelativeTime {

  /** Beyond this, a relative time says less than the date. */
  static final Duration RELATIVE_WITHIN = Duration.ofDays(7);
  private static final ThreadLocal<Map<Locale, PrettyTime>> PRETTY = ThreadLocal.withInitial(HashMap::new);

  private RelativeTime() {
  }

  /** What a page shows: the instant as stored, the words for it and the exact local time. */
  public record Shown(String datetime, String words, String exact) {
  }

  /**
   * {@code zone} is where the moment is read (a session's own zone, otherwise the installation's), named in the
   * exact time when it is not the installation's.
   */
  public static Shown of(Instant at, Instant now, ZoneId zone, ZoneId installation, String language) {
    String exact = LocalTimes.show(at.toString(), zone, installation, I18n.locale(language));
    return new Shown(at.toString(), words(at, now, zone, language), exact);
  }

  static String words(Instant at, Instant now, ZoneId zone, String language) {
    if (Duration.between(at, now).abs().compareTo(RELATIVE_WITHIN) > 0) {
      return LocalTimes.dates(I18n.locale(language)).withZone(zone).format(at);
    }
    // A PrettyTime keeps its reference point in a field, so each thread has its own, set anew for each use; making
    // one reads its resource bundles, which took a noticeable part of a page with a feed.
    PrettyTime pretty = PRETTY.get().computeIfAbsent(I18n.locale(language), PrettyTime::new);
    pretty.setReference(Date.from(now));
    return pretty.format(Date.from(at));
  }
}
