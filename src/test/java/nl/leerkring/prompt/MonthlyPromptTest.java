package nl.leerkring.prompt;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import nl.leerkring.platform.jobs.Jobs;
import nl.leerkring.support.Eventually;
import nl.leerkring.support.MutableClock;
import nl.leerkring.support.Person;
import nl.leerkring.support.Response;
import nl.leerkring.support.SharedStore;
import nl.leerkring.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Monthly prompts through the API and the scheduler, on a clock the test moves: each occurrence is due on the
 * day the rule names (the job says when) and reaches the members once the clock gets there. Nobody waits.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Monthly prompts")
class MonthlyPromptTest {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final String COMMUNITY = "/communities/demo-warmtepomp";

  private static SharedStore store;
  private static MutableClock clock;
  private static TestServer server;

  @BeforeAll
  static void start(Vertx vertx) {
    store = new SharedStore(vertx);
    clock = new MutableClock();
    clock.set(Instant.parse("2027-01-30T09:00:00Z"));
    server = TestServer.start(vertx, TestServer.temporaryDataDir(), store.uri(), true, clock, new JsonObject());
  }

  @AfterAll
  static void stop() {
    server.close();
    store.close();
  }

  @Test
  @DisplayName("Every month from 31 January at 09:00, three times: on 31 January, 28 February and 31 March (summer time), then no more")
  void onThe31st() {
    String id = fenna().post(COMMUNITY + "/prompts", new JsonObject()
            .put("text", "Wat heb je deze maand geleerd dat je collega's moeten weten?")
            .put("sendAt", "2027-01-31T09:00")
            .put("repeat", new JsonObject().put("every", "month").put("times", 3)))
        .expect(201).json().getString("id");
    assertEquals(Instant.parse("2027-01-31T08:00:00Z"), due(id, 1));

    clock.set(Instant.parse("2027-01-31T08:00:01Z"));
    assertLocalTime(delivered(id), "2027-01-31T09:00");
    assertEquals(Instant.parse("2027-02-28T08:00:00Z"), due(id, 2), "the 31st of a short month is its last day");

    clock.set(Instant.parse("2027-02-28T08:00:01Z"));
    assertLocalTime(delivered(id + "-2"), "2027-02-28T09:00");
    assertEquals(Instant.parse("2027-03-31T07:00:00Z"), due(id, 3), "09:00 in summer time, the 31st again");

    clock.set(Instant.parse("2027-03-31T07:00:01Z"));
    assertLocalTime(delivered(id + "-3"), "2027-03-31T09:00");
    Eventually.await("the third occurrence to finish", Duration.ofSeconds(30),
        () -> store.findOne(Jobs.FINISHED, "prompt:" + id + ":3"));
    assertNull(store.findOne(Jobs.JOBS, "prompt:" + id + ":4"), "three times in all");
  }

  @Test
  @DisplayName("A monthly rule on a day no month has, or a repeat the contract does not know, is refused and nothing is planned")
  void refused() {
    Response day32 = fenna().post(COMMUNITY + "/prompts", new JsonObject().put("text", "Wat leerde je?")
        .put("repeat", new JsonObject().put("every", "month").put("dayOfMonth", 32)));
    assertEquals(400, day32.status());
    assertEquals("repeat/dayOfMonth", day32.json().getJsonObject("error").getJsonObject("details").getString("field"));
    assertEquals(400, fenna().post(COMMUNITY + "/prompts", new JsonObject().put("text", "Wat leerde je?")
        .put("repeat", new JsonObject().put("every", "year"))).status());
    assertEquals(403, server.demo("sanne").post(COMMUNITY + "/prompts", new JsonObject().put("text", "Wat leerde je?")
        .put("repeat", new JsonObject().put("every", "month"))).status());
  }

  private static Person fenna() {
    return server.demo("fenna@leerwerkplaats.nl");
  }

  /** When the scheduler is to send an occurrence, as its job says. */
  private static Instant due(String promptId, int occurrence) {
    JsonObject job = Eventually.await("occurrence " + occurrence + " to be planned", Duration.ofSeconds(30),
        () -> store.findOne(Jobs.JOBS, "prompt:" + promptId + ":" + occurrence));
    return Jobs.at(job);
  }

  /** The prompt as it reached Sanne, once it has (she logs in again: the clock moved past her last login). */
  private static JsonObject delivered(String promptId) {
    Person sanne = server.demo("sanne");
    return Eventually.await("prompt " + promptId + " to reach Sanne", Duration.ofSeconds(30), () ->
        sanne.get("/me/prompts").expect(200).array().stream().map(p -> (JsonObject) p)
            .filter(p -> promptId.equals(p.getString("id"))).findFirst().orElse(null));
  }

  private static void assertLocalTime(JsonObject prompt, String expected) {
    assertEquals(LocalDateTime.parse(expected), LocalDateTime.ofInstant(Instant.parse(prompt.getString("sendAt")),
        AMSTERDAM).truncatedTo(ChronoUnit.MINUTES));
  }
}
