package nl.leerkring.session;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import nl.leerkring.support.EventStreams;
import nl.leerkring.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
@DisplayName("Following a session's events")
class SessionEventsTest {

  private static TestServer server;

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.withDemo(vertx);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName("Sanne's open stream gets an event when Fenna moves the session to the next phase")
  void memberGetsThePhaseChange() throws Exception {
    HttpResponse<Stream<String>> stream = follow(browserOf("sanne"), "demo-s-2");
    assertEquals(200, stream.statusCode());
    assertTrue(stream.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
    try (Stream<String> lines = stream.body()) {
      Iterator<String> events = lines.iterator();
      // The stream says it follows only once it listens, so nothing sent after this can be missed.
      assertEquals(": following", EventStreams.lineStartingWith(events, ": following", 5_000));

      server.demo("fenna@leerwerkplaats.nl").patch("/sessions/demo-s-2",
          new JsonObject().put("status", "live").put("phase", "explore")).expect(200);

      JsonObject event = new JsonObject(EventStreams.lineStartingWith(events, "data: ", 5_000).substring("data: ".length()));
      assertEquals("live", event.getString("status"));
      assertEquals("explore", event.getString("phase"));
    }
  }

  @Test
  @DisplayName("Anouk of another company cannot follow the session: to her it does not exist")
  void nonMemberIsRefused() throws Exception {
    assertEquals(404, follow(browserOf("anouk"), "demo-s-2").statusCode());
    assertEquals(404, follow(browserOf("sanne"), "no-such-session").statusCode());
    HttpResponse<Stream<String>> anonymous = follow(HttpClient.newHttpClient(), "demo-s-2");
    assertEquals(303, anonymous.statusCode());
    assertTrue(anonymous.headers().firstValue("Location").orElse("").startsWith("/login"));
  }

  /** A client with its own cookie jar, logged in as one of the demo people. */
  private static HttpClient browserOf(String login) throws Exception {
    HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    HttpResponse<String> answer = client.send(HttpRequest.newBuilder(uri("/api/v1/auth/login"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("login", login)
            .put("password", "welkom2026").encode()))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, answer.statusCode(), answer.body());
    return client;
  }

  private static HttpResponse<Stream<String>> follow(HttpClient client, String sessionId) throws Exception {
    return client.send(HttpRequest.newBuilder(uri("/sessions/" + sessionId + "/events"))
        .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
  }


  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }
}
