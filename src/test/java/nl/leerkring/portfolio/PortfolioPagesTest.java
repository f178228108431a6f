package nl.leerkring.portfolio;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import nl.leerkring.support.Browser;
import nl.leerkring.support.BrowserScenarios;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("The portfolio, the manager's page and the admin's page of managers in the browser")
class PortfolioPagesTest extends BrowserScenarios {

  private static final String PLACE = "Kantine werkplaats";

  /** Sections are labelled by their headings too ("Leidinggevenden en hun mensen"): fields by their own label. */
  private static Page.GetByLabelOptions exact() {
    return new Page.GetByLabelOptions().setExact(true);
  }

  @Test
  @DisplayName("Sanne opens her portfolio from the menu on her phone, shares her session, filters, and downloads her record")
  void sanneSharesOnHerPhone() throws Exception {
    Page phone = Browser.logIn(browser.phone(), "sanne");
    // On a phone the bottom bar keeps its five; the portfolio is one step away, from the journal.
    phone.getByRole(AriaRole.LINK, named("Mijn logboek")).click();
    phone.getByRole(AriaRole.LINK, named("Mijn portfolio: wat ik leerde en deed, en wat ik deel met mijn leidinggevende")).click();
    assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Mijn portfolio");
    assertThat(phone.getByText("Er wordt niets gedeeld, tenzij jij het aanvinkt.", new Page.GetByTextOptions().setExact(false)))
        .isVisible();
    assertThat(phone.getByText("Leeruren zijn de duur van de sessies", new Page.GetByTextOptions().setExact(false)))
        .isVisible();
    for (String language : Browser.languagesAt(phone)) {
      if ("en".equals(language)) {
        phone.getByRole(AriaRole.BUTTON, named("English")).click();
        assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("My portfolio");
      }
      Browser.assertAccessible(phone, "the portfolio (" + language + ")");
      phone.navigate("/portfolio?cycle=nul");
      assertEquals("en".equals(language) ? "Choose a cycle from the list." : "Kies een cyclus uit de lijst.",
          phone.locator("#cycle-error").textContent());
      Browser.assertAccessible(phone, "the portfolio with a refused filter (" + language + ")");
      phone.navigate("/portfolio");
    }
    phone.getByRole(AriaRole.BUTTON, named("Nederlands")).click();

    // The demo shares her note and agreement; she adds her session and saves, without any script.
    phone.getByRole(AriaRole.CHECKBOX, named("Delen met mijn leidinggevende")).nth(0).check();
    phone.getByRole(AriaRole.BUTTON, named("Keuze opslaan")).click();
    assertThat(phone.getByRole(AriaRole.STATUS)).hasText("Je keuze is opgeslagen. Je deelt nu 3 onderdelen met je leidinggevende.");

    phone.getByLabel("Cyclus").selectOption("1");
    phone.getByRole(AriaRole.BUTTON, named("Toon")).click();
    assertTrue(phone.url().contains("cycle=1"), phone.url());
    phone.getByLabel("Alleen wat ik deel met mijn leidinggevende").check();
    Download download = phone.waitForDownload(() -> phone.getByRole(AriaRole.BUTTON, named("Download pdf")).click());
    try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(download.path()))) {
      String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
      assertTrue(text.contains("Stooklijn verlaagd bij de familie Peters") && text.contains(PLACE), text);
    }
    Page laptop = Browser.logIn(browser.laptop(), "sanne");
    laptop.navigate("/portfolio");
    Browser.assertAccessible(laptop, "the portfolio on a laptop");
  }

  @Test
  @DisplayName("Erik, her manager, sees what Sanne shares on his phone and laptop, in Dutch and English")
  void erikSeesWhatIsShared() {
    for (Page page : new Page[] {browser.phone(), browser.laptop()}) {
      Browser.logIn(page, "manager@vandijk-installatie.nl");
      page.getByRole(AriaRole.LINK, named("Mijn mensen")).click();
      assertThat(page.getByRole(AriaRole.HEADING, named("Sanne Visser"))).isVisible();
      assertThat(page.getByText("Stooklijn verlaagd bij de familie Peters")).isVisible();
      assertThat(page.getByRole(AriaRole.LINK, named("Oogstverslag cyclus 1"))).isVisible();
      for (String language : Browser.languagesAt(page)) {
        if ("en".equals(language)) {
          page.getByRole(AriaRole.BUTTON, named("English")).click();
          assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("My people");
        }
        Browser.assertAccessible(page, "the manager's page (" + language + ")");
      }
      if (Browser.languagesAt(page).contains("en")) {
        page.getByRole(AriaRole.BUTTON, named("Nederlands")).click();
      }
      assertEquals(404, page.navigate("/c/demo-warmtepomp").status(), "no community page for a manager");
    }
  }

  @Test
  @DisplayName("Ingrid gives Lotte a manager: a form sent without a choice says so at the fields, in Dutch and English")
  void ingridAssignsOnALaptop() {
    for (Page page : new Page[] {browser.laptop(), browser.phone()}) {
      Browser.logIn(page, "hr@vandijk-installatie.nl");
      page.navigate("/admin");
      page.getByRole(AriaRole.LINK, named("Leidinggevenden")).first().click();
      for (String language : Browser.languagesAt(page)) {
        boolean english = "en".equals(language);
        if (english) {
          page.getByRole(AriaRole.BUTTON, named("English")).click();
        }
        Browser.assertAccessible(page, "the managers page (" + language + ")");
        page.getByRole(AriaRole.BUTTON, named(english ? "Assign" : "Toewijzen")).click();
        assertEquals(english ? "Choose a person." : "Kies een persoon.", page.locator("#userId-error").textContent());
        assertThat(page.getByLabel(english ? "Employee" : "Medewerker", exact()).first()).hasAttribute("aria-invalid", "true");
        Browser.assertAccessible(page, "the managers page with errors (" + language + ")");
        page.getByLabel(english ? "Employee" : "Medewerker", exact()).first().selectOption("demo-lotte");
        page.getByRole(AriaRole.BUTTON, named(english ? "Assign" : "Toewijzen")).click();
        assertEquals(english ? "Choose a manager." : "Kies een leidinggevende.",
            page.locator("#managerId-error").textContent());
        page.getByRole(AriaRole.BUTTON, named(english ? "Make a link" : "Link maken")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
            .hasText(english ? "Invitation as manager" : "Uitnodiging als leidinggevende");
        Browser.assertAccessible(page, "the manager's invitation (" + language + ")");
        page.getByRole(AriaRole.LINK, named(english ? "Back to the managers" : "Terug naar de leidinggevenden")).click();
      }
      if (Browser.languagesAt(page).contains("en")) {
        page.getByRole(AriaRole.BUTTON, named("Nederlands")).click();
      }
    }
    Page laptop = Browser.logIn(browser.laptop(), "hr@vandijk-installatie.nl");
    laptop.navigate("/o/demo-vandijk/managers");
    laptop.getByLabel("Medewerker", exact()).first().selectOption("demo-lotte");
    laptop.getByLabel("Leidinggevende", exact()).selectOption("demo-erik");
    laptop.getByRole(AriaRole.BUTTON, named("Toewijzen")).click();
    assertThat(laptop.getByRole(AriaRole.STATUS)).hasText("De leidinggevende is toegewezen.");
    assertThat(laptop.getByRole(AriaRole.BUTTON, named("Lotte Smit weghalen bij Erik Veenstra"))).isVisible();
  }
}
