package nl.leerkring.prompt;

import io.vertx.core.json.JsonObject;
import nl.leerkring.session.Session;
import nl.leerkring.session.SessionStatus;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a prompt repeats (the contract's {@code repeat}): every week on a day and time, every month on a day of
 * the month and time, or some days after each session at a time, in the prompt's zone, until it has gone out
 * {@code times} times. Times of day stay the same local time across a clock change.
 */
record Repeat(Every every, DayOfWeek day, int dayOfMonth, LocalTime time, int daysAfter, int times) {

  static final int DEFAULT_TIMES = 26;

  /** The contract's {@code every}. */
  enum Every {
    WEEK("week"), MONTH("month"), AFTER_SESSION("afterSession");

    private final String value;

    Every(String value) {
      this.value = value;
    }

    static Every of(String value) {
      for (Every every : values()) {
        if (every.value.equals(value)) {
          return every;
        }
      }
      throw new IllegalArgumentException("Not a repeat: " + value);
    }
  }

  /** Null when the prompt goes out once. */
  static Repeat of(JsonObject rule) {
    if (rule == null) {
      return null;
    }
    Every every = Every.of(rule.getString("every"));
    return new Repeat(every,
        DayOfWeek.valueOf(rule.getString("day", "monday").toUpperCase(Locale.ROOT)),
        rule.getInteger("dayOfMonth", 1),
        LocalTime.parse(rule.getString("time", every == Every.AFTER_SESSION ? "09:00" : "07:30")),
        rule.getInteger("daysAfter", 1),
        rule.getInteger("times", DEFAULT_TIMES));
  }

  /**
   * A monthly rule as given, with what it leaves out taken from the first time the prompt goes out: that
   * day of the month, at that time. Other rules stay as given.
   */
  static JsonObject completed(JsonObject rule, Instant first, ZoneId zone) {
    if (rule == null || !"month".equals(rule.getString("every"))) {
      return rule;
    }
    ZonedDateTime local = first.atZone(zone);
    JsonObject out = rule.copy();
    if (!out.containsKey("dayOfMonth")) {
      out.put("dayOfMonth", local.getDayOfMonth());
    }
    if (!out.containsKey("time")) {
      out.put("time", local.toLocalTime().withSecond(0).withNano(0).toString());
    }
    return out;
  }

  boolean afterSession() {
    return every == Every.AFTER_SESSION;
  }

  boolean hasAfter(int occurrence) {
    return occurrence < times;
  }

  /** The next occurrence of a weekly or monthly rule after {@code after}. */
  Instant next(Instant after, ZoneId zone) {
    return every == Every.MONTH ? nextMonthly(after, zone) : nextWeekly(after, zone);
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

  /**
   * The first time after {@code after} on the rule's day of the month at its time; in a month without that
   * day (the 31st in April, the 30th in February), its last day. The month after, the rule's own day again.
   */
  Instant nextMonthly(Instant after, ZoneId zone) {
    LocalDate month = after.atZone(zone).toLocalDate().withDayOfMonth(1);
    for (int ahead = 0; ; ahead++) {
      LocalDate first = month.plusMonths(ahead);
      Instant candidate = first.withDayOfMonth(Math.min(dayOfMonth, first.lengthOfMonth())).atTime(time)
          .atZone(zone).toInstant();
      if (candidate.isAfter(after)) {
        return candidate;
      }
    }
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
