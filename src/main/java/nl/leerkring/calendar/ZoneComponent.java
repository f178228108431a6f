package nl.leerkring.calendar;

import biweekly.component.DaylightSavingsTime;
import biweekly.component.Observance;
import biweekly.component.StandardTime;
import biweekly.component.VTimezone;
import biweekly.io.TimezoneAssignment;
import biweekly.util.DateTimeComponents;
import biweekly.util.DayOfWeek;
import biweekly.util.Frequency;
import biweekly.util.Recurrence;
import biweekly.util.UtcOffset;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

/**
 * The VTIMEZONE of a zone, made from Java's own time-zone rules (nothing downloaded): one observance per
 * yearly clock change, e.g. for Europe/Amsterdam summer time from the last Sunday of March 02:00 and
 * standard time from the last Sunday of October 03:00. Calendar programs use it to place events correctly
 * on both sides of a clock change.
 */
final class ZoneComponent {

  private static final int RULES_SINCE = 1996;

  private ZoneComponent() {
  }

  static TimezoneAssignment of(ZoneId zone) {
    TimeZone timeZone = TimeZone.getTimeZone(zone);
    VTimezone component = new VTimezone(zone.getId());
    ZoneRules rules = zone.getRules();
    List<ZoneOffsetTransitionRule> changes = rules.getTransitionRules();
    if (changes.isEmpty()) {
      ZoneOffset offset = rules.getOffset(java.time.Instant.now());
      StandardTime fixed = new StandardTime();
      fixed.setDateStart(new DateTimeComponents(1970, 1, 1, 0, 0, 0, false));
      fixed.setTimezoneOffsetFrom(utc(offset));
      fixed.setTimezoneOffsetTo(utc(offset));
      component.addStandardTime(fixed);
    }
    for (ZoneOffsetTransitionRule change : changes) {
      boolean summer = change.getOffsetAfter().getTotalSeconds() > change.getStandardOffset().getTotalSeconds();
      Observance observance = summer ? new DaylightSavingsTime() : new StandardTime();
      LocalDateTime first = change.createTransition(RULES_SINCE).getDateTimeBefore();
      observance.setDateStart(new DateTimeComponents(first.getYear(), first.getMonthValue(), first.getDayOfMonth(),
          first.getHour(), first.getMinute(), first.getSecond(), false));
      observance.setTimezoneOffsetFrom(utc(change.getOffsetBefore()));
      observance.setTimezoneOffsetTo(utc(change.getOffsetAfter()));
      observance.setRecurrenceRule(yearly(change));
      observance.addTimezoneName(timeZone.getDisplayName(summer, TimeZone.SHORT, Locale.ENGLISH));
      if (summer) {
        component.addDaylightSavingsTime((DaylightSavingsTime) observance);
      } else {
        component.addStandardTime((StandardTime) observance);
      }
    }
    return new TimezoneAssignment(timeZone, component);
  }

  /** "The first Sunday on or after the 25th" is the last Sunday of a 31-day month; other rules list the days. */
  private static Recurrence yearly(ZoneOffsetTransitionRule change) {
    Recurrence.Builder rule = new Recurrence.Builder(Frequency.YEARLY).byMonth(change.getMonth().getValue());
    int from = change.getDayOfMonthIndicator();
    if (change.getDayOfWeek() == null) {
      return rule.byMonthDay(from).build();
    }
    DayOfWeek day = DayOfWeek.valueOfAbbr(change.getDayOfWeek().name().substring(0, 2));
    if (from < 0 || from + 6 >= change.getMonth().maxLength()) {
      return rule.byDay(-1, day).build();
    }
    Integer[] days = new Integer[7];
    for (int i = 0; i < 7; i++) {
      days[i] = from + i;
    }
    return rule.byDay(day).byMonthDay(days).build();
  }

  private static UtcOffset utc(ZoneOffset offset) {
    return new UtcOffset(offset.getTotalSeconds() * 1000L);
  }
}
