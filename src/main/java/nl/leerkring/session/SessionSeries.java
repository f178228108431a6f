package nl.leerkring.session;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The start times of a series of sessions: every so many weeks at the same local time in the session's zone,
 * so a session at 09:30 stays at 09:30 when the clocks change. A time the clocks skip on one of those days
 * (02:30 when summer time starts) is read as that much later, as a single session's time is
 * ({@link nl.leerkring.platform.LocalTimes#future}).
 */
final class SessionSeries {

  private SessionSeries() {
  }

  static List<Instant> starts(LocalDateTime first, ZoneId zone, int everyWeeks, int times) {
    List<Instant> out = new ArrayList<>(times);
    for (int i = 0; i < times; i++) {
      out.add(first.plusWeeks((long) i * everyWeeks).atZone(zone).toInstant());
    }
    return out;
  }
}
