package nl.leerkring.home;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonObject;
import nl.leerkring.support.Browser;
import nl.leerkring.support.BrowserScenarios;
import nl.leerkring.support.EveryLanguage;
import nl.leerkring.support.Person;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("The facilitator's overview")
class FacilitatorPagesTest extends BrowserScenarios {

  @Test
  @DisplayName("Fenna sees who took part in the last weeks as a chart and a table, in counts that leave private notes "
      + "out, with Kees marked quiet in words")
  void participationInTheRecentWeeks() {
    Page laptop = Browser.logIn(browser.laptop(), "fenna@leerwerkplaats.nl");
    laptop.navigate("/facilitator");
    Locator vanDijk = community(laptop, "Warmtepomp in één keer goed inregelen");
    Locator chart = vanDijk.getByRole(AriaRole.IMG, new Locator.GetByRoleOptions()
        .setName("Meedoen per deelnemer in de afgelopen 6 weken"));
    assertThat(chart).isVisible();
    assertThat(chart.locator("desc")).containsText("Stil: Kees de Vries");
    assertThat(chart.locator("desc")).not().containsText("Sanne");
    assertThat(chart.locator("g.quiet")).containsText("stil");

    showTable(laptop);
    // The demo's last six weeks: one session held three weeks ago, four shared notes since, Kees's private
    // reflection, Lotte's and Bram's answers.
    assertRow(laptop, "Sanne Visser", 1, 0, "1 van 1");
    assertRow(laptop, "Mehmet Yilmaz", 1, 0, "1 van 1");
    assertRow(laptop, "Kees de Vries", 0, 0, "0 van 1");
    assertRow(laptop, "Lotte Smit", 0, 1, "1 van 1");
    assertRow(laptop, "Bram Hendriks", 0, 1, "0 van 1");
    assertThat(vanDijk.getByRole(AriaRole.ROWHEADER, new Locator.GetByRoleOptions().setName("Kees de Vries stil")))
        .isVisible();
    Browser.screenshot(laptop, "laptop-facilitator");

    Person sanne = server.demo("sanne");
    sanne.post("/communities/demo-warmtepomp/notes", new JsonObject().put("kind", "observation")
        .put("text", "Bij de familie De Wit pendelt de pomp niet meer na het verlagen.").put("visibility", "community"))
        .expect(201);
    sanne.post("/communities/demo-warmtepomp/notes", new JsonObject().put("kind", "reflection")
        .put("text", "Ik twijfel nog of ik de klant goed uitleg geef.").put("visibility", "private")).expect(201);
    sanne.post("/prompts/demo-p-1/answers", new JsonObject().put("text", "Dat meten meer zegt dan gissen.")).expect(201);
    laptop.reload();
    showTable(laptop);
    assertRow(laptop, "Sanne Visser", 2, 1, "1 van 1");
    assertEquals(-1, laptop.locator("main").innerText().indexOf("meten meer zegt"), "an answer's text shows");
    EveryLanguage.assertAccessible(laptop, "the facilitator overview on a laptop");
  }

  @Test
  @DisplayName("Fenna sees, per community, the questions nobody investigates, the overdue agreement and what is planned")
  void whatIsLeftLying() {
    Page phone = Browser.logIn(browser.phone(), "fenna@leerwerkplaats.nl");
    phone.navigate("/facilitator");
    Locator vanDijk = community(phone, "Warmtepomp in één keer goed inregelen");
    assertThat(vanDijk.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setName("1 vraag zonder eigenaar")))
        .isVisible();
    assertThat(vanDijk.locator(".unowned li")).hasText(new String[] {"Wanneer is een buffervat echt nodig? · gewone prioriteit"});
    assertThat(vanDijk.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setName("1 afspraak over tijd")))
        .isVisible();
    assertThat(vanDijk.locator(".overdue-list")).containsText("Uitzoeken wat de fabrikant zegt over buffervaten");
    assertThat(vanDijk.locator(".overdue-list")).containsText("Joost Bakker");
    assertThat(vanDijk.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setName("1 bijeenkomst gepland")))
        .isVisible();
    assertThat(vanDijk.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setName("Geen reflectievragen klaargezet")))
        .isVisible();

    Locator deLinde = community(phone, "Tilliften zonder rugklachten");
    assertThat(deLinde.locator(".unowned li")).hasCount(1);
    assertThat(deLinde.locator(".unowned")).containsText("Welke instelling van de tillift spaart de rug het meest?");
    assertThat(deLinde.locator("table tbody tr")).hasCount(2);
    // No session there yet: Dirk shared a note, Anouk nothing at all, and attendance has nothing to count.
    Locator chart = deLinde.getByRole(AriaRole.IMG);
    assertThat(chart.locator("desc")).containsText("geen bijeenkomst gehouden");
    assertThat(chart.locator("desc")).containsText("Stil: Anouk Meijer.");
    assertThat(chart.locator("g.quiet")).containsText("Anouk Meijer");
    EveryLanguage.assertAccessible(phone, "the facilitator overview on a phone");
    Browser.screenshot(phone, "phone-facilitator");
  }

  @Test
  @DisplayName("Sanne, a participant, has no facilitator overview")
  void participantIsRefused() {
    Page phone = Browser.logIn(browser.phone(), "sanne");
    assertEquals(403, phone.navigate("/facilitator").status());
  }

  private static Locator community(Page page, String title) {
    return page.locator("section.overview", new Page.LocatorOptions().setHas(
        page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(title).setLevel(2))));
  }

  private static void showTable(Page page) {
    community(page, "Warmtepomp in één keer goed inregelen").getByText("De cijfers als tabel").click();
  }

  private static void assertRow(Page page, String name, int notes, int answers, String attended) {
    Locator row = community(page, "Warmtepomp in één keer goed inregelen").locator("tbody tr",
        new Locator.LocatorOptions().setHas(page.getByRole(AriaRole.ROWHEADER, new Page.GetByRoleOptions().setName(name))));
    assertThat(row.locator("td")).hasText(new String[] {String.valueOf(notes), String.valueOf(answers), attended});
  }
}
