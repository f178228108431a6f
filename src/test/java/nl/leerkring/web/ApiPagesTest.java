package nl.leerkring.web;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import nl.leerkring.support.Browser;
import nl.leerkring.support.BrowserScenarios;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The API for integrators in the browser: its documentation, and making a token")
class ApiPagesTest extends BrowserScenarios {

  private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

  @Test
  @DisplayName("/api/docs renders every operation of the contract, with nothing loaded from elsewhere and nothing blocked")
  void docsShowEveryOperation() throws IOException {
    Set<String> inContract = operationIds();
    Page laptop = browser.laptop();
    String site = "http://127.0.0.1:" + server.port() + "/";
    List<String> problems = new ArrayList<>();
    laptop.onConsoleMessage(message -> {
      if ("error".equals(message.type())) {
        problems.add(message.text());
      }
    });
    laptop.onResponse(response -> {
      if (response.status() >= 400) {
        problems.add(response.status() + " for " + response.url());
      }
    });
    laptop.onRequest(request -> {
      if (!request.url().startsWith(site) && !request.url().startsWith("data:")) {
        problems.add("loaded from elsewhere: " + request.url());
      }
    });
    laptop.navigate("/api/docs");
    // Swagger UI parses the contract in the page; on a busy machine that takes some seconds.
    assertThat(laptop.locator(".opblock")).hasCount(inContract.size(),
        new LocatorAssertions.HasCountOptions().setTimeout(30_000));
    Set<String> shown = new TreeSet<>();
    laptop.locator(".opblock .opblock-summary-operation-id").allTextContents().forEach(id -> shown.add(id.strip()));
    assertEquals(inContract, shown);
    assertEquals(List.of(), problems);
  }

  @Test
  @DisplayName("Sanne makes a read-only token on her phone, sees it once, a script uses it, she stops it, and reads it all in English")
  void makeUseAndStopAToken() {
    Page phone = Browser.logIn(browser.phone(), "sanne");
    phone.navigate("/settings/privacy");
    phone.getByRole(AriaRole.LINK, named("API-sleutels voor scripts en koppelingen")).click();
    assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("API-sleutels");
    Browser.assertAccessible(phone, "the API tokens page");

    phone.getByRole(AriaRole.BUTTON, named("Maak sleutel")).click();
    assertThat(phone.locator("#name-error")).hasText("Vul dit in.");
    assertThat(phone.getByLabel("Naam", EXACT)).hasAttribute("aria-invalid", "true");
    Browser.assertAccessible(phone, "the API tokens page with an error");

    phone.getByLabel("Naam", EXACT).fill("Rapportage");
    phone.getByRole(AriaRole.BUTTON, named("Maak sleutel")).click();
    String token = phone.getByLabel("Je API-sleutel").inputValue();
    assertTrue(token.startsWith("lk_"), token);
    Browser.assertAccessible(phone, "the API tokens page with a new token");

    server.withToken(token).get("/me").expect(200);
    phone.navigate("/settings/tokens");
    assertEquals(0, phone.getByLabel("Je API-sleutel").count(), "the token is shown once");
    assertThat(phone.locator(".card").first()).containsText("1 keer gebruikt");

    phone.getByRole(AriaRole.BUTTON, named("Stop de sleutel Rapportage")).click();
    assertThat(phone.locator("p.notice")).hasText("De sleutel is gestopt: hij werkt niet meer.");
    assertThat(phone.locator(".card").first()).containsText("gestopt");
    assertEquals("token_revoked", server.withToken(token).get("/me").expect(401).errorCode());

    phone.getByRole(AriaRole.BUTTON, named("English")).click();
    phone.navigate("/settings/tokens");
    assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("API tokens");
    assertThat(phone.locator(".card").first()).containsText("stopped");
    assertThat(phone.getByLabel("Read everything you may see (change nothing)")).isChecked();
    Browser.assertAccessible(phone, "the API tokens page in English");
  }

  @SuppressWarnings("unchecked")
  private static Set<String> operationIds() throws IOException {
    Map<String, Object> root;
    try (Reader reader = Files.newBufferedReader(Path.of("webroot/api/openapi.yaml"), StandardCharsets.UTF_8)) {
      root = new Yaml().load(reader);
    }
    Set<String> ids = new TreeSet<>();
    ((Map<String, Map<String, Object>>) root.get("paths")).values().forEach(item -> item.forEach((key, value) -> {
      if (Set.of("get", "put", "post", "patch", "delete").contains(key)) {
        ids.add((String) ((Map<String, Object>) value).get("operationId"));
      }
    }));
    return ids;
  }
}
