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
}
