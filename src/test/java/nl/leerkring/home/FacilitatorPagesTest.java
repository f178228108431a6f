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
  @DisplayName("Fenna sees who took part since the last session, in counts that leave private notes out")
  void participationSinceLastSession() {
    Page laptop = Browser.logIn(browser.laptop(), "fenna@leerwerkplaats.nl");
    laptop.navigate("/facilitator");
    // The demo since the first session: four shared notes, Kees's private reflection, Lotte's and Bram's answers.
    assertRow(laptop, "Sanne Visser", 1, 0);
    assertRow(laptop, "Mehmet Yilmaz", 1, 0);
    assertRow(laptop, "Kees de Vries", 0, 0);
    assertRow(laptop, "Lotte Smit", 0, 1);
    assertRow(laptop, "Bram Hendriks", 0, 1);

    Person sanne = server.demo("sanne");
    sanne.post("/communities/demo-warmtepomp/notes", new JsonObject().put("kind", "observation")
        .put("text", "Bij de familie De Wit pendelt de pomp niet meer na het verlagen.").put("visibility", "community"))
        .expect(201);
    sanne.post("/communities/demo-warmtepomp/notes", new JsonObject().put("kind", "reflection")
        .put("text", "Ik twijfel nog of ik de klant goed uitleg geef.").put("visibility", "private")).expect(201);
    sanne.post("/prompts/demo-p-1/answers", new JsonObject().put("text", "Dat meten meer zegt dan gissen.")).expect(201);
    laptop.reload();
    assertRow(laptop, "Sanne Visser", 2, 1);
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

  private static void assertRow(Page page, String name, int notes, int answers) {
    Locator row = community(page, "Warmtepomp in één keer goed inregelen").locator("tbody tr",
        new Locator.LocatorOptions().setHas(page.getByRole(AriaRole.ROWHEADER, new Page.GetByRoleOptions().setName(name))));
    assertThat(row.locator("td")).hasText(new String[] {String.valueOf(notes), String.valueOf(answers)});
  }
}
