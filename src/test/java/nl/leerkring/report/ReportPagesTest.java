package nl.leerkring.report;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import nl.leerkring.support.Browser;
import nl.leerkring.support.BrowserScenarios;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

@DisplayName("The harvest report in the browser")
class ReportPagesTest extends BrowserScenarios {

  private static final String REPORT = "/c/demo-warmtepomp/cycles/1/report";

  @Test
  @DisplayName("Fenna opens cycle 1's report on her phone from the cycles page and picks its highlights; "
      + "it reads well in both languages")
  void facilitatorPicksTheHighlights() {
    Page fenna = Browser.logIn(browser.phone(), "fenna@leerwerkplaats.nl");
    fenna.navigate("/c/demo-warmtepomp/cycles");
    fenna.getByRole(AriaRole.LINK, named("Oogstverslag van cyclus 1")).click();

    assertThat(fenna).hasURL(Pattern.compile(REPORT + "$"));
    assertThat(fenna.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
        .hasText("Oogstverslag cyclus 1");
    assertThat(fenna.getByRole(AriaRole.REGION, named("In cijfers"))).containsText("14 uur");
    assertThat(fenna.locator("blockquote.highlight")).hasCount(2);
    Browser.assertAccessible(fenna, "the harvest report with the facilitator's choice of highlights");
    Browser.screenshot(fenna, "phone-report");

    fenna.getByLabel(Pattern.compile("Meekijken · Joost Bakker")).check();
    fenna.getByLabel(Pattern.compile("Gesprek · Mehmet Yilmaz")).uncheck();
    fenna.getByRole(AriaRole.BUTTON, named("Uitgelichte notities opslaan")).click();

    assertThat(fenna).hasURL(Pattern.compile(REPORT + "#highlights$"));
    assertThat(fenna.locator("blockquote.highlight")).hasCount(2);
    assertThat(fenna.locator("blockquote.highlight").nth(1)).containsText("Meegekeken met Ahmed");
    assertThat(fenna.getByRole(AriaRole.LINK, named("Download als pdf"))).isVisible();
    fenna.getByRole(AriaRole.BUTTON, named("English")).click();
    try {
      assertThat(fenna.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
          .hasText("Harvest report cycle 1");
      Browser.assertAccessible(fenna, "the English harvest report");
    } finally {
      fenna.getByRole(AriaRole.BUTTON, named("Nederlands")).click();
    }
  }
}
