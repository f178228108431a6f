package nl.leerkring.prompt;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import nl.leerkring.support.Eventually;
import nl.leerkring.support.MutableClock;
import nl.leerkring.support.Person;
import nl.leerkring.support.SharedStore;
import nl.leerkring.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.LocalTime;

import static org.junit.jupiter.api.Assertions.assertEquals;

@ExtendWith(VertxExtension.class)
@DisplayName("A community's time zone")
class RhythmZoneTest {

  private static final String RHYTHM = "/communities/demo-warmtepomp/rhythm";
  private static SharedStore store;
  private static TestServer server;
  private static Person fenna;

  @BeforeAll
  static void start(Vertx vertx) {
    store = new SharedStore(vertx);
    MutableClock clock = new MutableClock();
    // Daytime, so that quiet hours do not hold the prompt back.
    clock.set(PromptMailTest.nextTuesdayAt(LocalTime.of(10, 0)));
    server = TestServer.start(vertx, TestServer.temporaryDataDir(), store.uri(), true, clock, new JsonObject());
    fenna = server.demo("fenna@leerwerkplaats.nl");
  }

  @AfterAll
  static void stop() {
    server.close();
    store.close();
  }

  @Test
  @DisplayName("A facilitator who leaves the zone blank or types no IANA zone is told so, and nothing changes")
  void onlyIanaZones() {
    for (String zone : new String[] {"", " ", "+01:00", "UTC+1", "Mars/Olympus", "Europe/Amsterdam "}) {
      var refused = fenna.put(RHYTHM, new JsonObject().put("zone", zone)).expect(400);
      assertEquals("zone", refused.json().getJsonObject("error").getJsonObject("details").getString("field"), zone);
    }
    assertEquals("Europe/Amsterdam", fenna.get(RHYTHM).ok().getString("zone"));
    assertEquals("America/Curacao", fenna.put(RHYTHM, new JsonObject().put("zone", "America/Curacao")).ok().getString("zone"));
    fenna.put(RHYTHM, new JsonObject().put("zone", "Europe/Amsterdam")).expect(200);
  }

  @Test
  @DisplayName("A zone stored before it was checked breaks neither the rhythm's pages nor the prompts of the community")
  void badStoredZoneDoesNotStopTheScheduler() {
    store.upsert("rhythms", "demo-warmtepomp", new JsonObject().put("zone", " "));
    assertEquals("Europe/Amsterdam", fenna.get(RHYTHM).ok().getString("zone"), "read as the default");
    String id = fenna.post("/communities/demo-warmtepomp/prompts", new JsonObject().put("text", "Wat heb je geleerd?"))
        .expect(201).json().getString("id");
    Eventually.await("the prompt to reach the members in the app", Duration.ofSeconds(20), () ->
        PromptMailTest.count(fenna.get("/prompts/" + id + "/deliveries").ok(), "inapp", "sent") > 0 ? true : null);
    assertEquals("Europe/Amsterdam", fenna.put(RHYTHM, new JsonObject().put("quietFrom", "21:00")).ok().getString("zone"),
        "a change to another setting works and repairs nothing it should not");
  }
}
