package nl.leerkring.session;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("When the sessions of a series start")
class SessionSeriesTest {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  @Test
  @DisplayName("Every two weeks at 09:30 from 17 March 2026: still 09:30 after the clocks go forward on 29 March")
  void acrossSpringForward() {
    assertEquals(List.of(Instant.parse("2026-03-17T08:30:00Z"), Instant.parse("2026-03-31T07:30:00Z"),
            Instant.parse("2026-04-14T07:30:00Z")),
        SessionSeries.starts(LocalDateTime.parse("2026-03-17T09:30"), AMSTERDAM, 2, 3));
  }

  @Test
  @DisplayName("Every week at 15:30 from 20 October 2026: still 15:30 after the clocks go back on 25 October")
  void acrossFallBack() {
    assertEquals(List.of(Instant.parse("2026-10-20T13:30:00Z"), Instant.parse("2026-10-27T14:30:00Z")),
        SessionSeries.starts(LocalDateTime.parse("2026-10-20T15:30"), AMSTERDAM, 1, 2));
  }

  @Test
  @DisplayName("A series in London keeps London's 09:00 across London's own clock change")
  void ownZone() {
    assertEquals(List.of(Instant.parse("2027-03-22T09:00:00Z"), Instant.parse("2027-03-29T08:00:00Z")),
        SessionSeries.starts(LocalDateTime.parse("2027-03-22T09:00"), ZoneId.of("Europe/London"), 1, 2));
  }

  @Test
  @DisplayName("A session at 02:30 in a series that meets the night the clocks skip that hour is held at 03:30")
  void skippedHour() {
    assertEquals(List.of(Instant.parse("2026-03-22T01:30:00Z"), Instant.parse("2026-03-29T01:30:00Z"),
            Instant.parse("2026-04-05T00:30:00Z")),
        SessionSeries.starts(LocalDateTime.parse("2026-03-22T02:30"), AMSTERDAM, 1, 3));
  }
}
