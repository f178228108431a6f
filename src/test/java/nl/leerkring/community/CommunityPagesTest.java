package nl.leerkring.community;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonObject;
import nl.leerkring.support.Browser;
import nl.leerkring.support.BrowserScenarios;
import nl.leerkring.support.EveryLanguage;
import nl.leerkring.support.Person;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("The community page")
class CommunityPagesTest extends BrowserScenarios {

  private static final String PAGE = "/c/demo-warmtepomp";

  @BeforeAll
  void moreActivity() {
    // Five more entries push the demo's first ones onto an older page of activity.
    Person fenna = server.demo("fenna@leerwerkplaats.nl");
    for (int i = 1; i <= 5; i++) {
      fenna.post("/communities/demo-warmtepomp/prompts", new JsonObject().put("text", "Korte vraag " + i)).expect(201);
    }
  }

  @Test
  @DisplayName("Sanne sees the challenge, the cycle's goal, the open questions by priority, activity and members")
  void sanneSeesWhereTheGroupStands() {
    Page phone = Browser.logIn(browser.phone(), "sanne");
    phone.navigate(PAGE);
    assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
        .hasText("Warmtepomp in één keer goed inregelen");
    assertThat(phone.locator(".facts")).containsText("Elke terugkomst kost ons een halve dag");
    assertThat(phone.locator(".facts")).containsText("minder dan één op de tien installaties");
    assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Doel van cyclus 2"))).isVisible();
    assertThat(phone.getByText("Een vaste inregelchecklist maken en uitproberen")).isVisible();
    assertThat(phone.locator("a[href='/sessions/demo-s-2']").first()).isVisible();

    // High priority first; within a priority, the question with more votes.
    assertThat(phone.locator("#open-questions .card-link")).hasText(new String[] {
        "Welke meetgegevens leggen we vast bij oplevering?",
        "Wanneer is een buffervat echt nodig?",
        "Hoe leggen we de klant uit waarom de warmtepomp langer draait dan een cv-ketel?"});
    assertThat(phone.getByText("Alle 3 open vragen")).hasAttribute("href", PAGE + "/questions");

    assertThat(phone.locator("#activity")).containsText("Lotte Smit schreef een veldnotitie");
    assertThat(phone.locator("#activity")).containsText("klanten het meest geholpen zijn met één duidelijke zin");
    assertThat(phone.locator("#activity")).containsText("Fenna Jansen zette een reflectievraag klaar");
    assertThat(phone.locator("#activity")).not().containsText("startte de leerkring");
    assertThat(phone.locator("#members li")).hasCount(9);
    assertThat(phone.locator("#members")).containsText("Ruben Mulder · Docent");

    assertThat(actions(phone)).containsText(new String[] {"Veldnotitie schrijven", "Vraag stellen", "Vragen bekijken"});
    assertThat(phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Veldnotitie schrijven")))
        .hasAttribute("href", PAGE + "/notes/new");
    assertThat(phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Leden beheren"))).hasCount(0);
    EveryLanguage.assertAccessible(phone, "the community page on a phone");
    Browser.screenshot(phone, "phone-community");

    phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Oudere activiteit")).click();
    assertThat(phone.locator("#activity")).containsText("Ingrid de Boer startte de leerkring");
    assertThat(phone.locator("#activity")).not().containsText("zette een reflectievraag klaar");
    assertThat(phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Oudere activiteit"))).hasCount(0);
    phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Naar de nieuwste")).click();
    assertThat(phone.locator("#activity")).containsText("zette een reflectievraag klaar");
  }

  @Test
  @DisplayName("Fenna on her laptop may manage members and send prompts from the community page")
  void facilitatorSeesHerActions() {
    Page laptop = Browser.logIn(browser.laptop(), "fenna@leerwerkplaats.nl");
    laptop.navigate(PAGE);
    assertThat(laptop.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Leden beheren")))
        .hasAttribute("href", PAGE + "/members");
    assertThat(laptop.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Reflectievragen")))
        .hasAttribute("href", PAGE + "/prompts");
    EveryLanguage.assertAccessible(laptop, "the community page on a laptop");
  }

  @Test
  @DisplayName("Ingrid from HR sees the progress of her company's community, but not what anyone wrote in a note")
  void companyAdminSeesNoNoteTexts() {
    Page laptop = Browser.logIn(browser.laptop(), "hr@vandijk-installatie.nl");
    laptop.navigate(PAGE);
    assertThat(laptop.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
        .hasText("Warmtepomp in één keer goed inregelen");
    assertThat(laptop.locator(".notice")).containsText("niet wat medewerkers in hun notities schrijven");
    assertThat(laptop.locator("#activity")).containsText("Lotte Smit schreef een veldnotitie");
    assertThat(laptop.locator("#open-questions li")).hasCount(3);
    String text = laptop.locator("main").innerText();
    for (String fromANote : new String[] {"klanten het meest geholpen", "Stooklijn verlaagd", "Meegekeken met Ahmed",
        "installatiehandleiding"}) {
      assertEquals(-1, text.indexOf(fromANote), "a note's text shows to the company admin: " + fromANote);
    }
    assertThat(laptop.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Veldnotitie schrijven"))).hasCount(0);
    assertThat(laptop.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Leden beheren"))).isVisible();
    EveryLanguage.assertAccessible(laptop, "the community page for a company admin");
    Page phone = Browser.logIn(browser.phone(), "hr@vandijk-installatie.nl");
    phone.navigate(PAGE);
    Browser.assertAccessible(phone, "the community page for a company admin on a phone");
    Browser.screenshot(phone, "phone-community-admin");
  }

  @Test
  @DisplayName("Another company's admin finds no such community")
  void otherCompanyGetsNotFound() {
    Page laptop = Browser.logIn(browser.laptop(), "hr@zorggroep-delinde.nl");
    assertEquals(404, laptop.navigate(PAGE).status());
    assertThat(laptop.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Niet gevonden");
  }

  private static Locator actions(Page page) {
    return page.locator(".community-actions a");
  }
}
