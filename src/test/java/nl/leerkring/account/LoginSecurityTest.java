package nl.leerkring.account;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import nl.leerkring.support.MutableClock;
import nl.leerkring.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Logging in cannot be turned against people: no redirect to another site, no login planted by another
 * site, no lock-out of a colleague by guessing their password. The server trusts the loopback proxy, so each
 * scenario plays its own client address through X-Forwarded-For.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Logging in safely")
class LoginSecurityTest {

  private static TestServer server;
  private static WebClient browser;

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.start(vertx, TestServer.temporaryDataDir(), "", true, new MutableClock(),
        new JsonObject().put("trustedProxies", new JsonArray().add("127.0.0.1")).put("loginAttemptsPerAddress", 20));
    browser = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false).setDefaultHost("127.0.0.1"));
  }

  @AfterAll
  static void stop() {
    browser.close();
    server.close();
  }

  private static HttpResponse<Buffer> formPost(String path, String client, Map<String, String> headers,
                                              Map<String, String> fields) {
    MultiMap form = MultiMap.caseInsensitiveMultiMap();
    fields.forEach(form::add);
    var request = browser.post(server.port(), "127.0.0.1", path).timeout(5_000).putHeader("X-Forwarded-For", client);
    headers.forEach(request::putHeader);
    return request.sendForm(form).await();
  }

  private static HttpResponse<Buffer> apiLogin(String client, String login, String password) {
    return browser.post(server.port(), "127.0.0.1", "/api/v1/auth/login").timeout(5_000)
        .putHeader("X-Forwarded-For", client)
        .sendJsonObject(new JsonObject().put("login", login).put("password", password)).await();
  }

  @Test
  @DisplayName("After logging in or choosing a language, a crafted next= never leads off the site or breaks the answer")
  void nextStaysOnTheSite() {
    for (String next : new String[] {"/\t/example.org", "/\n/example.org", "//example.org", "/\\example.org",
        "https://example.org", "/ok\r\nSet-Cookie: evil=1"}) {
      var language = formPost("/language", "192.0.2.1", Map.of(), Map.of("language", "en", "next", next));
      assertEquals(303, language.statusCode(), () -> "language with next=" + next.replace("\t", "\\t"));
      assertEquals("/", language.getHeader("Location"), () -> "language with next=" + next);
    }
    var login = formPost("/login", "192.0.2.1", Map.of(),
        Map.of("login", "priya", "password", "welkom2026", "next", "/ok\r\nSet-Cookie: evil=1"));
    assertEquals(303, login.statusCode());
    assertEquals("/", login.getHeader("Location"));
    var tab = formPost("/login", "192.0.2.1", Map.of(),
        Map.of("login", "priya", "password", "welkom2026", "next", "/\t/example.org"));
    assertEquals("/", tab.getHeader("Location"));
    var fine = formPost("/login", "192.0.2.1", Map.of(),
        Map.of("login", "priya", "password", "welkom2026", "next", "/journal?x=1"));
    assertEquals("/journal?x=1", fine.getHeader("Location"));
  }

  @Test
  @DisplayName("A login form posted from another site does not log the browser in; one from this site does")
  void crossSiteLoginIsRefused() {
    var foreign = formPost("/login", "192.0.2.2", Map.of("Origin", "https://evil.example"),
        Map.of("login", "lotte", "password", "welkom2026"));
    assertEquals(403, foreign.statusCode());
    assertTrue(foreign.cookies().stream().noneMatch(c -> c.startsWith("lk_session=") && !c.startsWith("lk_session=;")),
        foreign.cookies()::toString);
    var foreignReferer = formPost("/login", "192.0.2.2", Map.of("Referer", "https://evil.example/page"),
        Map.of("login", "lotte", "password", "welkom2026"));
    assertEquals(403, foreignReferer.statusCode());
    var api = browser.post(server.port(), "127.0.0.1", "/api/v1/auth/login").timeout(5_000)
        .putHeader("Origin", "https://evil.example")
        .sendJsonObject(new JsonObject().put("login", "lotte").put("password", "welkom2026")).await();
    assertEquals(403, api.statusCode());
    assertEquals("forbidden", api.bodyAsJsonObject().getJsonObject("error").getString("code"));

    var own = formPost("/login", "192.0.2.2", Map.of("Origin", "http://127.0.0.1:" + server.port()),
        Map.of("login", "lotte", "password", "welkom2026"));
    assertEquals(303, own.statusCode());
    var configured = formPost("/login", "192.0.2.2", Map.of("Origin", "http://localhost:8080"),
        Map.of("login", "lotte", "password", "welkom2026"));
    assertEquals(303, configured.statusCode(), "the origin of publicUrl");
  }

  @Test
  @DisplayName("One client trying many names is stopped with 429 and Retry-After")
  void oneClientManyNames() {
    int refused = 0;
    String retryAfter = null;
    for (int i = 0; i < 40; i++) {
      var response = apiLogin("203.0.113.7", "nobody" + i, "geraden" + i);
      if (response.statusCode() == 429) {
        refused++;
        retryAfter = response.getHeader("Retry-After");
      } else {
        assertEquals(401, response.statusCode());
      }
    }
    assertEquals(20, refused, "the address has 20 attempts per window");
    assertNotNull(retryAfter);
    assertTrue(Integer.parseInt(retryAfter) > 0, retryAfter);
    assertEquals(200, apiLogin("203.0.113.8", "mehmet", "welkom2026").statusCode(), "another client is not affected");
  }

  @Test
  @DisplayName("Someone guessing a colleague's password slows down that login; the colleague gets in after a short wait")
  void guessingDoesNotLockTheOwnerOut() {
    for (int i = 0; i < 15; i++) {
      int status = apiLogin("198.51.100." + (i + 1), "joost", "raden" + i).statusCode();
      assertTrue(status == 401 || status == 429, "attempt " + i + ": " + status);
    }
    var owner = apiLogin("198.51.100.200", "joost", "welkom2026");
    if (owner.statusCode() == 429) {
      String retryAfter = owner.getHeader("Retry-After");
      assertNotNull(retryAfter, "a refused login says when to try again");
      assertTrue(Integer.parseInt(retryAfter) <= 60, "a short pause, no lock-out: " + retryAfter);
      server.clock().advance(Duration.ofSeconds(Integer.parseInt(retryAfter)));
      owner = apiLogin("198.51.100.200", "joost", "welkom2026");
    }
    assertEquals(200, owner.statusCode(), owner::bodyAsString);
    // And the guesser's back-off shows: an immediate wrong try after the pause is refused again.
    var again = apiLogin("198.51.100.1", "joost", "raden99");
    assertEquals(401, again.statusCode(), "a success ends the back-off");
  }

  @Test
  @DisplayName("Every answer carries the headers that keep pages from being framed, rebased or posted elsewhere")
  void headers() {
    var page = browser.get(server.port(), "127.0.0.1", "/login").timeout(5_000).send().await();
    String csp = page.getHeader("Content-Security-Policy");
    assertTrue(csp.contains("default-src 'self'"), csp);
    assertTrue(csp.contains("frame-ancestors 'none'"), csp);
    assertTrue(csp.contains("base-uri 'none'"), csp);
    assertTrue(csp.contains("form-action 'self'"), csp);
    assertEquals("DENY", page.getHeader("X-Frame-Options"));
    assertEquals("nosniff", page.getHeader("X-Content-Type-Options"));
    assertEquals("same-origin", page.getHeader("Referrer-Policy"));
    assertEquals("no-store", page.getHeader("Cache-Control"));
    assertEquals(null, page.getHeader("Strict-Transport-Security"), "plain http: browsers ignore it, so it is left out");
  }

  @Test
  @DisplayName("With an https publicUrl, browsers are told to use https only")
  void hstsOnHttps(Vertx vertx) {
    try (TestServer https = TestServer.start(vertx, TestServer.temporaryDataDir(), "", false, new MutableClock(),
        new JsonObject().put("publicUrl", "https://leerkring.example.nl"))) {
      var page = browser.get(https.port(), "127.0.0.1", "/login").timeout(5_000).send().await();
      String hsts = page.getHeader("Strict-Transport-Security");
      assertNotNull(hsts);
      assertTrue(hsts.startsWith("max-age=31536000"), "a year: " + hsts);
      assertFalse(hsts.contains("preload"), "preloading is the operator's decision");
    }
  }
}
