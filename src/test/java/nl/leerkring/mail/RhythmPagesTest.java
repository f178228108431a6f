package nl.leerkring.mail;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonObject;
import nl.leerkring.support.Browser;
import nl.leerkring.support.BrowserScenarios;
import nl.leerkring.support.Person;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Mail settings, the calendar link, notifications and answering a prompt in the browser")
class RhythmPagesTest extends BrowserScenarios {

  @Test
  @DisplayName("Sanne, on her phone, gives her address, turns prompt mails off and makes her calendar link")
  void sanneSetsUpHerMail() {
    Page phone = Browser.logIn(browser.phone(), "sanne");
    phone.navigate("/settings/mail");
    assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("E-mail en agenda");
    Browser.assertAccessible(phone, "the mail settings on a phone");
    Browser.screenshot(phone, "phone-mail-settings");

    phone.getByLabel("Je e-mailadres").fill("sanne@");
    phone.getByRole(AriaRole.BUTTON, named("Opslaan")).click();
    assertThat(phone.locator("#email-error")).hasText("Vul een geldig e-mailadres in, of laat het leeg.");
    assertThat(phone.getByLabel("Je e-mailadres")).hasValue("sanne@");
    Browser.assertAccessible(phone, "the mail settings with an error");

    phone.getByLabel("Je e-mailadres").fill("sanne@vandijk.test");
    phone.getByLabel("Een nieuwe reflectievraag van mijn begeleider").uncheck();
    phone.getByRole(AriaRole.BUTTON, named("Opslaan")).click();
    assertThat(phone.getByRole(AriaRole.STATUS)).hasText("Je e-mailinstellingen zijn opgeslagen.");
    assertThat(phone.getByLabel("Een nieuwe reflectievraag van mijn begeleider")).not().isChecked();
    assertThat(phone.getByLabel("Een herinnering voor een bijeenkomst")).isChecked();

    phone.getByRole(AriaRole.BUTTON, named("Maak een agendalink")).click();
    assertThat(phone.getByLabel("Agendalink")).hasValue(java.util.regex.Pattern.compile("/calendar/.+\\.ics$"));
    String link = phone.getByLabel("Agendalink").inputValue();
    assertTrue(server.anonymous().page(java.net.URI.create(link).getPath()).expect(200).body().contains("BEGIN:VCALENDAR"));
    Browser.assertAccessible(phone, "the new calendar link");
    phone.getByRole(AriaRole.BUTTON, named("Stop mijn agendalink")).click();
    assertThat(phone.getByRole(AriaRole.STATUS)).hasText("Je agendalink werkt niet meer.");
  }

  @Test
  @DisplayName("Kees sees his unread count on every page, reads what Fenna assigned to him and marks it read")
  void keesReadsHisNotifications() {
    Person fenna = server.demo("fenna@leerwerkplaats.nl");
    fenna.post("/sessions/demo-s-2/agreements", new JsonObject().put("what", "Filterdatum noteren bij elke klant")
        .put("ownerId", "demo-kees")).expect(201);
    Page laptop = Browser.logIn(browser.laptop(), "kees");
    Locator unread = laptop.getByRole(AriaRole.LINK, named("Meldingen").setExact(false))
        .filter(new Locator.FilterOptions().setHasText("ongelezen"));
    assertThat(unread).isVisible();
    unread.click();
    String text = "Je hebt een afspraak op je genomen: Filterdatum noteren bij elke klant";
    assertThat(laptop.getByRole(AriaRole.LINK, named(text))).isVisible();
    Browser.assertAccessible(laptop, "the notifications page on a laptop");
    Browser.screenshot(laptop, "laptop-notifications");
    Locator card = laptop.locator("li.card").filter(new Locator.FilterOptions().setHasText(text));
    card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Gelezen")).click();
    assertThat(card.getByRole(AriaRole.BUTTON)).hasCount(0);
    if (laptop.getByRole(AriaRole.BUTTON, named("Alles gelezen")).count() > 0) {
      laptop.getByRole(AriaRole.BUTTON, named("Alles gelezen")).click();
    }
    assertThat(unread).hasCount(0);
    assertThat(laptop.getByRole(AriaRole.LINK, named("Meldingen").setExact(true))).isVisible();
  }

  @Test
  @DisplayName("Joost reads the pages in English at phone and laptop width")
  void inEnglish() {
    server.demo("joost").patch("/me", new JsonObject().put("language", "en")).expect(200);
    for (Page page : new Page[] {browser.phone(), browser.laptop()}) {
      Browser.logIn(page, "joost");
      page.navigate("/settings/mail");
      assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Mail and calendar");
      Browser.assertAccessible(page, "the English mail settings");
      page.navigate("/notifications");
      assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Notifications");
      Browser.assertAccessible(page, "the English notifications page");
    }
  }
}
