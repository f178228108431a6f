package nl.leerkring.session;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.core.http.HttpMethod;
import nl.leerkring.support.Person;
import nl.leerkring.support.Response;
import nl.leerkring.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
@DisplayName("Sessions")
class SessionTest {

  private static final String COMMUNITY = "/communities/demo-warmtepomp";
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
  @DisplayName("The next session shows the agreements still open from the last one")
  void openAgreementsCarryOver() {
    JsonObject next = fenna.get("/sessions/demo-s-2").ok();
    JsonArray carried = next.getJsonArray("carriedOverAgreements");
    assertEquals(1, carried.size());
    assertEquals("Uitzoeken wat de fabrikant zegt over buffervaten", carried.getJsonObject(0).getString("what"));

    Person joost = server.demo("joost");
    joost.patch("/sessions/demo-s-1/agreements/demo-a-2", new JsonObject().put("done", true)).expect(200);
    assertEquals(0, fenna.get("/sessions/demo-s-2").ok().getJsonArray("carriedOverAgreements").size());
    assertEquals(403, server.demo("sanne").patch("/sessions/demo-s-1/agreements/demo-a-2",
        new JsonObject().put("done", false)).status());
  }

  @Test
  @DisplayName("The community's list of sessions, read again right after Fenna records who came and Mehmet marks his "
      + "agreement done, shows both (the server keeps listed sessions, and each change drops its copy)")
  void listShowsChangesAtOnce() {
    listed("demo-s-1");

    fenna.put("/sessions/demo-s-1/attendance", new JsonObject().put("present", new JsonArray().add("demo-kees")))
        .expect(200);
    server.demo("mehmet").patch("/sessions/demo-s-1/agreements/demo-a-3", new JsonObject().put("done", true))
        .expect(200);

    JsonObject after = listed("demo-s-1");
    assertEquals(new JsonArray().add("demo-kees"), after.getJsonArray("attendance"));
    assertTrue(after.getJsonArray("agreements").stream().map(a -> (JsonObject) a)
        .anyMatch(a -> "demo-a-3".equals(a.getString("id")) && a.getBoolean("done")), after::encodePrettily);
  }

  private static JsonObject listed(String sessionId) {
    return fenna.get(COMMUNITY + "/sessions").array().stream().map(s -> (JsonObject) s)
        .filter(s -> sessionId.equals(s.getString("id"))).findFirst().orElseThrow();
  }

  @Test
  @DisplayName("A facilitator plans a session in Amsterdam time, runs its phases and records who came")
  void planAndRun() {
    String day = LocalDate.now(ZoneId.of("Europe/Amsterdam")).plusDays(30).toString();
    JsonObject planned = fenna.post(COMMUNITY + "/sessions", new JsonObject()
        .put("startsAt", day + "T15:30").put("place", "Kantine")).expect(201).json();
    assertEquals(day + "T15:30", planned.getString("localStart"));
    assertEquals("planned", planned.getString("status"));
    String path = "/sessions/" + planned.getString("id");

    fenna.patch(path, new JsonObject().put("status", "live").put("phase", "questions")).expect(200);
    fenna.put(path + "/attendance", new JsonObject().put("present", new JsonArray().add("demo-sanne").add("demo-kees")))
        .expect(200);
    JsonObject agreed = fenna.post(path + "/agreements", new JsonObject().put("what", "Filterdatum noteren")
        .put("ownerId", "demo-kees").put("questionId", "demo-q-meten")).expect(201).json();
    JsonObject session = fenna.get(path).ok();
    assertEquals("questions", session.getString("phase"));
    assertEquals(2, session.getJsonArray("attendance").size());
    assertEquals("Kees de Vries", agreed.getJsonArray("agreements").getJsonObject(0).getString("ownerName"));
  }

  @Test
  @DisplayName("Each change to a session makes it newer by its revision: the start, a phase, a timer, who came, an "
      + "agreement, its done mark, a question named, a move; reading it again changes nothing")
  void everyChangeRaisesTheRevision() {
    String day = LocalDate.now(ZoneId.of("Europe/Amsterdam")).plusDays(34).toString();
    String path = "/sessions/" + fenna.post(COMMUNITY + "/sessions", new JsonObject().put("startsAt", day + "T13:00"))
        .expect(201).json().getString("id");
    List<Integer> revisions = new ArrayList<>();
    revisions.add(fenna.get(path).ok().getInteger("revision"));
    revisions.add(fenna.get(path).ok().getInteger("revision"));
    revisions.add(fenna.patch(path, new JsonObject().put("status", "live")).ok().getInteger("revision"));
    revisions.add(fenna.patch(path, new JsonObject().put("phase", "questions")).ok().getInteger("revision"));
    revisions.add(fenna.patch(path, new JsonObject().put("timerMinutes", 10)).ok().getInteger("revision"));
    revisions.add(fenna.put(path + "/attendance", new JsonObject().put("present", new JsonArray().add("demo-kees")))
        .ok().getInteger("revision"));
    JsonObject agreed = fenna.post(path + "/agreements", new JsonObject().put("what", "Filterdatum noteren")
        .put("ownerId", "demo-kees")).expect(201).json();
    revisions.add(agreed.getInteger("revision"));
    String agreement = agreed.getJsonArray("agreements").getJsonObject(0).getString("id");
    revisions.add(server.demo("kees").patch(path + "/agreements/" + agreement, new JsonObject().put("done", true))
        .ok().getInteger("revision"));
    revisions.add(server.demo("sanne").post(path + "/questions", new JsonObject()
        .put("text", "Hoe lang duurt een goede ontdooicyclus?")).expect(201).json().getInteger("revision"));
    revisions.add(fenna.patch(path, new JsonObject().put("startsAt", day + "T14:00")).ok().getInteger("revision"));

    assertEquals(revisions.get(0), revisions.get(1), "reading does not change the session");
    for (int i = 2; i < revisions.size(); i++) {
      assertTrue(revisions.get(i) > revisions.get(i - 1), "change " + (i - 1) + " raised the revision: " + revisions);
    }
  }

  @Test
  @DisplayName("Sanne's phone sends her question in the live session twice (a double tap on a slow network): "
      + "one question, named once in the session")
  void questionInLiveSessionSentTwice() {
    String day = LocalDate.now(ZoneId.of("Europe/Amsterdam")).plusDays(32).toString();
    String path = "/sessions/" + fenna.post(COMMUNITY + "/sessions", new JsonObject().put("startsAt", day + "T09:00"))
        .expect(201).json().getString("id");
    fenna.patch(path, new JsonObject().put("status", "live").put("phase", "questions")).expect(200);
    Person sanne = server.demo("sanne");
    int before = sanne.get(COMMUNITY + "/questions").expect(200).array().size();
    JsonObject question = new JsonObject().put("text", "Hoe vaak moeten we het filter van de buitenunit reinigen?");

    List<Response> both = Person.answers(
        sanne.sendNow(HttpMethod.POST, path + "/questions", question, "live-vraag-7d31"),
        sanne.sendNow(HttpMethod.POST, path + "/questions", question, "live-vraag-7d31"));

    assertEquals(List.of(201, 201), both.stream().map(Response::status).toList(),
        () -> both.stream().map(Response::body).toList().toString());
    assertEquals(before + 1, sanne.get(COMMUNITY + "/questions").expect(200).array().size());
    assertEquals(1, fenna.get(path).ok().getJsonArray("questions").size(), "the session names it once");
  }

  @Test
  @DisplayName("Two facilitators change a live session's status at once (done, back to planned): a finished session is never planned again")
  void concurrentStatusChanges() {
    String day = LocalDate.now(ZoneId.of("Europe/Amsterdam")).plusDays(31).toString();
    String path = "/sessions/" + fenna.post(COMMUNITY + "/sessions", new JsonObject().put("startsAt", day + "T10:00"))
        .expect(201).json().getString("id");
    Person cofacilitator = server.demo("fenna@leerwerkplaats.nl");
    for (int round = 0; round < 3; round++) {
      fenna.patch(path, new JsonObject().put("status", "live")).expect(200);
      List<Response> answers = Person.answers(
          fenna.sendNow(HttpMethod.PATCH, path, new JsonObject().put("status", "done"), null),
          cofacilitator.sendNow(HttpMethod.PATCH, path, new JsonObject().put("status", "planned"), null));

      String now = fenna.get(path).ok().getString("status");
      List<Response> won = answers.stream().filter(a -> a.status() == 200).toList();
      if (won.size() == 2) {
        // Served one after the other; then the only order both may win in is planned first, done after.
        assertEquals("done", now, "a finished session was planned again");
      } else {
        assertEquals(1, won.size(), () -> answers.stream().map(Response::body).toList().toString());
        Response lost = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
        // The loser read the session before the winner wrote (it lost the race) or after (refused outright).
        assertTrue(List.of("session_status_changed", "session_done").contains(lost.errorCode()), lost.body());
        assertEquals(won.get(0).json().getString("status"), now, "the session is as the winner left it");
      }
    }
  }

  @Test
  @DisplayName("A session in the past, an unknown zone, a stranger as owner or attendee are refused")
  void badInput() {
    int before = fenna.get(COMMUNITY + "/sessions").expect(200).array().size();
    assertEquals("startsAt", field(fenna.post(COMMUNITY + "/sessions", new JsonObject().put("startsAt", "2020-01-01T10:00"))));
    assertEquals("zone", field(fenna.post(COMMUNITY + "/sessions", new JsonObject()
        .put("startsAt", "2099-01-01T10:00").put("zone", "Mars/Olympus"))));
    assertEquals(400, fenna.post(COMMUNITY + "/sessions", new JsonObject().put("startsAt", "volgende week")).status());
    assertEquals(before, fenna.get(COMMUNITY + "/sessions").expect(200).array().size());

    assertEquals("ownerId", field(fenna.post("/sessions/demo-s-2/agreements", new JsonObject()
        .put("what", "x").put("ownerId", "demo-anouk"))));
    assertEquals(400, fenna.put("/sessions/demo-s-2/attendance",
        new JsonObject().put("present", new JsonArray().add("demo-dirk"))).status());
    assertEquals(0, fenna.get("/sessions/demo-s-2").ok().getJsonArray("attendance").size());
  }

  private static String field(nl.leerkring.support.Response response) {
    return response.expect(400).json().getJsonObject("error").getJsonObject("details").getString("field");
  }

  @Test
  @DisplayName("Fenna plans a series every two weeks across the start of summer time: each at 09:30 in Amsterdam; Sanne may not")
  void seriesAcrossTheClockChange() {
    LocalDate clocksChange = LocalDate.now(ZoneId.of("Europe/Amsterdam")).plusYears(1).withMonth(3)
        .with(java.time.temporal.TemporalAdjusters.lastInMonth(java.time.DayOfWeek.SUNDAY));
    JsonObject body = new JsonObject().put("startsAt", clocksChange.minusDays(12) + "T09:30")
        .put("zone", "Europe/Amsterdam").put("place", "Kantine")
        .put("series", new JsonObject().put("everyWeeks", 2).put("times", 3));
    assertEquals(403, server.demo("sanne").post(COMMUNITY + "/sessions", body).status());
    assertEquals(400, fenna.post(COMMUNITY + "/sessions", body.copy()
        .put("series", new JsonObject().put("everyWeeks", 2).put("times", 13))).status());

    JsonArray series = fenna.post(COMMUNITY + "/sessions", body).expect(201).json().getJsonArray("series");
    assertEquals(3, series.size());
    List<String> local = series.stream().map(s -> ((JsonObject) s).getString("localStart")).toList();
    assertEquals(List.of(clocksChange.minusDays(12) + "T09:30", clocksChange.plusDays(2) + "T09:30",
        clocksChange.plusDays(16) + "T09:30"), local);
    List<String> utcHours = series.stream().map(s -> ((JsonObject) s).getString("startsAt").substring(11, 16)).toList();
    assertEquals(List.of("08:30", "07:30", "07:30"), utcHours);
    JsonArray listed = fenna.get(COMMUNITY + "/sessions").expect(200).array();
    series.forEach(s -> assertTrue(listed.stream().anyMatch(l -> ((JsonObject) l).getString("id")
        .equals(((JsonObject) s).getString("id"))), "every session of the series is listed"));
  }
}
