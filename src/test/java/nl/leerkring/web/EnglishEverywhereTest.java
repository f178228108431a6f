package nl.leerkring.web;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import nl.leerkring.support.Browser;
import nl.leerkring.support.BrowserScenarios;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The English setting")
class EnglishEverywhereTest extends BrowserScenarios {

  private static final Path BUNDLES = Path.of("src", "main", "resources", "i18n");
  /** Sentences of the Dutch bundles that English says differently; none may be left on an English page. */
  private List<String> dutch;

  @BeforeAll
  void readDutchTexts() throws IOException {
    dutch = new ArrayList<>();
    try (Stream<Path> files = Files.list(BUNDLES)) {
      for (Path nl : files.filter(f -> !f.getFileName().toString().contains("_")).toList()) {
        Properties dutchTexts = load(nl);
        Properties english = load(BUNDLES.resolve(nl.getFileName().toString().replace(".properties", "_en.properties")));
        dutchTexts.forEach((key, text) -> {
          if (!text.equals(english.get(key)) && !text.toString().contains("choice")) {
            // The parts between {0}-style arguments, where they are long enough not to occur by chance.
            Arrays.stream(text.toString().replace("''", "'").split("\\{[^}]*}"))
                .map(String::strip)
                .filter(part -> part.length() >= 12 && part.contains(" "))
                .forEach(dutch::add);
          }
        });
      }
    }
  }

  private static Properties load(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }

  private void assertAllEnglish(Page page, String... paths) {
    for (String path : paths) {
      page.navigate(path);
      assertEquals("en", page.locator("html").getAttribute("lang"), path);
      String text = page.locator("body").innerText();
      List<String> left = dutch.stream().filter(text::contains).toList();
      assertEquals(List.of(), left, "Dutch interface text on the English page " + path);
    }
  }

  @Test
  @DisplayName("Sanne switches to English on her phone and every page she uses speaks English")
  void technicianPagesInEnglish() {
    Page phone = Browser.logIn(browser.phone(), "sanne");
    phone.navigate("/c/demo-warmtepomp");
    String inDutch = phone.locator("body").innerText();
    assertTrue(dutch.stream().filter(inDutch::contains).count() >= 5, "the check finds Dutch texts on a Dutch page");
    phone.getByRole(AriaRole.BUTTON, named("English")).click();
    phone.navigate("/");
    assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Hello Sanne Visser");
    assertAllEnglish(phone, "/", "/c/demo-warmtepomp", "/c/demo-warmtepomp/notes/new", "/c/demo-warmtepomp/questions",
        "/c/demo-warmtepomp/questions/new", "/questions/demo-q-buffer", "/journal", "/sessions/demo-s-1",
        "/sessions/demo-s-2", "/c/demo-warmtepomp/sessions", "/c/demo-warmtepomp/cycles", "/prompts/demo-p-1",
        "/notifications", "/settings/mail", "/pagina-die-niet-bestaat",
        "/c/demo-warmtepomp/scans", "/scans/demo-scan-voor", "/scans/demo-scan-voor/results");
  }

  @Test
  @DisplayName("The facilitator, the lecturer and the company admin see their own pages in English too")
  void staffPagesInEnglish() {
    for (String login : List.of("fenna@leerwerkplaats.nl", "r.mulder@hogeschool-oost.nl", "hr@vandijk-installatie.nl")) {
      Page laptop = Browser.logIn(browser.laptop(), login);
      laptop.getByRole(AriaRole.BUTTON, named("English")).click();
      assertAllEnglish(laptop, "/", "/facilitator", "/lecturer", "/admin", "/admin/communities/new",
          "/c/demo-warmtepomp", "/c/demo-warmtepomp/prompts", "/c/demo-warmtepomp/sessions",
          "/c/demo-warmtepomp/members", "/c/demo-warmtepomp/contributions/new", "/c/demo-warmtepomp/cycles");
    }
  }
}
