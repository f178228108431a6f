package nl.leerkring.cycle;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import nl.leerkring.support.Browser;
import nl.leerkring.support.BrowserScenarios;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("Cycles in the browser")
class CyclePagesTest extends BrowserScenarios {

  private static final String CYCLES = "/c/demo-warmtepomp/cycles";

  @Test
  @DisplayName("Fenna harvests cycle 2 and opens cycle 3 with a goal; an empty goal first is shown next to the field")
  void facilitatorClosesTheCycleAndOpensTheNext() {
    Page fenna = Browser.logIn(browser.laptop(), "fenna@leerwerkplaats.nl");
    fenna.navigate(CYCLES);
    assertThat(fenna.locator("#cycle-1")).containsText("Afgesloten");
    assertThat(fenna.locator("#cycle-2")).containsText("Loopt");

    fenna.getByLabel("Wat hebben we geleerd?").fill("Een vaste volgorde bij het inregelen scheelt terugkomsten.");
    fenna.getByLabel("Wat is er veranderd in het werk?").fill("We gebruiken een checklist bij elke oplevering.");
    fenna.getByLabel("Wat staat nog open?").fill("Hoe leggen we de klant de looptijd uit?");
    fenna.getByLabel("Volgende stappen").fill("Checklist in de bus\nKlantfolder maken");
    fenna.getByRole(AriaRole.BUTTON, name("Afsluiten en volgende cyclus starten")).click();

    assertThat(fenna.locator("#nextGoal-error")).hasText("Vul dit in.");
    assertThat(fenna.getByLabel("Doel van cyclus 3")).hasAttribute("aria-invalid", "true");
    assertThat(fenna.getByLabel("Wat hebben we geleerd?"))
        .hasValue("Een vaste volgorde bij het inregelen scheelt terugkomsten.");
    assertThat(fenna.getByLabel("Volgende stappen")).hasValue("Checklist in de bus\nKlantfolder maken");
    assertThat(fenna.locator("#cycle-2")).containsText("Loopt");
    Browser.assertAccessible(fenna, "the harvest form with an error");

    fenna.getByLabel("Doel van cyclus 3").fill("De klant vooraf goed uitleggen wat een warmtepomp doet");
    fenna.getByRole(AriaRole.BUTTON, name("Afsluiten en volgende cyclus starten")).click();

    // Closing is final: first a page that says what it does, and nothing is closed until she confirms.
    assertThat(fenna.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Cyclus 2 afsluiten?");
    assertThat(fenna.locator(".confirm")).containsText("De klant vooraf goed uitleggen wat een warmtepomp doet");
    assertEquals(2, server.demo("sanne").get("/communities/demo-warmtepomp").json().getInteger("currentCycle"));
    Browser.assertAccessible(fenna, "the confirmation before closing a cycle");
    fenna.getByRole(AriaRole.BUTTON, name("Nee, terug naar het formulier")).click();
    assertThat(fenna.getByLabel("Doel van cyclus 3")).hasValue("De klant vooraf goed uitleggen wat een warmtepomp doet");
    assertThat(fenna.getByLabel("Volgende stappen")).hasValue("Checklist in de bus\nKlantfolder maken");
    assertThat(fenna.locator("#cycle-2")).containsText("Loopt");
    fenna.getByRole(AriaRole.BUTTON, name("Afsluiten en volgende cyclus starten")).click();
    fenna.getByRole(AriaRole.BUTTON, name("Ja, cyclus 2 afsluiten")).click();

    assertThat(fenna).hasURL(Pattern.compile(CYCLES + "\\?saved=cycle#cycle-3$"));
    assertThat(fenna.locator(".saved")).hasText("De cyclus is afgesloten en de volgende is begonnen.");
    Locator third = fenna.locator("#cycle-3");
    assertThat(third).containsText("Loopt");
    assertThat(third).containsText("De klant vooraf goed uitleggen wat een warmtepomp doet");
    Locator second = fenna.locator("#cycle-2");
    assertThat(second).containsText("Afgesloten");
    assertThat(second).containsText("We gebruiken een checklist bij elke oplevering.");
    assertThat(second.getByRole(AriaRole.LISTITEM)).hasText(new String[] {"Checklist in de bus", "Klantfolder maken"});
    assertEquals(3, server.demo("sanne").get("/communities/demo-warmtepomp").json().getInteger("currentCycle"));

    fenna.getByLabel("Doel", new Page.GetByLabelOptions().setExact(true)).fill("");
    fenna.getByRole(AriaRole.BUTTON, name("Doel opslaan")).click();
    assertThat(fenna.locator("#goal-error")).hasText("Vul dit in.");
  }

  @Test
  @DisplayName("Sanne reads the cycle history on her phone but cannot close a cycle")
  void participantReadsTheHistory() {
    Page sanne = Browser.logIn(browser.phone(), "sanne");
    sanne.navigate(CYCLES);
    assertThat(sanne.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Leercycli");
    assertThat(sanne.locator("#cycle-1")).containsText("Oogst");
    assertThat(sanne.getByRole(AriaRole.BUTTON, name("Afsluiten en volgende cyclus starten"))).hasCount(0);
    Browser.screenshot(sanne, "phone-cycles");
  }

  @Test
  @DisplayName("The cycles page has no accessibility problems, in Dutch and English, on a phone and a laptop")
  void accessible() {
    for (Supplier<Page> device : List.<Supplier<Page>>of(browser::phone, browser::laptop)) {
      // One reader is enough for axe, which passes a template once per language and width; the company admin
      // sees the same page.
      for (String login : List.of("r.mulder@hogeschool-oost.nl")) {
        Page page = Browser.logIn(device.get(), login);
        page.navigate(CYCLES);
        Browser.assertAccessible(page, "the cycles page of " + login);
        if (Browser.languagesAt(page).contains("en")) {
          page.getByRole(AriaRole.BUTTON, name("English")).click();
          assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Learning cycles");
          Browser.assertAccessible(page, "the English cycles page of " + login);
          page.getByRole(AriaRole.BUTTON, name("Nederlands")).click();
        }
      }
    }
    Page fenna = Browser.logIn(browser.phone(), "fenna@leerwerkplaats.nl");
    fenna.navigate(CYCLES);
    Browser.assertAccessible(fenna, "the cycles page with the facilitator's forms on a phone");
    Browser.screenshot(fenna, "phone-cycles-facilitator");
    fenna.getByRole(AriaRole.BUTTON, name("English")).click();
    try {
      Browser.assertAccessible(fenna, "the English cycles page with the facilitator's forms on a phone");
    } finally {
      fenna.getByRole(AriaRole.BUTTON, name("Nederlands")).click();
    }
  }

  private static Page.GetByRoleOptions name(String name) {
    return new Page.GetByRoleOptions().setName(name).setExact(true);
  }
}
