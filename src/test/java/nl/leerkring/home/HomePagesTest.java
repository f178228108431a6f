package nl.leerkring.home;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonObject;
import nl.leerkring.support.Browser;
import nl.leerkring.support.BrowserScenarios;
import nl.leerkring.support.EveryLanguage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

@DisplayName("What is asked of me now, on the home page")
class HomePagesTest extends BrowserScenarios {

  @BeforeAll
  void anAgreementForSanne() {
    server.demo("fenna@leerwerkplaats.nl").post("/sessions/demo-s-1/agreements", new JsonObject()
        .put("what", "Inregelchecklist op één A4 zetten").put("ownerId", "demo-sanne")
        .put("due", LocalDate.now(ZoneId.of("Europe/Amsterdam")).plusDays(5).toString())).expect(201);
  }

  @Test
  @DisplayName("Sanne sees on her phone the prompt she has not answered, her open agreement and the next session")
  void sanneSeesWhatIsAsked() {
    Page phone = Browser.logIn(browser.phone(), "sanne");
    assertThat(phone.locator("#open-prompts li")).hasCount(1);
    assertThat(phone.locator("#open-prompts")).containsText("Wat heb je deze maand geleerd op het werk?");
    assertThat(phone.locator("#open-prompts").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
        .setName("Beantwoorden"))).hasAttribute("href", "/prompts/demo-p-1#answer");
    // Her agreement from the first session is done; only the new one is asked of her.
    assertThat(phone.locator("#my-agreements li")).hasCount(1);
    assertThat(phone.locator("#my-agreements")).containsText("Inregelchecklist op één A4 zetten");
    assertThat(phone.locator("#my-agreements")).containsText("klaar op");
    assertThat(phone.locator("#next-session a")).hasAttribute("href", "/sessions/demo-s-2");
    assertThat(phone.locator("#next-session")).containsText("Kantine werkplaats");
    assertThat(phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Overzicht voor begeleiders"))).hasCount(0);
    EveryLanguage.assertAccessible(phone, "Sanne's home page on a phone");
    Browser.screenshot(phone, "phone-home-asked");
  }

  @Test
  @DisplayName("Joost is reminded that his agreement is overdue")
  void overdueAgreement() {
    Page phone = Browser.logIn(browser.phone(), "joost");
    assertThat(phone.locator("#my-agreements .overdue")).containsText("had klaar moeten zijn op");
    assertThat(phone.locator("#my-agreements")).containsText("Uitzoeken wat de fabrikant zegt over buffervaten");
  }

  @Test
  @DisplayName("Fenna, Ruben and Ingrid find the overview that goes with their role")
  void overviewLinksByRole() {
    Page fenna = Browser.logIn(browser.laptop(), "fenna@leerwerkplaats.nl");
    assertThat(fenna.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Overzicht voor begeleiders")))
        .hasAttribute("href", "/facilitator");
    assertThat(fenna.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Overzicht voor docenten"))).hasCount(0);
    EveryLanguage.assertAccessible(fenna, "Fenna's home page on a laptop");
    Page ruben = Browser.logIn(browser.laptop(), "r.mulder@hogeschool-oost.nl");
    assertThat(ruben.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Overzicht voor docenten")))
        .hasAttribute("href", "/lecturer");
    Page ingrid = Browser.logIn(browser.laptop(), "hr@vandijk-installatie.nl");
    assertThat(ingrid.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Overzicht voor beheerders")))
        .hasAttribute("href", "/admin");
    assertThat(ingrid.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Overzicht voor begeleiders"))).hasCount(0);
  }
}
