package nl.leerkring.prompt;

import io.vertx.core.json.JsonObject;
import nl.leerkring.session.Session;
import nl.leerkring.session.SessionStatus;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a prompt repeats (the contract's {@code repeat}): every week on a day and time, or some days after
 * each session at a time, in the prompt's zone, until it has gone out {@code times} times. Times of day stay
 * the same local time across a clock change.
 */
record Repeat(boolean afterSession, DayOfWeek day, LocalTime time, int daysAfter, int times) {

  static final int DEFAULT_TIMES = 26;

  /** Null when the prompt goes out once. */
  static Repeat of(JsonObject rule) {
    if (rule == null) {
      return null;
    }
    boolean afterSession = "afterSession".equals(rule.getString("every"));
    return new Repeat(afterSession,
        DayOfWeek.valueOf(rule.getString("day", "monday").toUpperCase(Locale.ROOT)),
        LocalTime.parse(rule.getString("time", afterSession ? "09:00" : "07:30")),
        rule.getInteger("daysAfter", 1),
        rule.getInteger("times", DEFAULT_TIMES));
  }

  boolean hasAfter(int occurrence) {
    return occurrence < times;
  }

  /** The first time after {@code after} that falls on the rule's weekday and time. */
  Instant nextWeekly(Instant after, ZoneId zone) {
    ZonedDateTime local = after.atZone(zone);
    ZonedDateTime candidate = local.toLocalDate().with(TemporalAdjusters.nextOrSame(day)).atTime(time).atZone(zone);
    if (!candidate.toInstant().isAfter(after)) {
      candidate = local.toLocalDate().with(TemporalAdjusters.next(day)).atTime(time).atZone(zone);
    }
    return candidate.toInstant();
  }

  /** The rule's number of days after the day (in the zone) a session starts, at the rule's time. */
  Instant afterSession(Instant sessionStart, ZoneId zone) {
    return sessionStart.atZone(zone).toLocalDate().plusDays(daysAfter).atTime(time).atZone(zone).toInstant();
  }

  /** The first session, not cancelled, that starts after {@code afterStart}. */
  static Optional<Session> following(List<Session> sessions, Instant afterStart) {
    return sessions.stream()
        .filter(s -> !s.is(SessionStatus.CANCELLED) && s.startsAt().isAfter(afterStart))
        .min(Comparator.comparing(Session::startsAt));
  }
}
