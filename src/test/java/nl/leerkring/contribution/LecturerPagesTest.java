package nl.leerkring.contribution;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonObject;
import nl.leerkring.support.Browser;
import nl.leerkring.support.BrowserScenarios;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The lecturer's pages")
class LecturerPagesTest extends BrowserScenarios {

  private static final String RUBEN = "r.mulder@hogeschool-oost.nl";
  private static final String BUFFER_QUESTION = "Wanneer is een buffervat echt nodig?";

  @Test
  @DisplayName("Ruben answers a question marked for the lecturer with a source; it shows in his overview and on the question")
  void lecturerAnswersAMarkedQuestion() {
    Page laptop = Browser.logIn(browser.laptop(), RUBEN);
    laptop.navigate("/lecturer");
    assertThat(laptop.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Docentenoverzicht");
    assertThat(laptop.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(BUFFER_QUESTION).setExact(true)))
        .isVisible();
    Browser.assertAccessible(laptop, "the lecturer overview");

    laptop.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Beantwoorden: " + BUFFER_QUESTION)).click();
    assertThat(laptop).hasURL(Pattern.compile("/c/demo-warmtepomp/contributions/new\\?question=demo-q-buffer$"));
    assertThat(laptop.getByLabel(BUFFER_QUESTION)).isChecked();
    Browser.assertAccessible(laptop, "the contribution form");
    laptop.getByLabel("Bron", new Page.GetByLabelOptions().setExact(true)).check();
    laptop.getByLabel("Je bijdrage").fill("Een buffervat is nodig als de minimale flow niet gehaald wordt.");
    laptop.getByLabel("Titel van bron 1").fill("Installatiehandleiding, par. 5.2");
    laptop.getByLabel("Link van bron 1").fill("https://example.org/handleiding.pdf");
    laptop.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bijdrage opslaan")).click();

    assertThat(laptop).hasURL(Pattern.compile("/lecturer\\?saved=contribution"));
    assertThat(laptop.getByRole(AriaRole.STATUS)).containsText("Je bijdrage is opgeslagen");
    assertThat(laptop.getByText("Een buffervat is nodig als de minimale flow niet gehaald wordt.")).isVisible();
    assertThat(laptop.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Installatiehandleiding, par. 5.2")))
        .hasAttribute("href", "https://example.org/handleiding.pdf");
    Browser.assertAccessible(laptop, "the lecturer overview with a contribution");

    JsonObject question = server.demo("sanne").get("/questions/demo-q-buffer").ok();
    JsonObject contribution = question.getJsonArray("contributions").stream().map(c -> (JsonObject) c)
        .filter(c -> c.getString("text").startsWith("Een buffervat is nodig")).findFirst().orElseThrow();
    assertEquals("source", contribution.getString("kind"));
    assertEquals("Ruben Mulder", contribution.getString("authorName"));
    assertEquals("https://example.org/handleiding.pdf",
        contribution.getJsonArray("references").getJsonObject(0).getString("url"));
  }

  @Test
  @DisplayName("A link without http:// shows the error next to that link and keeps what Ruben wrote")
  void badReferenceKeepsTheText() {
    Page phone = Browser.logIn(browser.phone(), RUBEN);
    phone.navigate("/c/demo-warmtepomp/contributions/new");
    phone.getByLabel("Methode").check();
    phone.getByLabel("Je bijdrage").fill("Meet de flow met de ingebouwde sensor.");
    phone.getByLabel("Welke meetgegevens leggen we vast bij oplevering?").check();
    phone.getByLabel("Titel van bron 2").fill("Meetprotocol");
    phone.getByLabel("Link van bron 2").fill("www.example.org/meetprotocol");
    phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bijdrage opslaan")).click();

    assertThat(phone.locator("#references-error"))
        .hasText("Geef een webadres dat begint met https:// of http://.");
    assertThat(phone.getByLabel("Link van bron 2")).hasValue("www.example.org/meetprotocol");
    assertThat(phone.getByLabel("Je bijdrage")).hasValue("Meet de flow met de ingebouwde sensor.");
    assertThat(phone.getByLabel("Titel van bron 2")).hasValue("Meetprotocol");
    assertThat(phone.getByLabel("Methode")).isChecked();
    assertThat(phone.getByLabel("Welke meetgegevens leggen we vast bij oplevering?")).isChecked();
    Browser.assertAccessible(phone, "the contribution form with an error");
    Browser.screenshot(phone, "phone-contribution-error");

    phone.getByLabel("Je bijdrage").fill("");
    phone.getByLabel("Link van bron 2").fill("https://example.org/meetprotocol");
    phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bijdrage opslaan")).click();
    assertThat(phone.locator("#text-error")).hasText("Vul dit in.");
    assertTrue(server.demo(RUBEN).get("/communities/demo-warmtepomp/contributions").expect(200).array().stream()
        .noneMatch(c -> ((JsonObject) c).getString("text").startsWith("Meet de flow")), "nothing saved");
  }

  @Test
  @DisplayName("The lecturer's pages pass axe in Dutch and English on a phone, and on a laptop")
  void accessibleInBothLanguages() {
    for (Page page : new Page[] {browser.phone(), browser.laptop()}) {
      Browser.logIn(page, RUBEN);
      for (String language : Browser.languagesAt(page)) {
        page.navigate("/lecturer");
        if ("en".equals(language)) {
          page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
          assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
              .hasText("Lecturer overview");
        }
        Browser.assertAccessible(page, "the lecturer overview (" + language + ")");
        page.navigate("/c/demo-warmtepomp/contributions/new");
        Browser.assertAccessible(page, "the contribution form (" + language + ")");
      }
      if (Browser.languagesAt(page).contains("en")) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Nederlands")).click();
      }
    }
    Page phone = Browser.logIn(browser.phone(), RUBEN);
    phone.navigate("/lecturer");
    Browser.screenshot(phone, "phone-lecturer");
    phone.navigate("/c/demo-warmtepomp/contributions/new?question=demo-q-buffer");
    Browser.screenshot(phone, "phone-contribution-new");
  }

  @Test
  @DisplayName("Sanne, a participant, cannot write a contribution: she gets a friendly page")
  void participantCannotContribute() {
    Page phone = Browser.logIn(browser.phone(), "sanne");
    assertEquals(403, phone.navigate("/c/demo-warmtepomp/contributions/new").status());
    assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Dit mag je niet bekijken");
    phone.navigate("/lecturer");
    assertThat(phone.getByText("Je bent nog in geen enkele leerkring docent.")).isVisible();
  }
}
