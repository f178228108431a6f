package nl.leerkring.sso;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.client.WebClientSession;
import io.vertx.junit5.VertxExtension;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import nl.leerkring.support.LogCapture;
import nl.leerkring.support.Person;
import nl.leerkring.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Van Dijk signs its people in with its own OpenID Connect provider: a real one (mock-oauth2-server) in this
 * JVM, which issues signed tokens with the claims each scenario chooses. A browser without JavaScript is played
 * by a web client that keeps its cookies and follows each redirect by hand: to the provider and back.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Signing in with the company's own identity provider")
class SsoSignInTest {

  private static final String SECRET = "van-dijk-client-secret-4711";
  private static final String CLIENT_ID = "leerkring-vandijk";
  private static final String DOMAIN = "vandijk-installatie.nl";
  private static final String INGRID = "hr@vandijk-installatie.nl";
  private static final Pattern REASON = Pattern.compile("data-reason=\"([a-z_]+)\"");

  private static MockOAuth2Server provider;
  private static TestServer server;
  private static WebClient web;
  private static LogCapture log;
  private static String issuer;

  @BeforeAll
  static void start(Vertx vertx) {
    log = LogCapture.of(Logger.ROOT_LOGGER_NAME);
    provider = new MockOAuth2Server();
    provider.start();
    issuer = provider.issuerUrl("vandijk").toString();
    server = TestServer.withDemo(vertx);
    web = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false));
    server.demo(INGRID).put("/organisations/demo-vandijk/sso", settings(issuer, SECRET, DOMAIN)).expect(200);
  }

  @AfterAll
  static void stop() {
    log.close();
    web.close();
    server.close();
    provider.shutdown();
  }

  private static JsonObject settings(String issuer, String secret, String... domains) {
    JsonObject body = new JsonObject().put("issuer", issuer).put("clientId", CLIENT_ID)
        .put("domains", new JsonArray(java.util.List.of((Object[]) domains)));
    return secret == null ? body : body.put("clientSecret", secret);
  }

  /** The provider signs the next person in as {@code subject} with these claims, for {@code expiry} seconds. */
  private static void providerSignsIn(String subject, Map<String, Object> claims, long expiry) {
    provider.enqueueCallback(new DefaultOAuth2TokenCallback("vandijk", subject, "JWT", null, claims, expiry));
  }

  private static Map<String, Object> email(String address, boolean verified) {
    Map<String, Object> claims = new HashMap<>();
    claims.put("email", address);
    claims.put("email_verified", verified);
    return claims;
  }

  // ---------------------------------------------------------------------------------------------------------

  @Test
  @DisplayName("Ingrid types her work address, signs in at Van Dijk's provider and lands where she was going, logged in")
  void signsInEndToEnd() {
    providerSignsIn("ingrid-at-vandijk", email(INGRID, true), 3600);
    Browser ingrid = new Browser();
    HttpResponse<Buffer> back = ingrid.signIn(INGRID);
    assertEquals(303, back.statusCode(), back::bodyAsString);
    assertEquals("/admin", back.getHeader("Location"));
    assertEquals("demo-ingrid", ingrid.me().getString("id"));
    assertEquals(200, ingrid.get("/admin").statusCode(), "her pages work as after a password login");

    // The next time the link finds her, whatever address the provider names.
    providerSignsIn("ingrid-at-vandijk", email("ingrid.de.boer@" + DOMAIN, false), 3600);
    Browser again = new Browser();
    assertEquals(303, again.signIn(INGRID).statusCode());
    assertEquals("demo-ingrid", again.me().getString("id"));

    String trail = server.demo(INGRID).get("/organisations/demo-vandijk/audit").expect(200).body();
    assertTrue(trail.contains("sso.linked") && trail.contains("\"by\":\"email\""), trail);
  }

  @Test
  @DisplayName("Sanne, whose login is no address, proves her account with her password once; then her company account is enough")
  void linksAnExistingLoginOnce() {
    providerSignsIn("sanne-at-vandijk", email("s.visser@" + DOMAIN, true), 3600);
    Browser sanne = new Browser();
    HttpResponse<Buffer> back = sanne.signIn("s.visser@" + DOMAIN);
    assertEquals(303, back.statusCode(), back::bodyAsString);
    assertEquals("/login/sso/link", back.getHeader("Location"));
    assertEquals(401, sanne.meStatus(), "not logged in before she proves an account");
    HttpResponse<Buffer> form = sanne.get("/login/sso/link");
    assertEquals(200, form.statusCode());
    assertTrue(form.bodyAsString().contains("s.visser@" + DOMAIN), "the page names the address the provider gave");

    HttpResponse<Buffer> wrong = sanne.post("/login/sso/link", Map.of("login", "sanne", "password", "niet-haar-wachtwoord"));
    assertEquals(401, wrong.statusCode());
    assertTrue(wrong.bodyAsString().contains("horen niet bij elkaar"), wrong.bodyAsString());
    HttpResponse<Buffer> foreign = sanne.post("/login/sso/link", Map.of("login", "anouk", "password", "welkom2026"));
    assertEquals(400, foreign.statusCode());
    assertTrue(foreign.bodyAsString().contains("id=\"login-error\""), "the refusal stands next to the login field");
    assertEquals(401, sanne.meStatus(), "neither attempt logged her in or linked anything");

    HttpResponse<Buffer> linked = sanne.post("/login/sso/link", Map.of("login", "sanne", "password", "welkom2026"));
    assertEquals(303, linked.statusCode(), linked::bodyAsString);
    assertEquals("demo-sanne", sanne.me().getString("id"));

    providerSignsIn("sanne-at-vandijk", Map.of(), 3600);
    Browser later = new Browser();
    assertEquals(303, later.signIn("sanne@" + DOMAIN).statusCode());
    assertEquals("demo-sanne", later.me().getString("id"));
  }

  @Test
  @DisplayName("An address the provider did not verify matches no account: the person must prove one")
  void unverifiedAddressMatchesNobody() {
    providerSignsIn("someone-claiming-ingrid", email(INGRID, false), 3600);
    Browser browser = new Browser();
    HttpResponse<Buffer> back = browser.signIn(INGRID);
    assertEquals("/login/sso/link", back.getHeader("Location"));
    assertEquals(401, browser.meStatus());
  }

  @Test
  @DisplayName("A token from another issuer, for another client, expired, or with another nonce is refused, and nobody is logged in")
  void foreignOrStaleTokensAreRefused() {
    Map<String, Map<String, Object>> wrong = Map.of(
        "issuer", Map.of("iss", "https://elders.example.org/vandijk", "email", INGRID, "email_verified", true),
        "audience", Map.of("aud", "een-andere-toepassing", "email", INGRID, "email_verified", true),
        "nonce", Map.of("nonce", "niet-deze", "email", INGRID, "email_verified", true));
    wrong.forEach((what, claims) -> {
      providerSignsIn("ingrid-at-vandijk", claims, 3600);
      Browser browser = new Browser();
      HttpResponse<Buffer> back = browser.signIn(INGRID);
      assertEquals(400, back.statusCode(), what);
      assertEquals("not_confirmed", reason(back), what);
      assertTrue(back.bodyAsString().contains("Begin opnieuw"), "the page says what to do");
      assertEquals(401, browser.meStatus(), what);
    });
    providerSignsIn("ingrid-at-vandijk", email(INGRID, true), -300);
    Browser expired = new Browser();
    HttpResponse<Buffer> back = expired.signIn(INGRID);
    assertEquals("not_confirmed", reason(back));
    assertEquals(401, expired.meStatus());
  }

  @Test
  @DisplayName("A way back used twice, a code used again, one from another browser or one too late is refused")
  void replaysAndLateReturnsAreRefused() {
    providerSignsIn("ingrid-at-vandijk", email(INGRID, true), 3600);
    Browser first = new Browser();
    String firstReturn = first.toProvider(INGRID);
    assertEquals(303, first.back(firstReturn).statusCode());
    HttpResponse<Buffer> replay = first.back(firstReturn);
    assertEquals("state_used", reason(replay));

    Browser second = new Browser();
    String secondReturn = second.toProvider(INGRID);
    String oldCode = param(firstReturn, "code");
    HttpResponse<Buffer> oldCodeBack = second.back(secondReturn.replace(param(secondReturn, "code"), oldCode));
    assertEquals("not_confirmed", reason(oldCodeBack), "the provider takes a code once");
    assertEquals(401, second.meStatus());

    Browser starter = new Browser();
    String startedElsewhere = starter.toProvider(INGRID);
    HttpResponse<Buffer> otherBrowser = new Browser().language("en").back(startedElsewhere);
    assertEquals("other_browser", reason(otherBrowser), "a way back planted in another browser logs nobody in");
    assertTrue(otherBrowser.bodyAsString().contains("Start again on the login page, in this browser."));

    Browser slow = new Browser();
    String slowReturn = slow.toProvider(INGRID);
    server.clock().advance(Duration.ofMinutes(11));
    try {
      assertEquals("state_expired", reason(slow.back(slowReturn)));
    } finally {
      server.clock().advance(Duration.ofMinutes(-11));
    }
    assertEquals(401, slow.meStatus());
  }

  @Test
  @DisplayName("An address of a domain no company signs in with gets a clear message next to the field, in the person's language")
  void unknownDomainIsSaidClearly() {
    Browser dutch = new Browser();
    HttpResponse<Buffer> unknown = dutch.post("/login/sso", Map.of("email", "iemand@onbekend-bedrijf.nl", "next", "/"));
    assertEquals(400, unknown.statusCode());
    assertTrue(unknown.bodyAsString().contains("id=\"email-error\""), unknown.bodyAsString());
    assertTrue(unknown.bodyAsString().contains("geen inloggen met een bedrijfsaccount ingesteld"));

    Browser english = new Browser().language("en");
    HttpResponse<Buffer> notAnAddress = english.post("/login/sso", Map.of("email", "sanne", "next", "/"));
    assertEquals(400, notAnAddress.statusCode());
    assertTrue(notAnAddress.bodyAsString().contains("This is not an e-mail address"), notAnAddress.bodyAsString());
    HttpResponse<Buffer> unknownInEnglish = english.post("/login/sso", Map.of("email", "someone@unknown.example", "next", "/"));
    assertTrue(unknownInEnglish.bodyAsString().contains("No company sign-in is set up for this e-mail address"));
  }

  @Test
  @DisplayName("Logging out ends the Leerkring login that the company sign-in started")
  void logoutEndsTheLogin() {
    providerSignsIn("ingrid-at-vandijk", email(INGRID, true), 3600);
    Browser ingrid = new Browser();
    ingrid.signIn(INGRID);
    String csrf = ingrid.me().getString("csrfToken");
    HttpResponse<Buffer> out = ingrid.post("/logout", Map.of("_csrf", csrf));
    assertEquals(303, out.statusCode());
    assertEquals(401, ingrid.meStatus());
  }

  @Test
  @DisplayName("A company admin sets the provider on a page and through the API; the secret is never shown or "
      + "logged, and a domain is one company's")
  void adminKeepsTheSettings() {
    Person admin = server.demo(INGRID);
    JsonObject shown = admin.get("/organisations/demo-vandijk/sso").ok();
    assertEquals(issuer, shown.getString("issuer"));
    assertEquals("4711", shown.getString("clientSecretEnding"));
    assertTrue(shown.getString("redirectUri").endsWith("/login/sso/callback"));
    assertFalse(shown.encode().contains(SECRET));
    assertEquals(404, server.demo("sanne").get("/organisations/demo-vandijk/sso").status());
    assertEquals(404, server.demo("hr@zorggroep-delinde.nl").get("/organisations/demo-vandijk/sso").status());

    Person marloes = server.demo("hr@zorggroep-delinde.nl");
    String delinde = provider.issuerUrl("delinde").toString();
    assertEquals("domain_taken", marloes.put("/organisations/demo-delinde/sso", settings(delinde, SECRET, DOMAIN))
        .expect(409).errorCode());
    assertEquals("issuer", admin.put("/organisations/demo-vandijk/sso",
            settings("https://127.0.0.1:1/nergens", null, DOMAIN)).expect(400)
        .json().getJsonObject("error").getJsonObject("details").getString("field"));
    assertEquals("issuer", admin.put("/organisations/demo-vandijk/sso",
            settings("http://login.vandijk-installatie.nl", null, DOMAIN)).expect(400)
        .json().getJsonObject("error").getJsonObject("details").getString("field"), "plain http only on loopback");

    Browser page = new Browser().logIn(INGRID, "welkom2026");
    String form = page.get("/admin/sso").bodyAsString();
    assertTrue(form.contains("/login/sso/callback") && form.contains("4711") && !form.contains(SECRET), form);
    assertTrue(form.contains("value=\"" + issuer + "\""), "the form shows the issuer stored");
    HttpResponse<Buffer> refused = page.post("/admin/sso", Map.of("_csrf", page.me().getString("csrfToken"),
        "organisationId", "demo-vandijk", "issuer", "ftp://login.vandijk.nl", "clientId", CLIENT_ID,
        "clientSecret", "", "domains", DOMAIN));
    assertEquals(400, refused.statusCode());
    assertTrue(refused.bodyAsString().contains("id=\"issuer-error\""), refused.bodyAsString());
    HttpResponse<Buffer> saved = page.post("/admin/sso", Map.of("_csrf", page.me().getString("csrfToken"),
        "organisationId", "demo-vandijk", "issuer", issuer, "clientId", CLIENT_ID, "clientSecret", "",
        "domains", DOMAIN + ", VanDijk-Service.nl"));
    assertEquals(303, saved.statusCode(), saved::bodyAsString);
    JsonObject after = admin.get("/organisations/demo-vandijk/sso").ok();
    assertEquals(new JsonArray().add(DOMAIN).add("vandijk-service.nl"), after.getJsonArray("domains"));
    assertEquals("4711", after.getString("clientSecretEnding"), "an empty secret field keeps the stored secret");

    String trail = admin.get("/organisations/demo-vandijk/audit").expect(200).body();
    assertTrue(trail.contains("sso.configured"), trail);
    assertFalse(trail.contains(SECRET));
    assertTrue(log.lines().stream().noneMatch(line -> line.contains(SECRET)), "the secret is in no log line");
  }

  @Test
  @DisplayName("Turning company sign-in off frees its domains; its people log in with their passwords again")
  void turningItOff() {
    Person marloes = server.demo("hr@zorggroep-delinde.nl");
    marloes.put("/organisations/demo-delinde/sso",
        settings(provider.issuerUrl("delinde").toString(), SECRET, "zorggroep-delinde.nl")).expect(200);
    assertEquals(200, new Browser().post("/login/sso", Map.of("email", "anouk@zorggroep-delinde.nl", "next", "/"))
        .statusCode(), "on its way to the provider");
    marloes.delete("/organisations/demo-delinde/sso").expect(204);
    assertEquals(404, marloes.get("/organisations/demo-delinde/sso").status());
    HttpResponse<Buffer> off = new Browser().post("/login/sso", Map.of("email", "anouk@zorggroep-delinde.nl", "next", "/"));
    assertEquals(400, off.statusCode());
    assertTrue(marloes.get("/organisations/demo-delinde/audit").body().contains("sso.removed"));
  }

  // ---------------------------------------------------------------------------------------------------------

  private static String reason(HttpResponse<Buffer> page) {
    Matcher matcher = REASON.matcher(page.bodyAsString());
    assertTrue(matcher.find(), () -> "not a refusal page: " + page.statusCode() + " " + page.bodyAsString());
    return matcher.group(1);
  }

  private static String param(String url, String name) {
    Matcher matcher = Pattern.compile("[?&]" + name + "=([^&]+)").matcher(url);
    assertTrue(matcher.find(), url);
    return matcher.group(1);
  }

  /** A browser without JavaScript: keeps its cookies and follows nothing by itself. */
  private static final class Browser {

    private final WebClientSession session = WebClientSession.create(web);
    private String language;

    Browser language(String language) {
      this.language = language;
      return this;
    }

    Browser logIn(String login, String password) {
      assertEquals(303, post("/login", Map.of("login", login, "password", password)).statusCode());
      return this;
    }

    /** Types the address, goes to the provider and comes back: Leerkring's answer to the way back. */
    HttpResponse<Buffer> signIn(String email) {
      return back(toProvider(email));
    }

    /** Types the address and goes to the provider, which signs in at once: where it sends the browser back to. */
    String toProvider(String email) {
      HttpResponse<Buffer> start = post("/login/sso", Map.of("email", email, "next", "/admin"));
      assertEquals(200, start.statusCode(), start::bodyAsString);
      String refresh = start.getHeader("Refresh");
      assertNotNull(refresh, "the page goes on to the provider by itself");
      String authorize = refresh.substring(refresh.indexOf("url=") + 4);
      assertTrue(authorize.startsWith(issuer + "/authorize?"), authorize);
      assertTrue(authorize.contains("code_challenge_method=S256") && authorize.contains("nonce=")
          && authorize.contains("scope=openid"), authorize);
      HttpResponse<Buffer> atProvider = web.getAbs(authorize).send().await();
      assertEquals(302, atProvider.statusCode(), atProvider::bodyAsString);
      return atProvider.getHeader("Location");
    }

    /** Follows the provider's redirect to Leerkring (registered at publicUrl, served here on a free port). */
    HttpResponse<Buffer> back(String location) {
      URI uri = URI.create(location);
      return get(uri.getRawPath() + "?" + uri.getRawQuery());
    }

    HttpResponse<Buffer> get(String path) {
      return withLanguage(session.get(server.port(), "127.0.0.1", path)).send().await();
    }

    HttpResponse<Buffer> post(String path, Map<String, String> fields) {
      MultiMap form = MultiMap.caseInsensitiveMultiMap();
      fields.forEach(form::add);
      return withLanguage(session.post(server.port(), "127.0.0.1", path)).sendForm(form).await();
    }

    JsonObject me() {
      HttpResponse<Buffer> me = get("/api/v1/me");
      assertEquals(200, me.statusCode(), me::bodyAsString);
      return me.bodyAsJsonObject();
    }

    int meStatus() {
      return get("/api/v1/me").statusCode();
    }

    private HttpRequest<Buffer> withLanguage(HttpRequest<Buffer> request) {
      return language == null ? request : request.putHeader("Accept-Language", language);
    }
  }
}
