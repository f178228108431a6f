package nl.leerkring.scan;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import nl.leerkring.support.Browser;
import nl.leerkring.support.BrowserScenarios;
import nl.leerkring.support.EveryLanguage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

@DisplayName("The learning-culture scan in the browser")
class ScanPagesTest extends BrowserScenarios {

  private static final int STEPS = 7;

  @Test
  @DisplayName("Fenna opens a round; Sanne answers it on her phone, stops halfway and goes on later; the results read well and pass axe")
  void answerOnAPhone() {
    Page fenna = Browser.logIn(browser.laptop(), "fenna@leerwerkplaats.nl");
    fenna.navigate("/c/demo-warmtepomp/scans");
    fenna.getByLabel("Nameting").check();
    fenna.getByRole(AriaRole.BUTTON, named("Ronde openen")).click();
    assertThat(fenna.getByRole(AriaRole.STATUS)).hasText("De ronde is geopend. De deelnemers krijgen een melding en een mail.");
    Browser.assertAccessible(fenna, "a community's scan rounds, for its facilitator");

    Page sanne = Browser.logIn(browser.phone(), "sanne");
    sanne.navigate("/notifications");
    sanne.getByRole(AriaRole.LINK, named("Doe mee aan de leercultuurscan van Warmtepomp in één keer goed inregelen")).click();
    String round = sanne.url();
    assertThat(sanne.locator("#block-title")).containsText("Stap 1 van 7");
    EveryLanguage.assertAccessible(sanne, "a step of the scan on a phone");

    sanne.getByRole(AriaRole.BUTTON, named("Volgende")).click();
    assertThat(sanne.locator("#work-content-1-error")).hasText("Kies een antwoord bij deze uitspraak.");
    assertThat(sanne.locator("#block-title")).containsText("Stap 1 van 7");
    Browser.assertAccessible(sanne, "a scan step with unanswered statements, on a phone");

    choose(sanne, "Eens");
    sanne.getByRole(AriaRole.BUTTON, named("Volgende")).click();
    assertThat(sanne.locator("#block-title")).containsText("Stap 2 van 7");

    // She stops here, and later opens the scan again: it goes on where she was, her choices kept.
    sanne.navigate("/");
    sanne.navigate(round);
    assertThat(sanne.locator("#block-title")).containsText("Stap 2 van 7");
    sanne.getByRole(AriaRole.BUTTON, named("Vorige")).click();
    assertThat(sanne.locator("#block-title")).containsText("Stap 1 van 7");
    assertThat(sanne.locator("fieldset.scan-statement").first()
        .getByLabel("Eens", new Locator.GetByLabelOptions().setExact(true))).isChecked();

    for (int step = 1; step <= STEPS; step++) {
      choose(sanne, step == 3 ? "Weet ik niet" : "Helemaal eens");
      sanne.getByRole(AriaRole.BUTTON, named(step == STEPS ? "Versturen" : "Volgende")).click();
    }
    assertThat(sanne.getByRole(AriaRole.STATUS)).hasText("Dank je wel! Je antwoorden zijn anoniem opgeteld.");
    sanne.navigate(round);
    assertThat(sanne.locator("main")).containsText("Je hebt deze scan al ingevuld. Dank je wel!");
    assertThat(sanne.locator("fieldset")).hasCount(0);

    sanne.navigate("/scans/demo-scan-voor/results");
    assertThat(sanne.locator("#scan-status")).containsText("6 deelnemers hebben ingevuld.");
    assertThat(sanne.locator("svg[role=img]")).hasCount(1);
    assertThat(sanne.locator("#scan-attention li")).hasCount(3);
    assertThat(sanne.locator("#scan-table tbody tr")).hasCount(STEPS);
    EveryLanguage.assertAccessible(sanne, "the scan's results on a phone");
    Browser.screenshot(sanne, "phone-scan-results");
  }

  /** The same answer for every statement of the step on screen. */
  private static void choose(Page page, String answer) {
    Locator statements = page.locator("fieldset.scan-statement");
    for (int i = 0; i < statements.count(); i++) {
      statements.nth(i).getByLabel(answer, new Locator.GetByLabelOptions().setExact(true)).check();
    }
  }
}
