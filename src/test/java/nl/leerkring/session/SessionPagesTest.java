package nl.leerkring.session;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import nl.leerkring.support.Browser;
import nl.leerkring.support.BrowserScenarios;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("Sessions in the browser")
class SessionPagesTest extends BrowserScenarios {

  /** What the issue promises: everyone's open page follows the facilitator within two seconds. */
  private static final LocatorAssertions.ContainsTextOptions WITHIN_TWO_SECONDS =
      new LocatorAssertions.ContainsTextOptions().setTimeout(2000);

  @Test
  @DisplayName("Fenna runs the session live on her laptop; Sanne's phone follows the phases and the new question without reloading")
  void sanneFollowsFennasLiveSession() {
    Page fenna = Browser.logIn(browser.laptop(), "fenna@leerwerkplaats.nl");
    Page sanne = Browser.logIn(browser.phone(), "sanne");
    String session = planSession(fenna, LocalDate.now().plusDays(1) + "T09:00");

    sanne.navigate(session);
    sanne.evaluate("window.stayedOnThePage = true");
    Locator sannesPhase = sanne.locator("#current-phase");
    assertThat(sannesPhase).hasCount(0);

    fenna.navigate(session);
    fenna.getByRole(AriaRole.BUTTON, name("Bijeenkomst starten")).click();
    assertThat(sannesPhase).containsText("Check-in", WITHIN_TWO_SECONDS);

    fenna.getByRole(AriaRole.BUTTON, name("Volgende: Bevindingen delen")).click();
    assertThat(sannesPhase).containsText("Bevindingen delen", WITHIN_TWO_SECONDS);
    fenna.getByRole(AriaRole.BUTTON, name("Volgende: Vraagstuk verkennen")).click();
    fenna.getByRole(AriaRole.BUTTON, name("Volgende: Vragen benoemen")).click();
    assertThat(sannesPhase).containsText("Vragen benoemen", WITHIN_TWO_SECONDS);
    assertThat(sanne.locator(".phases [aria-current=step]")).hasText("Vragen benoemen");

    fenna.getByLabel("Welke vraag willen we uitzoeken?").fill("Hoe koud moet het buiten zijn voor een goede meting?");
    fenna.getByRole(AriaRole.BUTTON, name("Vraag toevoegen")).click();
    assertThat(sanne.locator("#questions")).containsText("Hoe koud moet het buiten zijn voor een goede meting?",
        WITHIN_TWO_SECONDS);

    fenna.getByLabel("Sanne Visser").check();
    fenna.getByLabel("Kees de Vries").check();
    fenna.getByRole(AriaRole.BUTTON, name("Aanwezigheid opslaan")).click();
    assertThat(sanne.locator("#attendance")).containsText("Sanne Visser", WITHIN_TWO_SECONDS);

    fenna.getByRole(AriaRole.BUTTON, name("Volgende: Afspraken maken")).click();
    fenna.getByLabel("Wat gaat iemand uitzoeken of doen?").fill("Bij drie klanten meten bij vorst");
    fenna.getByLabel("Wie neemt het op zich?").selectOption("Sanne Visser");
    fenna.getByLabel("Bij welke vraag?").selectOption("Hoe koud moet het buiten zijn voor een goede meting?");
    fenna.getByLabel("Uiterlijk op").fill(LocalDate.now().plusDays(14).toString());
    fenna.getByRole(AriaRole.BUTTON, name("Afspraak toevoegen")).click();
    assertThat(sanne.locator("#agreements")).containsText("Bij drie klanten meten bij vorst", WITHIN_TWO_SECONDS);
    assertThat(sanne.locator("#agreements")).containsText("Sanne Visser");

    assertEquals(true, sanne.evaluate("window.stayedOnThePage"), "Sanne's page followed without a reload");
    Browser.assertAccessible(sanne, "a live session on a phone");
    Browser.assertAccessible(fenna, "a live session run by the facilitator");
    Browser.screenshot(sanne, "phone-session-live");
    Browser.screenshot(fenna, "laptop-session-live");

    fenna.getByRole(AriaRole.BUTTON, name("Volgende: Check-out")).click();
    fenna.getByLabel("Samenvatting").fill("Meten doen we voortaan bij vorst.");
    fenna.getByRole(AriaRole.BUTTON, name("Bijeenkomst afronden")).click();
    assertThat(sanne.locator("#live")).containsText("Afgelopen", WITHIN_TWO_SECONDS);
    assertThat(sanne.locator("#live")).containsText("Meten doen we voortaan bij vorst.");
    assertEquals(true, sanne.evaluate("window.stayedOnThePage"));
  }

  @Test
  @DisplayName("A session planned in the past shows the error next to the date and keeps what Fenna typed")
  void sessionInThePast() {
    Page fenna = Browser.logIn(browser.phone(), "fenna@leerwerkplaats.nl");
    fenna.navigate("/c/demo-warmtepomp/sessions");
    fenna.getByLabel("Datum en begintijd").fill("2020-01-01T10:00");
    fenna.getByLabel("Plaats").fill("Kantine werkplaats");
    fenna.getByLabel("Vraagstuk verkennen").uncheck();
    fenna.getByRole(AriaRole.BUTTON, name("Bijeenkomst plannen")).click();

    assertThat(fenna.locator("#startsAt-error")).hasText("Deze datum ligt in het verleden.");
    assertThat(fenna.getByLabel("Datum en begintijd")).hasAttribute("aria-invalid", "true");
    assertThat(fenna.getByLabel("Datum en begintijd")).hasValue("2020-01-01T10:00");
    assertThat(fenna.getByLabel("Plaats")).hasValue("Kantine werkplaats");
    assertThat(fenna.getByLabel("Vraagstuk verkennen")).not().isChecked();
    Browser.assertAccessible(fenna, "the planning form with an error");
    Browser.screenshot(fenna, "phone-session-plan-error");

    fenna.getByLabel("Datum en begintijd").fill(LocalDate.now().plusDays(30) + "T15:30");
    fenna.getByRole(AriaRole.BUTTON, name("Bijeenkomst plannen")).click();
    assertThat(fenna).hasURL(Pattern.compile("/sessions/[A-Za-z0-9_-]+\\?saved=session$"));
    assertThat(fenna.locator(".phases li")).hasCount(5);
    assertThat(fenna.getByText("Plaats: Kantine werkplaats")).isVisible();
  }

  @Test
  @DisplayName("The session pages have no accessibility problems, in Dutch and English, on a phone and a laptop")
  void accessible() {
    // Fenna sees the most of these pages (the facilitator's forms too); axe passes a template once per language
    // and width, so another reader's visit would only repeat hers.
    for (Supplier<Page> device : java.util.List.<Supplier<Page>>of(browser::phone, browser::laptop)) {
      Page fenna = Browser.logIn(device.get(), "fenna@leerwerkplaats.nl");
      try {
        for (String language : Browser.languagesAt(fenna)) {
          if ("en".equals(language)) {
            switchLanguage(fenna, "English");
          }
          for (String path : java.util.List.of("/c/demo-warmtepomp/sessions", "/sessions/demo-s-2", "/sessions/demo-s-1")) {
            fenna.navigate(path);
            assertEquals(language, fenna.locator("html").getAttribute("lang"));
            Browser.assertAccessible(fenna, path + " in " + language);
          }
        }
        String kind = fenna.viewportSize().width < 600 ? "phone" : "laptop";
        fenna.navigate("/c/demo-warmtepomp/sessions");
        Browser.screenshot(fenna, kind + "-sessions");
        fenna.navigate("/sessions/demo-s-2");
        Browser.screenshot(fenna, kind + "-session-planned");
      } finally {
        switchLanguage(fenna, "Nederlands");
      }
    }
  }

  @Test
  @DisplayName("Joost marks his carried-over agreement done on the next session's page and stays there")
  void carriedOverAgreementDone() {
    Page joost = Browser.logIn(browser.phone(), "joost");
    joost.navigate("/sessions/demo-s-2");
    joost.evaluate("window.stayedOnThePage = true");
    Locator carried = joost.locator("#carried-over");
    assertThat(carried).containsText("Uitzoeken wat de fabrikant zegt over buffervaten");
    carried.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Gedaan"))).click();
    assertThat(joost.locator("#carried-over")).hasCount(0);
    assertThat(joost).hasURL(Pattern.compile("/sessions/demo-s-2$"));
    assertEquals(true, joost.evaluate("window.stayedOnThePage"), "marked in place, without a reload");
  }

  private static void switchLanguage(Page page, String to) {
    Locator button = page.getByRole(AriaRole.BUTTON, name(to));
    if (button.count() > 0) {
      button.click();
      page.waitForLoadState();
    }
  }

  /** Plans a session through the form and answers the address of its page. */
  private static String planSession(Page fenna, String startsAt) {
    fenna.navigate("/c/demo-warmtepomp/sessions");
    fenna.getByLabel("Datum en begintijd").fill(startsAt);
    fenna.getByLabel("Plaats").fill("Kantine werkplaats");
    fenna.getByRole(AriaRole.BUTTON, name("Bijeenkomst plannen")).click();
    fenna.waitForURL(Pattern.compile(".*/sessions/[A-Za-z0-9_-]+\\?saved=session$"));
    return fenna.url().substring(fenna.url().indexOf("/sessions/")).replaceFirst("\\?.*", "");
  }

  private static Page.GetByRoleOptions name(String name) {
    return new Page.GetByRoleOptions().setName(name).setExact(true);
  }
}
