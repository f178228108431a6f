package nl.leerkring.platform;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Local times people type")
class LocalTimesTest {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");

  @Test
  @DisplayName("A time typed in a zone is that moment in that zone, summer or winter")
  void inItsZone() {
    assertEquals(Instant.parse("2027-01-12T08:30:00Z"), LocalTimes.future("2027-01-12T09:30", AMSTERDAM, LONG_AGO, "startsAt"));
    assertEquals(Instant.parse("2027-07-12T07:30:00Z"), LocalTimes.future("2027-07-12T09:30", AMSTERDAM, LONG_AGO, "startsAt"));
    assertEquals(Instant.parse("2027-07-12T08:30:00Z"), LocalTimes.future("2027-07-12T09:30", LONDON, LONG_AGO, "startsAt"));
  }

  @Test
  @DisplayName("A time the clocks skip in spring (02:30 on the last Sunday of March) is read as an hour later")
  void springGap() {
    // 02:00 CET becomes 03:00 CEST: 02:30 does not exist; it is taken as 03:30 CEST.
    assertEquals(Instant.parse("2027-03-28T01:30:00Z"), LocalTimes.future("2027-03-28T02:30", AMSTERDAM, LONG_AGO, "sendAt"));
  }

  @Test
  @DisplayName("A time that happens twice in autumn (02:30 on the last Sunday of October) is the first, still summer time")
  void autumnOverlap() {
    assertEquals(Instant.parse("2027-10-31T00:30:00Z"), LocalTimes.future("2027-10-31T02:30", AMSTERDAM, LONG_AGO, "sendAt"));
  }

  @Test
  @DisplayName("A moment before now is refused as in the past, naming the field")
  void past() {
    Problem problem = assertThrows(Problem.class, () -> LocalTimes.future("2027-01-12T09:29", AMSTERDAM,
        Instant.parse("2027-01-12T08:30:00Z"), "startsAt"));
    assertEquals("startsAt", problem.field());
    assertEquals("in_past", problem.reason());
    assertEquals(Instant.parse("2027-01-12T08:30:00Z"), LocalTimes.future("2027-01-12T09:30", AMSTERDAM,
        Instant.parse("2027-01-12T08:30:00Z"), "startsAt"), "now itself is not the past");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"12-01-2027 09:30", "2027-02-30T09:30", "2027-01-12T25:00", "2027-01-12T09:30+01:00", ""})
  @DisplayName("What is not a local date and time is refused as such")
  void notADateTime(String typed) {
    Problem problem = assertThrows(Problem.class, () -> LocalTimes.future(typed, AMSTERDAM, LONG_AGO, "sendAt"));
    assertEquals("sendAt", problem.field());
    assertEquals("bad_datetime", problem.reason());
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"+01:00", "UTC+01:00", "GMT+1", "Z", "europe/amsterdam", "Europe/Amsterdam ", "Mars/Olympus"})
  @DisplayName("An offset or anything but an exact IANA zone id is refused: offsets ignore summer time")
  void offsetsRefused(String zone) {
    Problem problem = assertThrows(Problem.class, () -> LocalTimes.zone(zone, AMSTERDAM, "zone"));
    assertEquals("zone", problem.field());
    assertEquals("unknown_zone", problem.reason());
  }

  @Test
  @DisplayName("No zone given means the installation's; a zone given is taken as it is")
  void zoneOrFallback() {
    assertEquals(LONDON, LocalTimes.zone(null, LONDON, "zone"));
    assertEquals(ZoneId.of("America/New_York"), LocalTimes.zone("America/New_York", AMSTERDAM, "zone"));
  }

  @Test
  @DisplayName("A stored zone that is no longer valid falls back to the installation's, so the page still opens")
  void storedFallsBack() {
    assertEquals(LONDON, LocalTimes.stored("Leerkring/Unknown", LONDON));
    assertEquals(LONDON, LocalTimes.stored(null, LONDON));
    assertEquals(AMSTERDAM, LocalTimes.stored("Europe/Amsterdam", LONDON));
  }

  @Test
  @DisplayName("A time is shown in its own zone, which is named only when it is not the installation's")
  void shown() {
    String london = LocalTimes.show("2027-07-12T08:00:00Z", LONDON, AMSTERDAM, Locale.forLanguageTag("nl"));
    assertTrue(london.endsWith("09:00 (London)"), london);
    String amsterdam = LocalTimes.show("2027-07-12T08:00:00Z", AMSTERDAM, AMSTERDAM, Locale.forLanguageTag("nl"));
    assertTrue(amsterdam.endsWith("10:00"), amsterdam);
    assertEquals("New York", LocalTimes.place(ZoneId.of("America/New_York")));
    assertEquals("", LocalTimes.show(null, LONDON, AMSTERDAM, Locale.ENGLISH));
  }

  @Test
  @DisplayName("The installation's zone is Europe/Amsterdam unless set; an offset as setting stops the start")
  void setting() {
    assertEquals(AMSTERDAM, Settings.from(new JsonObject()).zone());
    assertEquals(LONDON, Settings.from(new JsonObject().put("zone", "Europe/London")).zone());
    assertThrows(IllegalArgumentException.class, () -> Settings.from(new JsonObject().put("zone", "+01:00")));
  }
}
