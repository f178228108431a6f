package nl.leerkring.platform.jobs;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("Quiet hours of a community in Amsterdam")
class QuietHoursTest {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final QuietHours EVENING = new QuietHours(LocalTime.of(20, 0), LocalTime.of(7, 0), AMSTERDAM);

  @Test
  @DisplayName("A prompt due in the afternoon goes out at once")
  void outsideTheWindow() {
    Instant afternoon = Instant.parse("2026-06-10T13:00:00Z");
    assertEquals(afternoon, EVENING.nextAllowed(afternoon));
  }

  @Test
  @DisplayName("A prompt due at 21:00 waits until 07:00 the next morning: the window crosses midnight")
  void eveningWaitsForTomorrow() {
    assertEquals(Instant.parse("2026-06-11T05:00:00Z"), EVENING.nextAllowed(Instant.parse("2026-06-10T19:00:00Z")));
  }

  @Test
  @DisplayName("A prompt due at 03:00 waits until 07:00 the same morning")
  void nightWaitsForThisMorning() {
    assertEquals(Instant.parse("2026-06-11T05:00:00Z"), EVENING.nextAllowed(Instant.parse("2026-06-11T01:00:00Z")));
  }

  @Test
  @DisplayName("The window starts at 20:00 sharp and ends at 07:00 sharp")
  void edges() {
    assertEquals(Instant.parse("2026-06-11T05:00:00Z"), EVENING.nextAllowed(Instant.parse("2026-06-10T18:00:00Z")));
    assertEquals(Instant.parse("2026-06-10T17:59:59Z"), EVENING.nextAllowed(Instant.parse("2026-06-10T17:59:59Z")));
    assertEquals(Instant.parse("2026-06-11T05:00:00Z"), EVENING.nextAllowed(Instant.parse("2026-06-11T05:00:00Z")));
  }

  @Test
  @DisplayName("A window within one day (12:00 to 13:30, lunch) holds back only what falls inside it")
  void windowWithinADay() {
    QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 30), AMSTERDAM);
    assertEquals(Instant.parse("2026-06-10T11:30:00Z"), lunch.nextAllowed(Instant.parse("2026-06-10T10:15:00Z")));
    assertEquals(Instant.parse("2026-06-10T09:59:00Z"), lunch.nextAllowed(Instant.parse("2026-06-10T09:59:00Z")));
    assertEquals(Instant.parse("2026-06-10T20:00:00Z"), lunch.nextAllowed(Instant.parse("2026-06-10T20:00:00Z")));
  }

  @Test
  @DisplayName("A facilitator who sets the same start and end has no quiet hours")
  void emptyWindow() {
    QuietHours none = new QuietHours(LocalTime.of(20, 0), LocalTime.of(20, 0), AMSTERDAM);
    Instant at = Instant.parse("2026-06-10T18:30:00Z");
    assertEquals(at, none.nextAllowed(at));
  }

  @Test
  @DisplayName("In the night the clocks go forward (29 March 2026) the window still ends at 07:00 local time")
  void springForward() {
    // 21:00 CET on Saturday; 07:00 on Sunday is summer time (UTC+2).
    assertEquals(Instant.parse("2026-03-29T05:00:00Z"), EVENING.nextAllowed(Instant.parse("2026-03-28T20:00:00Z")));
  }

  @Test
  @DisplayName("A window that ends inside the skipped hour (02:30 on 29 March) ends just after the change, at 03:30")
  void endInsideTheSkippedHour() {
    QuietHours late = new QuietHours(LocalTime.of(20, 0), LocalTime.of(2, 30), AMSTERDAM);
    assertEquals(Instant.parse("2026-03-29T01:30:00Z"), late.nextAllowed(Instant.parse("2026-03-29T00:30:00Z")));
  }

  @Test
  @DisplayName("In the night the clocks go back (25 October 2026) the window ends at 07:00 winter time, an hour longer")
  void fallBack() {
    // 22:00 summer time on Saturday (UTC+2) until 07:00 winter time on Sunday (UTC+1).
    assertEquals(Instant.parse("2026-10-25T06:00:00Z"), EVENING.nextAllowed(Instant.parse("2026-10-24T20:00:00Z")));
  }

  @Test
  @DisplayName("A window that ends in the hour that happens twice (02:30 on 25 October) ends the first time it is 02:30")
  void endInsideTheRepeatedHour() {
    QuietHours late = new QuietHours(LocalTime.of(20, 0), LocalTime.of(2, 30), AMSTERDAM);
    assertEquals(Instant.parse("2026-10-25T00:30:00Z"), late.nextAllowed(Instant.parse("2026-10-24T23:00:00Z")));
  }
}
