package nl.leerkring.sso;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import nl.leerkring.support.Browser;
import nl.leerkring.support.BrowserScenarios;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Company sign-in in a real browser: Chromium follows the page to the provider (a form's redirect elsewhere
 * would be held by the pages' form-action 'self') and back. The provider sends the browser to publicUrl, which
 * the test server does not listen on; the browser's way back is pointed at the test server's port instead.
 */
@DisplayName("Company sign-in in the browser")
class SsoPagesTest extends BrowserScenarios {

  private static final String INGRID = "hr@vandijk-installatie.nl";
  private MockOAuth2Server provider;
  private String issuer;

  @BeforeAll
  void startProvider() {
    provider = new MockOAuth2Server();
    provider.start();
    issuer = provider.issuerUrl("vandijk").toString();
    server.demo(INGRID).put("/organisations/demo-vandijk/sso", new JsonObject().put("issuer", issuer)
        .put("clientId", "leerkring").put("clientSecret", "van-dijk-client-secret-4711")
        .put("domains", new JsonArray().add("vandijk-installatie.nl"))).expect(200);
  }

  @AfterAll
  void stopProvider() {
    provider.shutdown();
  }

  @Test
  @DisplayName("Ingrid signs in on her laptop with her company account and lands on her admin page")
  void signsInWithTheCompanyAccount() {
    Map<String, Object> claims = new HashMap<>();
    claims.put("email", INGRID);
    claims.put("email_verified", true);
    provider.enqueueCallback(new DefaultOAuth2TokenCallback("vandijk", "ingrid-at-vandijk", "JWT", null, claims, 3600));
    Page laptop = browser.laptop();
    laptop.context().route(url -> url.startsWith(issuer + "/authorize"), this::backToThisServer);
    laptop.navigate("/login?next=%2Fadmin");
    Browser.assertAccessible(laptop, "the login page with company sign-in");
    laptop.getByLabel("Je e-mailadres op het werk").fill(INGRID);
    laptop.getByRole(AriaRole.BUTTON, named("Verder met je bedrijfsaccount")).click();
    laptop.waitForURL(url -> url.endsWith("/admin"));
    assertThat(laptop.getByRole(AriaRole.LINK, named("Inloggen met bedrijfsaccount"))).isVisible();

    Page late = browser.phone();
    late.navigate("/login/sso/callback?state=" + "x".repeat(43) + "&code=y");
    assertThat(late.locator("#sso-reason")).hasText(java.util.regex.Pattern.compile("niet hier begonnen|al gebruikt"));
    Browser.assertAccessible(late, "a refused company sign-in");
  }

  @Test
  @DisplayName("Ingrid changes the settings on her phone; a wrong issuer is pointed out next to its field")
  void adminChangesTheSettings() {
    Page phone = Browser.logIn(browser.phone(), INGRID);
    phone.navigate("/admin");
    phone.getByRole(AriaRole.LINK, named("Inloggen met bedrijfsaccount")).click();
    assertThat(phone.getByLabel("Adres van de inlogdienst (issuer)")).hasValue(issuer);
    phone.getByLabel("Adres van de inlogdienst (issuer)").fill("login.vandijk.nl");
    phone.getByRole(AriaRole.BUTTON, named("Opslaan")).click();
    assertThat(phone.locator("#issuer-error")).hasText("Vul het adres van de inlogdienst in, beginnend met https://.");
    Browser.assertAccessible(phone, "company sign-in settings with an error");
    phone.getByLabel("Adres van de inlogdienst (issuer)").fill(issuer);
    phone.getByLabel("E-maildomeinen").fill("vandijk-installatie.nl, vandijk-service.nl");
    phone.getByRole(AriaRole.BUTTON, named("Opslaan")).click();
    assertThat(phone.getByRole(AriaRole.STATUS)).hasText("Opgeslagen. Je mensen kunnen nu inloggen met hun bedrijfsaccount.");
    assertThat(phone.getByLabel("E-maildomeinen")).hasValue("vandijk-installatie.nl, vandijk-service.nl");
  }

  /** The provider's answer as it is, with its redirect to publicUrl pointed at the test server. */
  private void backToThisServer(Route route) {
    APIResponse answer = route.fetch(new Route.FetchOptions().setMaxRedirects(0));
    Map<String, String> headers = new HashMap<>(answer.headers());
    String location = headers.get("location");
    if (location != null) {
      headers.put("location", location.replace("http://localhost:8080", "http://127.0.0.1:" + server.port()));
    }
    route.fulfill(new Route.FulfillOptions().setResponse(answer).setHeaders(headers));
  }
}
