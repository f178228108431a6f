package nl.leerkring.fieldnote;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import nl.leerkring.support.Browser;
import nl.leerkring.support.BrowserScenarios;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@DisplayName("Writing field notes in the browser")
class FieldNotePagesTest extends BrowserScenarios {

  private static final String COMMUNITY_TITLE = "Warmtepomp in één keer goed inregelen";
  private static final String BUFFER_QUESTION = "Wanneer is een buffervat echt nodig?";

  private static FilePayload photo() throws Exception {
    return new FilePayload("bus.jpg", "image/jpeg", PhoneCamera.jpegWithGps(52.2215, 6.8937));
  }

  /** Waits until the image has really been loaded and decoded, not merely put on the page. */
  private static void assertPhotoShown(Page page, Locator img) {
    assertThat(img).isVisible();
    img.evaluate("i => i.decode()");
    assertEquals(Boolean.TRUE, img.evaluate("i => i.complete && i.naturalWidth > 0"));
  }

  @Test
  @DisplayName("Sanne writes an experiment with a photo on her phone, for an open question, and sees it on the question")
  void sanneWritesAnExperimentWithAPhoto() throws Exception {
    Page phone = Browser.logIn(browser.phone(), "sanne");
    phone.getByRole(AriaRole.LINK, named("Mijn logboek")).click();
    phone.getByRole(AriaRole.LINK, named("Nieuwe veldnotitie in " + COMMUNITY_TITLE)).click();
    assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Nieuwe veldnotitie");

    phone.getByRole(AriaRole.RADIO, named("Experiment")).check();
    phone.getByLabel("Wat wil je vastleggen?").fill("Buffervat weggelaten bij de familie Jansen");
    phone.getByLabel("Wat heb ik geprobeerd?").fill("Zonder buffervat, minimale flow gemeten op 900 l/h");
    phone.getByLabel("Wat gebeurde er?").fill("Geen pendelen in de eerste week");
    phone.getByLabel("Foto (mag ook weg blijven)").setInputFiles(photo());
    phone.getByRole(AriaRole.CHECKBOX, named(BUFFER_QUESTION)).check();
    Browser.screenshot(phone, "phone-note-new");
    phone.getByRole(AriaRole.BUTTON, named("Notitie opslaan")).click();

    assertThat(phone).hasURL(Pattern.compile("/notes/[A-Za-z0-9_-]+\\?saved=note$"));
    assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Experiment");
    assertThat(phone.getByText("Geen pendelen in de eerste week")).isVisible();
    Locator notePhoto = phone.getByRole(AriaRole.IMG, named("Foto bij de veldnotitie van Sanne Visser"));
    assertPhotoShown(phone, notePhoto);
    byte[] stored = phone.request().get(notePhoto.getAttribute("src")).body();
    assertFalse(PhoneCamera.hasGps(stored), "the stored photo must not say where it was taken");
    Browser.screenshot(phone, "phone-note");

    phone.getByRole(AriaRole.LINK, named(BUFFER_QUESTION)).click();
    assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(BUFFER_QUESTION);
    Locator card = phone.locator("li.card", new Page.LocatorOptions().setHasText("Buffervat weggelaten bij de familie Jansen"));
    assertThat(card).isVisible();
    assertPhotoShown(phone, card.getByRole(AriaRole.IMG));
    Browser.screenshot(phone, "phone-question-with-note");
  }

  @Test
  @DisplayName("A note without a kind, then without text, shows the error next to the field and keeps what Mehmet typed")
  void badInputKeepsWhatWasTyped() {
    Page phone = Browser.logIn(browser.phone(), "mehmet");
    phone.navigate("/c/demo-warmtepomp/notes/new?question=demo-q-uitleg");
    phone.getByLabel("Wat wil je vastleggen?").fill("Klant vroeg waarom de pomp de hele nacht draait");
    phone.getByRole(AriaRole.RADIO, named("Alleen ik")).check();
    phone.getByRole(AriaRole.BUTTON, named("Notitie opslaan")).click();

    assertThat(phone.locator("#kind-error")).hasText("Kies een van de mogelijkheden.");
    assertThat(phone.getByRole(AriaRole.GROUP, named("Wat voor notitie is het?"))).hasAttribute("aria-describedby", "kind-error");
    assertThat(phone.getByLabel("Wat wil je vastleggen?")).hasValue("Klant vroeg waarom de pomp de hele nacht draait");
    assertThat(phone.getByRole(AriaRole.RADIO, named("Alleen ik"))).isChecked();
    assertThat(phone.getByRole(AriaRole.CHECKBOX,
        named("Hoe leggen we de klant uit waarom de warmtepomp langer draait dan een cv-ketel?"))).isChecked();
    Browser.assertAccessible(phone, "the note form with an error");

    phone.getByRole(AriaRole.RADIO, named("Gesprek")).check();
    phone.getByLabel("Wat wil je vastleggen?").fill("");
    phone.getByRole(AriaRole.BUTTON, named("Notitie opslaan")).click();
    assertThat(phone.locator("#text-error")).hasText("Vul dit in.");
    assertThat(phone.getByLabel("Wat wil je vastleggen?")).hasAttribute("aria-invalid", "true");
    assertThat(phone.getByRole(AriaRole.RADIO, named("Gesprek"))).isChecked();
    Browser.screenshot(phone, "phone-note-new-error");
  }

  @Test
  @DisplayName("Joost writes a field note with the keyboard alone")
  void keyboardOnly() {
    Page laptop = Browser.logIn(browser.laptop(), "joost");
    laptop.navigate("/c/demo-warmtepomp/notes/new");
    tabUntil(laptop, "document.activeElement.id === 'kind-conversation'");
    laptop.keyboard().press("Space");
    laptop.keyboard().press("Tab");
    assertEquals("text", laptop.evaluate("document.activeElement.id"));
    laptop.keyboard().type("Collega Kees meet altijd eerst de flow voordat hij inregelt");
    tabUntil(laptop, "document.activeElement.value === 'demo-q-meten'");
    laptop.keyboard().press("Space");
    tabUntil(laptop, "document.activeElement.type === 'submit'");
    laptop.keyboard().press("Enter");

    assertThat(laptop).hasURL(Pattern.compile("/notes/[A-Za-z0-9_-]+\\?saved=note$"));
    assertThat(laptop.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Gesprek");
    assertThat(laptop.getByText("Collega Kees meet altijd eerst de flow voordat hij inregelt")).isVisible();
    assertThat(laptop.getByRole(AriaRole.LINK, named("Welke meetgegevens leggen we vast bij oplevering?"))).isVisible();
  }

  private static void tabUntil(Page page, String condition) {
    for (int i = 0; i < 40; i++) {
      page.keyboard().press("Tab");
      if (Boolean.TRUE.equals(page.evaluate("() => " + condition))) {
        return;
      }
    }
    throw new AssertionError("Tab never reached: " + condition);
  }

  @Test
  @DisplayName("Sanne's private reflection is in her journal; facilitator, lecturer and employer get 'not found'")
  void privateNoteOnlyForItsAuthor() {
    Page phone = Browser.logIn(browser.phone(), "sanne");
    phone.navigate("/c/demo-warmtepomp/notes/new");
    phone.getByRole(AriaRole.RADIO, named("Reflectie")).check();
    phone.getByLabel("Wat wil je vastleggen?").fill("Ik vind het lastig om toe te geven dat ik het niet weet");
    phone.getByRole(AriaRole.RADIO, named("Alleen ik")).check();
    phone.getByRole(AriaRole.BUTTON, named("Notitie opslaan")).click();
    assertThat(phone.getByText("Privé: alleen jij ziet deze notitie.")).isVisible();
    String notePath = phone.url().replaceFirst("^https?://[^/]+", "");

    phone.getByRole(AriaRole.LINK, named("Mijn logboek")).click();
    Locator entry = phone.locator("li.card", new Page.LocatorOptions()
        .setHasText("Ik vind het lastig om toe te geven dat ik het niet weet"));
    assertThat(entry.getByText("Alleen ik")).isVisible();
    Browser.screenshot(phone, "phone-journal");

    for (String other : new String[] {"fenna@leerwerkplaats.nl", "r.mulder@hogeschool-oost.nl", "hr@vandijk-installatie.nl"}) {
      Page laptop = Browser.logIn(browser.laptop(), other);
      Response response = laptop.navigate(notePath);
      assertEquals(404, response.status(), other + " must not find a private note");
      assertThat(laptop.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Niet gevonden");
      assertEquals(404, laptop.navigate(notePath + "/photo").status());
      laptop.context().close();
    }
  }

  @Test
  @DisplayName("Every field note page passes axe in Dutch and English on a phone, and on a laptop")
  void accessibleEverywhere() throws Exception {
    record Visit(String login, boolean phone, boolean english) {
    }
    // At laptop width one language is enough: axe passes a template there once (Browser.assertAccessible).
    for (Visit v : new Visit[] {new Visit("kees", true, false), new Visit("lotte", false, false),
        new Visit("bram", true, true)}) {
      String what = v.login() + (v.phone() ? " on a phone" : " on a laptop") + (v.english() ? " in English" : " in Dutch");
      Page page = Browser.logIn(v.phone() ? browser.phone() : browser.laptop(), v.login());
      if (v.english()) {
        page.getByRole(AriaRole.BUTTON, named("English")).click();
        assertThat(page.locator("html")).hasAttribute("lang", "en");
      }
      page.navigate("/journal");
      Browser.assertAccessible(page, "the journal, " + what);
      page.navigate("/c/demo-warmtepomp/notes/new?question=demo-q-buffer");
      Browser.assertAccessible(page, "the new note form, " + what);
      page.locator("#kind-experiment").check();
      page.locator("button.primary[type=submit]").click();
      assertThat(page.locator("#text-error")).isVisible();
      Browser.assertAccessible(page, "the new note form with an error, " + what);
      page.locator("#text").fill("Inregelrapport van de leverancier bekeken");
      page.locator("#happened").fill("Er staat een tabel met stooklijnen in");
      page.locator("#photo").setInputFiles(photo());
      page.locator("button.primary[type=submit]").click();
      assertThat(page).hasURL(Pattern.compile("/notes/[A-Za-z0-9_-]+\\?saved=note$"));
      Browser.assertAccessible(page, "a note, " + what);
      page.navigate(page.url().replaceFirst("\\?.*", "") + "/edit");
      Browser.assertAccessible(page, "the note edit form, " + what);
      page.context().close();
    }
  }

  @Test
  @DisplayName("Sanne corrects her note; who wrote it and when stay, the edit is recorded")
  void editKeepsAuthorAndTime() {
    Page phone = Browser.logIn(browser.phone(), "sanne");
    phone.navigate("/notes/demo-n-experiment");
    String byline = phone.locator("p.meta").first().textContent();
    phone.getByRole(AriaRole.LINK, named("Notitie bewerken")).click();
    phone.getByLabel("Wat wil je vastleggen?").fill("Stooklijn verlaagd bij de familie Peters (jaren-70 woning).");
    phone.getByRole(AriaRole.BUTTON, named("Opslaan")).click();
    assertThat(phone.getByText("Stooklijn verlaagd bij de familie Peters (jaren-70 woning).")).isVisible();
    assertThat(phone.locator("p.meta").first()).hasText(byline);
    assertThat(phone.getByText(Pattern.compile("^Bewerkt op "))).isVisible();
    Browser.screenshot(phone, "phone-note-edited");

    Page colleague = Browser.logIn(browser.phone(), "mehmet");
    assertEquals(403, colleague.navigate("/notes/demo-n-experiment/edit").status());
  }
}
