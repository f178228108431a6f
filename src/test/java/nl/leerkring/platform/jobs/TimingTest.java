package nl.leerkring.platform.jobs;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("When a delivery may go out")
class TimingTest {

  private static final QuietHours EVENING =
      new QuietHours(LocalTime.of(20, 0), LocalTime.of(7, 0), ZoneId.of("Europe/Amsterdam"));
  /** 10:00 in Amsterdam. */
  private static final Instant MORNING = Instant.parse("2026-06-10T08:00:00Z");

  @Test
  @DisplayName("A job whose time has come, outside quiet hours, goes now")
  void now() {
    assertEquals(new Timing.Now(), Timing.at(MORNING.minusSeconds(5)).quiet(EVENING).decide(MORNING));
  }

  @Test
  @DisplayName("A reminder planned for later waits for its time")
  void notYet() {
    Instant later = MORNING.plus(Duration.ofHours(3));
    assertEquals(new Timing.Wait(later), Timing.at(later).quiet(EVENING).decide(MORNING));
  }

  @Test
  @DisplayName("A prompt that falls due at 22:00 waits until 07:00")
  void quietHoursHoldItBack() {
    Instant evening = Instant.parse("2026-06-10T20:00:00Z");
    assertEquals(new Timing.Wait(Instant.parse("2026-06-11T05:00:00Z")),
        Timing.at(evening).quiet(EVENING).tooLateAfter(Duration.ofDays(3)).decide(evening));
  }

  @Test
  @DisplayName("A prompt found four days after its time (the server was down) is too late")
  void tooLate() {
    assertEquals(new Timing.TooLate(),
        Timing.at(MORNING.minus(Duration.ofDays(4))).quiet(EVENING).tooLateAfter(Duration.ofDays(3)).decide(MORNING));
  }

  @Test
  @DisplayName("Two days late is not yet too late for a prompt allowed three")
  void lateButNotTooLate() {
    assertEquals(new Timing.Now(),
        Timing.at(MORNING.minus(Duration.ofDays(2))).tooLateAfter(Duration.ofDays(3)).decide(MORNING));
  }

  @Test
  @DisplayName("A prompt found five days late at night is too late, as it would be by day, not sent the next morning")
  void tooLateAtNight() {
    Instant night = Instant.parse("2026-06-10T22:00:00Z");
    assertEquals(new Timing.TooLate(),
        Timing.at(night.minus(Duration.ofDays(5))).quiet(EVENING).tooLateAfter(Duration.ofDays(3)).decide(night));
  }

  @Test
  @DisplayName("A prompt a day late found at night waits for the morning")
  void lateAtNightWaits() {
    Instant night = Instant.parse("2026-06-10T22:00:00Z");
    assertEquals(new Timing.Wait(Instant.parse("2026-06-11T05:00:00Z")),
        Timing.at(night.minus(Duration.ofDays(1))).quiet(EVENING).tooLateAfter(Duration.ofDays(3)).decide(night));
  }

  @Test
  @DisplayName("A session reminder whose session has started is too late")
  void deadlinePassed() {
    assertEquals(new Timing.TooLate(), Timing.at(MORNING.minus(Duration.ofDays(1))).before(MORNING).decide(MORNING));
  }

  @Test
  @DisplayName("A reminder for a session at 06:30 is not held back until 07:00: it goes during quiet hours")
  void quietHoursYieldToTheDeadline() {
    Instant night = Instant.parse("2026-06-10T22:00:00Z");
    Instant session = Instant.parse("2026-06-11T04:30:00Z");
    assertEquals(new Timing.Now(), Timing.at(night.minus(Duration.ofHours(1))).quiet(EVENING).before(session).decide(night));
  }

  @Test
  @DisplayName("A reminder for a session at 09:00 found at 23:00 waits until 07:00")
  void quietHoursBeforeTheDeadline() {
    Instant night = Instant.parse("2026-06-10T21:00:00Z");
    Instant session = Instant.parse("2026-06-11T07:00:00Z");
    assertEquals(new Timing.Wait(Instant.parse("2026-06-11T05:00:00Z")),
        Timing.at(night.minus(Duration.ofHours(1))).quiet(EVENING).before(session).decide(night));
  }
}
