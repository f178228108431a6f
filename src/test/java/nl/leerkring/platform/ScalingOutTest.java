package nl.leerkring.platform;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import nl.leerkring.demo.DemoData;
import nl.leerkring.support.Cluster;
import nl.leerkring.support.EventStreams;
import nl.leerkring.support.Eventually;
import nl.leerkring.support.Person;
import nl.leerkring.support.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two server processes (A and B) on one database served by a third, as an operator scales out behind a load
 * balancer without sticky sessions. Started once for the class: the processes take seconds to start.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Two server processes on one database")
// Runs beside the other test classes (it mostly waits on its processes); its own scenarios one by one.
@Execution(ExecutionMode.CONCURRENT)
class ScalingOutTest {

  private static final Duration IDLE = Duration.ofSeconds(3);

  @TempDir
  static Path directory;
  private static Cluster cluster;

  @BeforeAll
  static void start(Vertx vertx) {
    cluster = Cluster.start(vertx, directory, 2);
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Execution(ExecutionMode.SAME_THREAD)
  @DisplayName("Both started together on an empty database, and the demo was loaded once: no person, member or "
      + "activity entry twice")
  void demoLoadedOnce() {
    assertEquals(1, cluster.serverLines("Empty store: loading the demo").size(),
        () -> "the demo was loaded more than once: " + cluster.serverLines("demo"));
    Person fenna = cluster.server(1).demo("fenna@leerwerkplaats.nl");
    JsonArray members = fenna.get("/communities/demo-warmtepomp").ok().getJsonArray("members");
    assertEquals(members.size(), distinct(members.stream().map(m -> ((JsonObject) m).getString("userId")).toList()),
        "a member twice: " + members);
    JsonArray activity = fenna.get("/communities/demo-warmtepomp/activity?limit=100").ok().getJsonArray("items");
    List<String> entries = activity.stream().map(e -> ((JsonObject) e).copy()).map(e -> {
      e.remove("id");
      e.remove("seq");
      return e.encode();
    }).toList();
    assertTrue(entries.size() > 1, "the demo has activity");
    assertEquals(entries.size(), distinct(entries), "an activity entry twice: " + activity);
  }

  @Test
  @Execution(ExecutionMode.SAME_THREAD)
  @DisplayName("Sanne logs in on A, and the next request, which the load balancer sends to B, is still hers")
  void loginOnAWorksOnB() {
    Person sanneOnA = cluster.server(0).demo("sanne");
    Person sanneOnB = cluster.server(1).anonymous().adopt(sanneOnA.me());
    sanneOnB.copyLoginFrom(sanneOnA);
    assertEquals(sanneOnA.id(), sanneOnB.get("/me").ok().getString("id"));
    String noteId = sanneOnB.post("/communities/demo-warmtepomp/notes", new JsonObject().put("kind", "observation")
        .put("text", "Geschreven via B met de login van A")).expect(201).json().getString("id");
    assertEquals("Geschreven via B met de login van A", sanneOnA.get("/notes/" + noteId).ok().getString("text"));
  }

  @Test
  @Execution(ExecutionMode.SAME_THREAD)
  @DisplayName("Fenna taps close on her laptop through A and on her phone through B at once: one closes the cycle, "
      + "the other gets 409, and there is one next cycle")
  void concurrentClosesOnTwoProcesses() {
    Person fennaOnA = cluster.server(0).demo("fenna@leerwerkplaats.nl");
    Person fennaOnB = cluster.server(1).anonymous().adopt(fennaOnA.me());
    fennaOnB.copyLoginFrom(fennaOnA);
    String community = "/communities/" + DemoData.CARE_COMMUNITY;
    int current = fennaOnA.get(community).ok().getInteger("currentCycle");
    JsonObject closing = new JsonObject()
        .put("harvest", new JsonObject().put("learned", "Tilliften vragen om twee handen.")
            .put("changedInWork", "We plannen tilmomenten samen.").put("stillOpen", "De nachtdienst."))
        .put("nextSteps", new JsonArray().add("Tilrooster proberen")).put("nextGoal", "Veilig tillen 's nachts");

    List<Response> answers = Person.answers(
        fennaOnA.sendNow(HttpMethod.POST, community + "/cycles/" + current + "/close", closing, null),
        fennaOnB.sendNow(HttpMethod.POST, community + "/cycles/" + current + "/close", closing, null));

    assertEquals(List.of(200, 409), answers.stream().map(Response::status).sorted().toList(),
        () -> answers.stream().map(Response::body).toList().toString());
    assertEquals(current + 1, fennaOnB.get(community).ok().getInteger("currentCycle"));
    assertEquals(current + 1, fennaOnA.get(community + "/cycles").expect(200).array().size());
  }

  @Test
  @Execution(ExecutionMode.SAME_THREAD)
  @DisplayName("Sanne's phone sends one note to A and, retrying with the same key, to B at once: one note, both "
      + "answers point to it")
  void retriedNoteOnTwoProcessesMakesOneNote() {
    Person sanneOnA = cluster.server(0).demo("sanne");
    Person sanneOnB = cluster.server(1).anonymous().adopt(sanneOnA.me());
    sanneOnB.copyLoginFrom(sanneOnA);
    int journal = sanneOnA.get("/me/journal").expect(200).array().size();
    JsonObject note = new JsonObject().put("kind", "observation").put("text", "Druk viel weg bij 48 graden.");

    List<Response> both = Person.answers(
        sanneOnA.sendNow(HttpMethod.POST, "/communities/demo-warmtepomp/notes", note, "note-twee-processen-1"),
        sanneOnB.sendNow(HttpMethod.POST, "/communities/demo-warmtepomp/notes", note, "note-twee-processen-1"));

    assertEquals(List.of(201, 201), both.stream().map(Response::status).toList(),
        () -> both.stream().map(Response::body).toList().toString());
    assertEquals(both.get(0).json().getString("id"), both.get(1).json().getString("id"));
    assertEquals(journal + 1, sanneOnB.get("/me/journal").expect(200).array().size());
  }

  @Test
  @Execution(ExecutionMode.SAME_THREAD)
  @DisplayName("Sanne logs out through A; her login, just used on B, stops working on B within 2 seconds")
  void logoutOnAReachesB() {
    Person sanneOnA = cluster.server(0).demo("sanne");
    Person sanneOnB = cluster.server(1).anonymous().adopt(sanneOnA.me());
    sanneOnB.copyLoginFrom(sanneOnA);
    assertEquals(sanneOnA.id(), sanneOnB.get("/me").ok().getString("id"));

    sanneOnA.post("/auth/logout", null).expect(204);
    Eventually.await("B to refuse the ended login", Duration.ofSeconds(2),
        () -> sanneOnB.get("/me").status() == 401 ? true : null);
  }

  @Test
  @Execution(ExecutionMode.SAME_THREAD)
  @DisplayName("Fenna makes Lotte a lecturer on A, then removes Bram: B, which keeps the community it read, shows "
      + "Lotte's new role and refuses Bram within 2 seconds")
  void roleChangeAndRemovalOnAReachB() {
    Person fennaOnA = cluster.server(0).demo("fenna@leerwerkplaats.nl");
    Person lotteOnB = cluster.server(1).demo("lotte");
    Person bramOnB = cluster.server(1).demo("bram");
    String community = "/communities/demo-warmtepomp";
    assertEquals("participant", lotteOnB.get(community).ok().getString("myRole"));
    bramOnB.get(community + "/questions").expect(200);

    fennaOnA.put(community + "/members/demo-lotte", new JsonObject().put("role", "lecturer")).ok();
    Eventually.await("B to show Lotte's new role", Duration.ofSeconds(2),
        () -> "lecturer".equals(lotteOnB.get(community).ok().getString("myRole")) ? true : null);

    fennaOnA.delete(community + "/members/demo-bram").expect(204);
    Eventually.await("B to refuse Bram", Duration.ofSeconds(2),
        () -> bramOnB.get(community + "/questions").status() == 404 ? true : null);
  }

  @Test
  @Execution(ExecutionMode.SAME_THREAD)
  @DisplayName("Fenna moves the live session to the next phase on A, and Sanne's phone, following it through B, "
      + "has the change within 2 seconds")
  void liveSessionChangeReachesB() throws Exception {
    Person fennaOnA = cluster.server(0).demo("fenna@leerwerkplaats.nl");
    // Her phone logs in through A and keeps the cookie (for the host, whatever the port) when B answers.
    HttpClient phone = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    HttpResponse<String> login = phone.send(HttpRequest.newBuilder(uri(0, "/api/v1/auth/login"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("login", "sanne")
            .put("password", "welkom2026").encode()))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, login.statusCode(), login.body());
    HttpResponse<Stream<String>> stream = phone.send(HttpRequest.newBuilder(uri(1, "/sessions/demo-s-2/events"))
        .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
    assertEquals(200, stream.statusCode());
    try (Stream<String> lines = stream.body()) {
      Iterator<String> line = lines.iterator();
      // B says it follows only once it listens, so nothing sent after this can pass it by.
      EventStreams.lineStartingWith(line, ": following", 5_000);

      fennaOnA.patch("/sessions/demo-s-2", new JsonObject().put("status", "live").put("phase", "explore"))
          .expect(200);
      // Within 2 s of A confirming the change (an event that came sooner is already in the stream's buffer).
      JsonObject event = new JsonObject(EventStreams.lineStartingWith(line, "data: ", 2_000).substring("data: ".length()));
      assertEquals("live", event.getString("status"));
      assertEquals("explore", event.getString("phase"));
    }
  }

  @Test
  @Execution(ExecutionMode.SAME_THREAD)
  @DisplayName("While no one does anything, following live changes costs the database almost no CPU")
  void idleChangeStreamsWait() throws Exception {
    // Each process keeps a change stream open. Without the store waiting for the next write, as a replica set
    // does, the driver asked again at once: the store then used about half a core, each server a third.
    // The quieter of two windows: a server that started moments ago may still be building its search index.
    Duration used = null;
    for (int window = 0; window < 2; window++) {
      Duration before = cluster.store().process.cpu();
      Thread.sleep(IDLE.toMillis());
      Duration spent = cluster.store().process.cpu().minus(before);
      used = used == null || spent.compareTo(used) < 0 ? spent : used;
    }
    assertTrue(used.compareTo(IDLE.dividedBy(6)) < 0, "the store used " + used.toMillis() + " ms CPU in "
        + IDLE.toMillis() + " ms without requests");
  }

  private static URI uri(int server, String path) {
    return URI.create("http://127.0.0.1:" + cluster.server(server).port() + path);
  }

  private static int distinct(List<String> values) {
    Set<String> seen = new HashSet<>(values);
    return seen.size();
  }

}
