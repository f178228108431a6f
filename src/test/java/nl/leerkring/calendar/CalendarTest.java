package nl.leerkring.calendar;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import nl.leerkring.support.Person;
import nl.leerkring.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
@DisplayName("Sessions in people's calendars")
class CalendarTest {

  private static final String COMMUNITY = "/communities/demo-warmtepomp";
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static TestServer server;
  private static Person fenna;
  private static Person sanne;

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.withDemo(vertx);
    fenna = server.demo("fenna@leerwerkplaats.nl");
    sanne = server.demo("sanne");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** The last Sundays of March and October: the days the clocks change in Europe. */
  private static LocalDate clockChange(int month) {
    LocalDate today = LocalDate.now(AMSTERDAM);
    LocalDate day = today.withMonth(month).with(TemporalAdjusters.lastInMonth(java.time.DayOfWeek.SUNDAY));
    return day.isAfter(today) ? day : today.plusYears(1).withMonth(month).with(TemporalAdjusters.lastInMonth(java.time.DayOfWeek.SUNDAY));
  }

  private static ICalendar feed(String path) {
    String ics = server.anonymous().page(path).expect(200).body();
    return Biweekly.parse(ics).first();
  }

  private static VEvent event(ICalendar calendar, String sessionId) {
    return calendar.getEvents().stream().filter(e -> e.getUid().getValue().equals(sessionId + "@leerkring"))
        .findFirst().orElseThrow(() -> new AssertionError("no event for " + sessionId));
  }

  @Test
  @DisplayName("Sanne subscribes to her calendar link; a session moved across a clock change keeps its UID, gets a higher SEQUENCE and the right UTC time")
  void subscriptionFollowsAMove() {
    LocalDate summer = clockChange(3);
    String id = fenna.post(COMMUNITY + "/sessions", new JsonObject().put("startsAt", summer + "T10:00").put("place", "Kantine"))
        .expect(201).json().getString("id");
    String url = sanne.post("/me/calendar-feed", new JsonObject()).expect(201).json().getString("url");
    String path = URI.create(url).getPath();
    assertTrue(sanne.get("/me/calendar-feed").ok().getBoolean("active"));

    ICalendar calendar = feed(path);
    VEvent planned = event(calendar, id);
    assertEquals(Instant.parse(summer + "T08:00:00Z"), planned.getDateStart().getValue().toInstant(),
        "10:00 on the day summer time starts is 08:00 UTC");
    assertEquals(0, planned.getSequence().getValue());
    assertEquals("Kantine", planned.getLocation().getValue());
    assertTrue(calendar.getEvents().size() > 1, "the demo's sessions are there too");

    LocalDate winter = clockChange(10);
    fenna.patch("/sessions/" + id, new JsonObject().put("startsAt", winter + "T10:00")).expect(200);
    VEvent moved = event(feed(path), id);
    assertEquals(Instant.parse(winter + "T09:00:00Z"), moved.getDateStart().getValue().toInstant(),
        "10:00 on the day summer time ends is 09:00 UTC");
    assertEquals(1, moved.getSequence().getValue());

    fenna.patch("/sessions/" + id, new JsonObject().put("phase", "explore")).expect(200);
    assertEquals(1, event(feed(path), id).getSequence().getValue(), "a change no calendar shows leaves SEQUENCE alone");

    fenna.patch("/sessions/" + id, new JsonObject().put("status", "cancelled")).expect(200);
    VEvent cancelled = event(feed(path), id);
    assertEquals(2, cancelled.getSequence().getValue());
    assertTrue(cancelled.getStatus().isCancelled());
  }

  @Test
  @DisplayName("The VTIMEZONE in the file alone places times on both sides of the clock changes as Amsterdam does")
  void timezoneComponentMatchesAmsterdam() {
    LocalDate summer = clockChange(3);
    LocalDate winter = clockChange(10);
    assertStartsAt(summer + "T01:30", summer + "T00:30:00Z");
    assertStartsAt(summer + "T03:30", summer + "T01:30:00Z");
    assertStartsAt(winter + "T01:30", winter.minusDays(1) + "T23:30:00Z");
    assertStartsAt(winter + "T04:00", winter + "T03:00:00Z");
  }

  /** The zone is renamed to one no library knows, so only the file's own VTIMEZONE can place the time. */
  private static void assertStartsAt(String local, String utc) {
    String id = fenna.post(COMMUNITY + "/sessions", new JsonObject().put("startsAt", local)).expect(201).json().getString("id");
    String ics = sanne.page("/calendar/sessions/" + id + ".ics").expect(200).body();
    assertTrue(ics.contains("BEGIN:VTIMEZONE") && ics.contains("TZID:Europe/Amsterdam"), ics);
    ICalendar alone = Biweekly.parse(ics.replace("Europe/Amsterdam", "Leerkring/Onbekend")).first();
    assertEquals(Instant.parse(utc), event(alone, id).getDateStart().getValue().toInstant(), local + " in " + ics);
  }

  @Test
  @DisplayName("A new link revokes the old one, stopping revokes it too, and a stranger's guess finds nothing")
  void revocableLink() {
    Person joost = server.demo("joost");
    String first = URI.create(joost.post("/me/calendar-feed", new JsonObject()).expect(201).json().getString("url")).getPath();
    assertNotNull(feed(first));
    String second = URI.create(joost.post("/me/calendar-feed", new JsonObject()).expect(201).json().getString("url")).getPath();
    assertEquals(404, server.anonymous().page(first).status());
    assertNotNull(feed(second));
    joost.delete("/me/calendar-feed").expect(204);
    assertEquals(404, server.anonymous().page(second).status());
    assertEquals(404, server.anonymous().page("/calendar/geraden-token-12345.ics").status());
    assertTrue(!joost.get("/me/calendar-feed").ok().getBoolean("active"));
  }
}
