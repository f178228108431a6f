package nl.leerkring.monitoring;

import org.junit.jupiter.api.parallel.Isolated;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import nl.leerkring.support.Eventually;
import nl.leerkring.support.LogCapture;
import nl.leerkring.support.MutableClock;
import nl.leerkring.support.Person;
import nl.leerkring.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an operator sees of a running server: the access log, the metrics, and requests that hang being
 * answered 503 instead of waiting forever.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Observability: access log, metrics and the request timeout")
@Isolated("reads the access log and event-loop thread names, which every server in this JVM writes alike")
class ObservabilityTest {

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withPerMethodLifecycle(false);
  private static final long TIMEOUT_MILLIS = 1000;
  private static final Pattern LINE = Pattern.compile("^(GET|POST|PUT|PATCH|DELETE) (\\S+) (\\d{3}) (\\d+) ms$");
  private static TestServer server;
  private static Person sanne;
  private static Person wim;

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.start(vertx, TestServer.temporaryDataDir(), "", true, new MutableClock(), new JsonObject()
        .put("metricsPort", 0).put("metricsHost", "127.0.0.1").put("httpInstances", 2)
        .put("smtpHost", "127.0.0.1").put("smtpPort", SMTP.getSmtp().getPort()));
    sanne = server.demo("sanne");
    wim = server.demo("beheer");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName("Phones on different connections are served on both event loops, through one port")
  void requestsUseEveryEventLoop(Vertx vertx) {
    // Without keep-alive every request is a connection of its own, and the server hands connections round.
    HttpClient phones = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
    try (LogCapture log = LogCapture.of("nl.leerkring.access")) {
      // Connections go round the servers, but a run once found eight in a row on one loop: up to 40 are asked.
      Set<String> loops = Set.of();
      for (int i = 1; i <= 40 && loops.size() < 2; i++) {
        assertEquals(200, phones.request(HttpMethod.GET, server.port(), "127.0.0.1", "/login")
            .compose(request -> request.send()).await().statusCode());
        int sent = i;
        loops = Eventually.await(sent + " access-log lines", Duration.ofSeconds(10),
            () -> log.lines().stream().filter(line -> line.startsWith("GET /login ")).count() >= sent
                ? log.threads("GET /login ") : null);
      }
      assertEquals(2, loops.stream().filter(thread -> thread.startsWith("vert.x-eventloop-thread")).count(),
          "served on " + loops);
    } finally {
      phones.close().await();
    }
  }

  @Test
  @DisplayName("Each request leaves one access-log line: method, route pattern, status, milliseconds; no ids, tokens, queries or cookies")
  void accessLog() {
    try (LogCapture log = LogCapture.of("nl.leerkring.access")) {
      sanne.get("/communities/demo-warmtepomp/activity?limit=5").expect(200);
      sanne.page("/c/demo-warmtepomp").expect(200);
      sanne.page("/join/ThisIsNoInvitationTokenAtAllReally123").expect(404);
      server.anonymous().post("/auth/login", new JsonObject().put("login", "sanne").put("password", "not-her-password"))
          .expect(401);
      server.anonymous().page("/no/such/Page0123456789abcdefXYZ/here").expect(404);

      List<String> expected = List.of(
          "GET /api/v1/communities/{communityId}/activity 200",
          "GET /c/:communityId 200",
          "GET /join/:token 404",
          "POST /api/v1/auth/login 401",
          "GET /no/such/{id}/here 404");
      // A line of a request made before the capture began (a login of the class's set-up) may still arrive.
      List<String> lines = Eventually.await("the five access-log lines", Duration.ofSeconds(10),
          () -> routes(log.lines()).containsAll(expected) ? log.lines() : null);
      lines.forEach(line -> assertTrue(LINE.matcher(line).matches(), line));
      List<String> ours = routes(lines).stream().filter(expected::contains).toList();
      assertEquals(expected, ours, "in the order the requests were made");
      String all = String.join("\n", lines);
      for (String secret : List.of("demo-warmtepomp", "limit", "ThisIsNoInvitation", "sanne", "not-her-password",
          "Page0123456789")) {
        assertFalse(all.contains(secret), () -> secret + " in the access log:\n" + all);
      }
    }
  }

  @Test
  @DisplayName("The installation administrator reads the metrics after requests; others are refused; Prometheus scrapes its own port")
  void metrics() {
    sanne.get("/communities/demo-warmtepomp/activity?limit=5").expect(200);
    server.demo("fenna@leerwerkplaats.nl").post("/communities/demo-warmtepomp/prompts",
        new JsonObject().put("text", "Wat viel je deze week op bij het inregelen?")).expect(201);
    wim.post("/installation/organisations/demo-delinde/admin-invitations", new JsonObject()
        .put("displayName", "Marloes Kok").put("email", "marloes@delinde.example")).expect(201);

    HttpClient client = server.vertx().createHttpClient();
    HttpClientResponse stream = client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
            .setPort(server.port()).setURI("/sessions/demo-s-2/events").putHeader("Cookie", loginCookie(client, "sanne")))
        .compose(request -> request.send()).await();
    assertEquals(200, stream.statusCode());

    String scraped = Eventually.await("the prompt's job and the open stream in the metrics", Duration.ofSeconds(10), () -> {
      String text = wim.page("/metrics").expect(200).body();
      return text.contains("leerkring_jobs_total{kind=\"prompt\"") && text.contains("leerkring_sessions_live_streams 1.0")
          && count(text, "leerkring_mails_total{result=\"sent\"}") >= 1
          && count(text, "leerkring_eventloop_delay_seconds_count") >= 1 ? text : null;
    });
    assertTrue(count(scraped, "leerkring_http_requests_seconds_count{method=\"GET\",route=\"/api/v1/communities/{communityId}/activity\",status=\"200\"}") >= 1,
        scraped);
    assertTrue(scraped.contains("leerkring_http_requests_seconds_bucket{method=\"GET\",route=\"/api/v1/communities/{communityId}/activity\",status=\"200\",le="),
        "a latency histogram");
    assertTrue(count(scraped, "leerkring_store_commands_seconds_count{command=\"find\",outcome=\"ok\"}") >= 1, "store latency");
    assertTrue(count(scraped, "leerkring_eventloop_delay_seconds_count") >= 1, "event-loop delay");
    assertTrue(scraped.contains("leerkring_jobs_due "), "due jobs");
    assertTrue(count(scraped, "leerkring_jobs_total{kind=\"mail\",result=\"sent\"}") >= 1, "the mail's job");
    assertEquals(0, count(scraped, "leerkring_mails_total{result=\"failed\"}"), "no failed mail");
    assertTrue(scraped.contains("leerkring_sessions_live_streams "), "live-session streams");

    assertEquals(403, sanne.page("/metrics").status());
    assertEquals("forbidden", new JsonObject(sanne.page("/metrics").body()).getJsonObject("error").getString("code"));
    assertEquals(401, server.anonymous().page("/metrics").status());

    try {
      String separate = client.request(new RequestOptions().setHost("127.0.0.1").setPort(server.metricsPort()).setURI("/metrics"))
          .compose(request -> request.send().compose(HttpClientResponse::body)).await().toString();
      assertTrue(separate.contains("leerkring_http_requests_seconds_count"), separate);
    } finally {
      client.close().await();
    }
  }

  @Test
  @DisplayName("A request that hangs is answered 503 after the timeout, and the log says which route")
  void hangingRequest(Vertx vertx) throws IOException {
    // A server of its own with a short timeout and only requests that need no login: on a busy machine a
    // login (a slow password hash on purpose) could take longer than this timeout itself.
    try (TestServer quick = TestServer.start(vertx, TestServer.temporaryDataDir(), "", false, new MutableClock(),
             new JsonObject().put("requestTimeoutMillis", TIMEOUT_MILLIS));
         LogCapture timeouts = LogCapture.of(RequestTimeout.class);
         LogCapture access = LogCapture.of("nl.leerkring.access")) {
      long started = System.nanoTime();
      String statusLine = hang(quick.port(), "/api/v1/auth/login");
      long waited = Duration.ofNanos(System.nanoTime() - started).toMillis();
      assertTrue(statusLine.startsWith("HTTP/1.1 503"), statusLine);
      assertTrue(waited >= TIMEOUT_MILLIS - 100, () -> "answered after " + waited + " ms");
      Eventually.await("the timeout in the log", Duration.ofSeconds(5), () -> timeouts.lines().stream()
          .filter(line -> line.contains("No answer within " + TIMEOUT_MILLIS + " ms") && line.contains("/api/v1/auth/login"))
          .findFirst().orElse(null));
      Eventually.await("the 503 in the access log", Duration.ofSeconds(5), () -> access.lines().stream()
          .filter(line -> line.startsWith("POST /api/v1/auth/login 503 ")).findFirst().orElse(null));
      quick.anonymous().get("/health").expect(200);
    }
  }

  /** Logs in with a plain HTTP client, which then holds the stream open as a browser's EventSource does. */
  private static String loginCookie(HttpClient client, String login) {
    HttpClientResponse response = client.request(new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1")
            .setPort(server.port()).setURI("/api/v1/auth/login").putHeader("Content-Type", "application/json"))
        .compose(request -> request.send(new JsonObject().put("login", login).put("password", "welkom2026").encode()))
        .await();
    assertEquals(200, response.statusCode());
    return response.cookies().stream().filter(c -> c.startsWith("lk_session=")).findFirst().orElseThrow().split(";")[0];
  }

  /** Sends a request whose body never arrives in full, and reads the status line of the answer. */
  private static String hang(int port, String path) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "Content-Length: 200\r\n\r\n{\"login\":").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
    }
  }

  /** Each line as "METHOD route status". */
  private static List<String> routes(List<String> lines) {
    return lines.stream().map(LINE::matcher).filter(Matcher::matches)
        .map(m -> m.group(1) + " " + m.group(2) + " " + m.group(3)).toList();
  }

  private static double count(String scraped, String series) {
    for (String line : scraped.split("\n")) {
      if (line.startsWith(series + " ")) {
        return Double.parseDouble(line.substring(series.length() + 1).trim());
      }
    }
    return -1;
  }
}
