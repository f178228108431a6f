package nl.leerkring.prompt;

import io.vertx.core.json.JsonObject;
import nl.leerkring.session.Phase;
import nl.leerkring.session.Session;
import nl.leerkring.session.SessionStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("When the next occurrence of a repeating prompt goes out")
class RepeatTest {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final Repeat MONDAY_0730 = Repeat.of(new JsonObject().put("every", "week").put("day", "monday")
      .put("time", "07:30"));

  @Test
  @DisplayName("A prompt without a rule goes out once")
  void once() {
    assertNull(Repeat.of(null));
  }

  @Test
  @DisplayName("Every Monday at 07:30: after Monday's occurrence, the next is a week later")
  void nextWeek() {
    Instant monday = Instant.parse("2026-06-08T05:30:00Z");
    assertEquals(Instant.parse("2026-06-15T05:30:00Z"), MONDAY_0730.nextWeekly(monday, AMSTERDAM));
  }

  @Test
  @DisplayName("Every Monday at 07:30: from a Monday at 06:00 the next is that same morning")
  void laterTheSameDay() {
    assertEquals(Instant.parse("2026-06-08T05:30:00Z"),
        MONDAY_0730.nextWeekly(Instant.parse("2026-06-08T04:00:00Z"), AMSTERDAM));
  }

  @Test
  @DisplayName("Every Monday at 07:30 stays 07:30 in Amsterdam when the clocks go forward on 29 March")
  void acrossSpringForward() {
    Instant beforeChange = Instant.parse("2026-03-23T06:30:00Z");
    assertEquals(Instant.parse("2026-03-30T05:30:00Z"), MONDAY_0730.nextWeekly(beforeChange, AMSTERDAM));
  }

  @Test
  @DisplayName("Every Monday at 07:30 stays 07:30 in Amsterdam when the clocks go back on 25 October")
  void acrossFallBack() {
    Instant beforeChange = Instant.parse("2026-10-19T05:30:00Z");
    assertEquals(Instant.parse("2026-10-26T06:30:00Z"), MONDAY_0730.nextWeekly(beforeChange, AMSTERDAM));
  }

  @Test
  @DisplayName("A weekly rule read in another zone follows that zone's Monday")
  void ownZone() {
    Instant mondayInAmsterdam = Instant.parse("2026-06-08T05:30:00Z");
    assertEquals(Instant.parse("2026-06-08T11:30:00Z"),
        MONDAY_0730.nextWeekly(mondayInAmsterdam, ZoneId.of("America/New_York")));
  }

  @Test
  @DisplayName("A day after each session at 09:00: a session on Thursday evening gives Friday 09:00")
  void dayAfterSession() {
    Repeat rule = Repeat.of(new JsonObject().put("every", "afterSession").put("daysAfter", 1));
    assertEquals(Instant.parse("2026-06-12T07:00:00Z"), rule.afterSession(Instant.parse("2026-06-11T17:00:00Z"), AMSTERDAM));
  }

  @Test
  @DisplayName("The day after a session counts in the zone: 00:30 Saturday in Amsterdam is Friday in UTC, yet gives Sunday")
  void dayAfterCountsInTheZone() {
    Repeat rule = Repeat.of(new JsonObject().put("every", "afterSession").put("daysAfter", 1).put("time", "10:00"));
    assertEquals(Instant.parse("2026-06-14T08:00:00Z"), rule.afterSession(Instant.parse("2026-06-12T22:30:00Z"), AMSTERDAM));
  }

  @Test
  @DisplayName("The next occurrence follows the first session after the last one, skipping cancelled sessions")
  void followingSession() {
    List<Session> sessions = List.of(
        session("old", "2026-06-04T17:00:00Z", SessionStatus.DONE),
        session("cancelled", "2026-06-11T17:00:00Z", SessionStatus.CANCELLED),
        session("later", "2026-06-25T17:00:00Z", SessionStatus.PLANNED),
        session("next", "2026-06-18T17:00:00Z", SessionStatus.PLANNED));
    assertEquals("next", Repeat.following(sessions, Instant.parse("2026-06-04T17:00:00Z")).orElseThrow().id());
    assertTrue(Repeat.following(sessions, Instant.parse("2026-06-25T17:00:00Z")).isEmpty());
  }

  private static Session session(String id, String startsAt, SessionStatus status) {
    return new Session(id, "c-1", 1, Instant.parse(startsAt), ZoneId.of("Europe/Amsterdam"), 120, null, null, status,
        Phase.CHECK_IN, List.of(Phase.CHECK_IN), List.of(), List.of(), List.of(), null, 0,
        Instant.parse("2026-06-01T00:00:00Z"));
  }

  @Test
  @DisplayName("A rule for three times has a next occurrence after the second, not after the third; 26 without a number")
  void times() {
    Repeat three = Repeat.of(new JsonObject().put("every", "week").put("times", 3));
    assertTrue(three.hasAfter(2));
    assertFalse(three.hasAfter(3));
    assertTrue(MONDAY_0730.hasAfter(25));
    assertFalse(MONDAY_0730.hasAfter(26));
  }

  private static Repeat monthly(int day, String time) {
    return Repeat.of(new JsonObject().put("every", "month").put("dayOfMonth", day).put("time", time));
  }

  @Test
  @DisplayName("Every month on the 31st: after 31 January comes 28 February, then 31 March again")
  void monthlyOnTheLastDays() {
    Repeat rule = monthly(31, "09:00");
    Instant january = Instant.parse("2027-01-31T08:00:00Z");
    Instant february = rule.next(january, AMSTERDAM);
    assertEquals(Instant.parse("2027-02-28T08:00:00Z"), february);
    // The clocks go forward on 28 March 2027: 09:00 in summer time is 07:00 UTC.
    assertEquals(Instant.parse("2027-03-31T07:00:00Z"), rule.next(february, AMSTERDAM));
    assertEquals(Instant.parse("2027-04-30T07:00:00Z"), rule.next(Instant.parse("2027-03-31T07:00:00Z"), AMSTERDAM));
  }

  @Test
  @DisplayName("Every month on the 30th: in a leap year's February the 29th, otherwise the 28th")
  void monthlyInFebruary() {
    Repeat rule = monthly(30, "16:00");
    assertEquals(Instant.parse("2028-02-29T15:00:00Z"), rule.next(Instant.parse("2028-01-30T15:00:00Z"), AMSTERDAM));
    assertEquals(Instant.parse("2027-02-28T15:00:00Z"), rule.next(Instant.parse("2027-01-30T15:00:00Z"), AMSTERDAM));
  }

  @Test
  @DisplayName("Every month on the 25th at 07:30 stays 07:30 in Amsterdam when the clocks go back in October")
  void monthlyAcrossFallBack() {
    Repeat rule = monthly(25, "07:30");
    assertEquals(Instant.parse("2026-10-25T06:30:00Z"), rule.next(Instant.parse("2026-09-25T05:30:00Z"), AMSTERDAM));
    assertEquals(Instant.parse("2026-11-25T06:30:00Z"), rule.next(Instant.parse("2026-10-25T06:30:00Z"), AMSTERDAM));
  }

  @Test
  @DisplayName("Every month on the 29th at 02:30: on 29 March 2026 that time is skipped, so it comes at 03:30")
  void monthlyInTheSkippedHour() {
    Repeat rule = monthly(29, "02:30");
    Instant march = rule.next(Instant.parse("2026-02-28T01:30:00Z"), AMSTERDAM);
    assertEquals(Instant.parse("2026-03-29T01:30:00Z"), march);
    assertEquals(Instant.parse("2026-04-29T00:30:00Z"), rule.next(march, AMSTERDAM));
  }

  @Test
  @DisplayName("Every month: from a moment before the day in the same month, the next is that same month")
  void monthlyLaterThisMonth() {
    assertEquals(Instant.parse("2026-06-15T07:00:00Z"),
        monthly(15, "09:00").next(Instant.parse("2026-06-02T10:00:00Z"), AMSTERDAM));
  }

  @Test
  @DisplayName("A monthly rule without a day or time takes both from the first time the prompt goes out, in its zone")
  void monthlyDefaultsFromTheFirstTime() {
    JsonObject rule = Repeat.completed(new JsonObject().put("every", "month").put("times", 3),
        Instant.parse("2027-01-31T15:00:00Z"), AMSTERDAM);
    assertEquals(31, rule.getInteger("dayOfMonth"));
    assertEquals("16:00", rule.getString("time"));
    assertEquals(3, rule.getInteger("times"));
    JsonObject weekly = new JsonObject().put("every", "week");
    assertEquals(weekly, Repeat.completed(weekly, Instant.parse("2027-01-31T15:00:00Z"), AMSTERDAM));
  }
}
