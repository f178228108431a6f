package nl.leerkring.session;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.client.WebClientSession;
import io.vertx.junit5.VertxExtension;
import nl.leerkring.support.MutableClock;
import nl.leerkring.support.Person;
import nl.leerkring.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The installation keeps its default zone, Europe/Amsterdam; one of its groups meets in London. */
@ExtendWith(VertxExtension.class)
@DisplayName("A session is shown in its own time zone")
class SessionZoneTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static TestServer server;
  private static Person fenna;

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.withDemo(vertx);
    fenna = server.demo("fenna@leerwerkplaats.nl");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName("A session planned for 09:00 in London shows 09:00 (London) on its page, in the list, on the facilitator's overview and in its calendar event")
  void londonSessionInLondonTime() {
    String day = LocalDate.now(LONDON).plusDays(30).toString();
    String id = fenna.post("/communities/demo-warmtepomp/sessions", new JsonObject()
        .put("startsAt", day + "T09:00").put("zone", "Europe/London")).expect(201).json().getString("id");

    assertTrue(fenna.page("/sessions/" + id).expect(200).body().contains("09:00 (London)"), "the session's page");
    assertTrue(fenna.page("/c/demo-warmtepomp/sessions").expect(200).body().contains("09:00 (London)"), "the list");
    assertTrue(fenna.page("/facilitator").expect(200).body().contains("09:00 (London)"), "the overview");
    String ics = fenna.page("/calendar/sessions/" + id + ".ics").expect(200).body();
    assertTrue(ics.contains("DTSTART;TZID=Europe/London:" + day.replace("-", "") + "T090000"), ics);
  }

  @Test
  @DisplayName("A session in the installation's own zone shows its time without naming a zone")
  void homeSessionUnnamed() {
    String page = fenna.page("/sessions/demo-s-2").expect(200).body();
    assertTrue(page.contains("15:30"), page);
    assertFalse(page.contains("(Amsterdam)"), page);
  }

  @Test
  @DisplayName("The plan form offers the installation's zone, takes another, and refuses an offset such as +01:00 next to the field")
  void planFormTakesTheZone(Vertx vertx) {
    WebClientSession browser = WebClientSession.create(WebClient.create(vertx, new WebClientOptions()
        .setDefaultHost("127.0.0.1").setDefaultPort(server.port()).setFollowRedirects(false)));
    String csrf = browser.post("/api/v1/auth/login").sendJsonObject(new JsonObject()
        .put("login", "fenna@leerwerkplaats.nl").put("password", "welkom2026")).await().bodyAsJsonObject()
        .getString("csrfToken");
    String form = browser.get("/c/demo-warmtepomp/sessions").send().await().bodyAsString();
    assertTrue(form.contains("name=\"zone\"") && form.contains("value=\"Europe/Amsterdam\""), form);

    String day = LocalDate.now(LONDON).plusDays(31).toString();
    HttpResponse<Buffer> refused = plan(browser, csrf, day, "+01:00");
    assertEquals(400, refused.statusCode(), refused::bodyAsString);
    assertTrue(refused.bodyAsString().contains("id=\"zone-error\""), refused::bodyAsString);
    assertTrue(refused.bodyAsString().contains("Onbekende tijdzone"), refused::bodyAsString);

    HttpResponse<Buffer> planned = plan(browser, csrf, day, "Europe/London");
    assertEquals(303, planned.statusCode(), planned::bodyAsString);
    String page = browser.get(planned.getHeader("Location")).send().await().bodyAsString();
    assertTrue(page.contains("10:15 (London)"), page);
  }

  @Test
  @DisplayName("An installation set to London plans a session without a zone in London time and names Amsterdam at the demo's session")
  void installationZoneIsASetting(Vertx vertx) {
    TestServer london = TestServer.start(vertx, TestServer.temporaryDataDir(), "", true, new MutableClock(),
        new JsonObject().put("zone", "Europe/London"));
    try {
      Person facilitator = london.demo("fenna@leerwerkplaats.nl");
      String day = LocalDate.now(LONDON).plusDays(30).toString();
      JsonObject planned = facilitator.post("/communities/demo-warmtepomp/sessions", new JsonObject()
          .put("startsAt", day + "T09:00")).expect(201).json();
      assertEquals("Europe/London", planned.getString("zone"));
      assertEquals(day + "T09:00", planned.getString("localStart"));
      String page = facilitator.page("/sessions/" + planned.getString("id")).expect(200).body();
      assertTrue(page.contains("09:00") && !page.contains("(London)"), page);
      String demo = facilitator.page("/sessions/demo-s-2").expect(200).body();
      assertTrue(demo.contains("15:30 (Amsterdam)"), demo);
    } finally {
      london.close();
    }
  }

  private static HttpResponse<Buffer> plan(WebClientSession browser, String csrf, String day, String zone) {
    return browser.post("/c/demo-warmtepomp/sessions").sendForm(MultiMap.caseInsensitiveMultiMap()
        .add("_csrf", csrf).add("startsAt", day + "T10:15").add("zone", zone).add("durationMinutes", "90")
        .add("phases", "questions")).await();
  }
}
