package nl.leerkring.prompt;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import nl.leerkring.support.Browser;
import nl.leerkring.support.BrowserScenarios;
import nl.leerkring.support.EveryLanguage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("Prompts in the browser")
class PromptPagesTest extends BrowserScenarios {

  private static final String PROMPTS = "/c/demo-warmtepomp/prompts";

  @Test
  @DisplayName("Fenna sends a prompt now; Sanne answers it privately on her phone; Fenna sees that she answered, not what")
  void privateAnswer() {
    Page fenna = Browser.logIn(browser.laptop(), "fenna@leerwerkplaats.nl");
    fenna.navigate(PROMPTS);
    EveryLanguage.assertAccessible(fenna, "the facilitator's prompts page");
    fenna.getByLabel("Vraag of opdracht").fill("Wat helpt of hindert jou bij het leren op het werk?");
    fenna.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Klaarzetten")).click();
    assertThat(fenna.getByRole(AriaRole.STATUS)).hasText("De reflectievraag staat klaar.");
    Locator sent = card(fenna, "Wat helpt of hindert jou bij het leren op het werk?");
    assertThat(sent).containsText("verstuurd op");

    Page sanne = Browser.logIn(browser.phone(), "sanne");
    Locator open = sanne.locator("#open-prompts li", new Page.LocatorOptions()
        .setHasText("Wat helpt of hindert jou bij het leren op het werk?"));
    open.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Beantwoorden")).click();
    assertThat(sanne.locator("#prompt-text")).hasText("Wat helpt of hindert jou bij het leren op het werk?");
    assertThat(sanne.getByLabel("Alleen ik")).isChecked();
    EveryLanguage.assertAccessible(sanne, "the prompt's answer form on a phone");
    Browser.screenshot(sanne, "phone-prompt-answer");
    sanne.getByLabel("Wat wil je kwijt?").fill("Mijn collega's vragen hardop wat ik nog niet snap helpt mij het meest.");
    sanne.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Antwoord opslaan")).click();
    assertThat(sanne.getByRole(AriaRole.STATUS)).containsText("Je hebt deze reflectievraag beantwoord");
    assertThat(sanne.locator("#answers")).containsText("wat ik nog niet snap");
    assertThat(sanne.locator("#answers")).containsText("alleen voor jou");
    assertThat(sanne.getByLabel("Wat wil je kwijt?")).hasCount(0);
    sanne.navigate("/");
    assertThat(sanne.locator("#open-prompts")).not().containsText("Wat helpt of hindert jou");

    fenna.navigate(PROMPTS);
    assertThat(card(fenna, "Wat helpt of hindert jou bij het leren op het werk?")).containsText("Beantwoord door Sanne Visser");
    card(fenna, "Wat helpt of hindert jou bij het leren op het werk?").locator(".card-link").click();
    assertThat(fenna.locator("#answered-by")).hasText("Sanne Visser");
    assertThat(fenna.locator("#answers")).hasCount(0);
    assertEquals(-1, fenna.locator("main").innerText().indexOf("wat ik nog niet snap"), "a private answer shows to Fenna");
    EveryLanguage.assertAccessible(fenna, "a sent prompt as the facilitator sees it");
  }

  @Test
  @DisplayName("Mehmet shares his answer with the community, so Fenna can read it")
  void sharedAnswer() {
    Page fenna = Browser.logIn(browser.laptop(), "fenna@leerwerkplaats.nl");
    fenna.navigate(PROMPTS);
    fenna.getByLabel("Vraag of opdracht").fill("Haal kennis van buiten binnen: een leverancier, een klant, een beurs.");
    fenna.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Klaarzetten")).click();
    String href = card(fenna, "Haal kennis van buiten binnen").locator(".card-link").getAttribute("href");

    Page mehmet = Browser.logIn(browser.phone(), "mehmet");
    mehmet.navigate(href);
    mehmet.getByLabel("Wat wil je kwijt?").fill("De leverancier gaf een inregelkaart die we kunnen gebruiken.");
    mehmet.getByText("De hele leerkring").click();
    mehmet.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Antwoord opslaan")).click();
    assertThat(mehmet.locator("#answers")).containsText("gedeeld met de leerkring");

    fenna.navigate(href);
    assertThat(fenna.locator("#answers")).containsText("De leverancier gaf een inregelkaart");
    assertThat(fenna.locator("#answers")).containsText("Mehmet Yilmaz");
  }

  @Test
  @DisplayName("A prompt planned for Joost and Priya next week waits, and shows to whom it goes")
  void plannedForChosenMembers() {
    Page fenna = Browser.logIn(browser.laptop(), "fenna@leerwerkplaats.nl");
    fenna.navigate(PROMPTS);
    fenna.getByLabel("Vraag of opdracht").fill("Deel een leersnack met je collega's.");
    fenna.getByLabel("Versturen op (Midden-Europese tijd)").fill(localTime(7));
    fenna.getByLabel("Alleen deze leden:").check();
    fenna.getByLabel("Joost Bakker").check();
    fenna.getByLabel("Priya Ramdin").check();
    fenna.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Klaarzetten")).click();
    Locator planned = card(fenna, "Deel een leersnack");
    assertThat(planned).containsText("gepland");
    assertThat(planned).containsText("aan Joost Bakker, Priya Ramdin");

    Page joost = Browser.logIn(browser.phone(), "joost");
    joost.navigate(PROMPTS);
    assertThat(joost.locator("main")).not().containsText("Deel een leersnack");
    assertThat(card(joost, "Wat heb je deze maand geleerd op het werk?")).containsText("Beantwoorden");
    EveryLanguage.assertAccessible(joost, "the prompts a member received, on a phone");
    Browser.screenshot(joost, "phone-prompts-member");
  }

  @Test
  @DisplayName("A send time in the past is refused next to its field, and the prompt's text stays")
  void badInputKeepsTheText() {
    Page fenna = Browser.logIn(browser.phone(), "fenna@leerwerkplaats.nl");
    fenna.navigate(PROMPTS);
    fenna.getByLabel("Vraag of opdracht").fill("Probeer deze week iets nieuws of anders.");
    fenna.getByLabel("Versturen op (Midden-Europese tijd)").fill(localTime(-2));
    fenna.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Klaarzetten")).click();
    assertThat(fenna.locator("#sendAt-error")).hasText("Deze datum ligt in het verleden.");
    assertThat(fenna.getByLabel("Versturen op (Midden-Europese tijd)")).hasAttribute("aria-invalid", "true");
    assertThat(fenna.getByLabel("Vraag of opdracht")).hasValue("Probeer deze week iets nieuws of anders.");
    Browser.assertAccessible(fenna, "the prompts form with an error, on a phone");
    Browser.screenshot(fenna, "phone-prompts-error");

    fenna.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
    fenna.getByLabel("Question or assignment").fill("Try something new or different this week.");
    fenna.getByLabel("Send at (Central European Time)").fill(localTime(-2));
    fenna.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Schedule")).click();
    assertThat(fenna.locator("#sendAt-error")).hasText("This date lies in the past.");
    assertThat(fenna.getByLabel("Question or assignment")).hasValue("Try something new or different this week.");
    Browser.assertAccessible(fenna, "the English prompts form with an error, on a phone");
    fenna.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Nederlands")).click();

    fenna.navigate(PROMPTS);
    fenna.getByLabel("Vraag of opdracht").fill("Probeer deze week iets nieuws of anders.");
    fenna.getByLabel("Alleen deze leden:").check();
    fenna.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Klaarzetten")).click();
    assertThat(fenna.locator(".field-error")).hasText("Kies minstens een lid, of stuur naar iedereen.");
    assertThat(fenna.locator("#recipientIds-error")).isVisible();
    assertThat(fenna.getByLabel("Alleen deze leden:")).isChecked();
    assertThat(fenna.getByLabel("Vraag of opdracht")).hasValue("Probeer deze week iets nieuws of anders.");
  }

  private static Locator card(Page page, String text) {
    return page.locator("#prompt-list li", new Page.LocatorOptions().setHasText(text));
  }

  private static String localTime(int days) {
    return LocalDateTime.now(ZoneId.of("Europe/Amsterdam")).plusDays(days).truncatedTo(ChronoUnit.MINUTES).toString();
  }
}
