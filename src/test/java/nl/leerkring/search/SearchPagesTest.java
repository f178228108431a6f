package nl.leerkring.search;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import nl.leerkring.fieldnote.PhoneCamera;
import nl.leerkring.support.Browser;
import nl.leerkring.support.BrowserScenarios;
import nl.leerkring.support.EveryLanguage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The search page and the learning-snack form, as people use them on a phone and a laptop. */
@DisplayName("Searching and sharing learning snacks in the browser")
class SearchPagesTest extends BrowserScenarios {

  private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

  private static Page.GetByRoleOptions exactly(String name) {
    return named(name).setExact(true);
  }

  @Test
  @DisplayName("Mehmet searches \"gemeten\" on his phone from the community page and finds Sanne's experiment with "
      + "the word marked; blank words get their error next to the field")
  void searchOnAPhone() {
    Page phone = Browser.logIn(browser.phone(), "mehmet");
    phone.navigate("/c/demo-warmtepomp");
    phone.getByRole(AriaRole.LINK, exactly("Zoeken")).click();
    EveryLanguage.assertAccessible(phone, "the empty search page on a phone");

    phone.getByLabel("Waar zoek je naar?").fill("gemeten");
    phone.getByRole(AriaRole.BUTTON, exactly("Zoeken")).click();
    assertThat(phone).hasURL(Pattern.compile("/c/demo-warmtepomp/search\\?q=gemeten"));
    Locator results = phone.locator(".search-result");
    assertThat(results.first()).isVisible();
    assertThat(phone.locator(".search-result mark").first()).isVisible();
    EveryLanguage.assertAccessible(phone, "search results on a phone");
    Browser.screenshot(phone, "phone-search-results");

    phone.getByLabel("Waar zoek je naar?").fill("   ");
    phone.getByRole(AriaRole.BUTTON, exactly("Zoeken")).click();
    assertThat(phone.locator("#q-error")).hasText("Typ waar je naar zoekt.");
    assertThat(phone.getByLabel("Waar zoek je naar?")).hasAttribute("aria-invalid", "true");
    EveryLanguage.assertAccessible(phone, "a blank search on a phone");
  }

  @Test
  @DisplayName("Sanne adds a link with a photo to a question on her phone: without its address she is told so next "
      + "to the field and keeps what she typed; then it shows on the question, in search, and in the next session")
  void snackOnAPhone() throws Exception {
    Page phone = Browser.logIn(browser.phone(), "sanne");
    phone.navigate("/questions/demo-q-meten");
    assertThat(phone.locator("#snack-demo-s-checklist")).containsText("Opleverlijst metingen");
    phone.getByText("Leersnack toevoegen").click();
    assertThat(phone.locator("#snack-shared")).isVisible();
    phone.locator("input[name=kind][value=link]").check();
    phone.getByLabel("Titel", EXACT).fill("Meetprotocol van de fabrikant");
    phone.getByRole(AriaRole.BUTTON, named("Leersnack delen")).click();

    assertThat(phone.locator("#snack-url-error")).hasText("Vul het webadres in.");
    assertThat(phone.getByLabel("Titel", EXACT)).hasValue("Meetprotocol van de fabrikant");
    assertThat(phone.locator("input[name=kind][value=link]")).isChecked();
    Browser.assertAccessible(phone, "the snack form with an error on a phone");
    phone.getByLabel("Webadres", EXACT).fill("https://example.org/meetprotocol");
    phone.getByLabel("Foto (mag ook weg)", EXACT).setInputFiles(
        new FilePayload("meter.jpg", "image/jpeg", PhoneCamera.jpegWithGps(52.2215, 6.8937)));
    phone.getByRole(AriaRole.BUTTON, named("Leersnack delen")).click();

    assertThat(phone).hasURL(Pattern.compile("/questions/demo-q-meten\\?saved=snack#snack-"));
    Locator card = phone.locator("li.snack", new Page.LocatorOptions().setHasText("Meetprotocol van de fabrikant"));
    assertThat(card.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Meetprotocol van de fabrikant").setExact(true)))
        .hasAttribute("href", "https://example.org/meetprotocol");
    Locator photo = card.getByRole(AriaRole.IMG);
    assertThat(photo).isVisible();
    assertFalse(PhoneCamera.hasGps(phone.request().get(photo.getAttribute("src")).body()),
        "the snack's photo must not say where it was taken");
    EveryLanguage.assertAccessible(phone, "a question with learning snacks on a phone");
    Browser.screenshot(phone, "phone-question-snacks");

    phone.navigate("/c/demo-warmtepomp/search?q=meetprotocol&kind=snack");
    assertThat(phone.locator(".search-result")).hasCount(1);

    Page laptop = Browser.logIn(browser.laptop(), "fenna@leerwerkplaats.nl");
    laptop.navigate("/sessions/demo-s-2");
    assertThat(laptop.locator("#since-session")).containsText("Meetprotocol van de fabrikant");
    assertThat(laptop.locator("#since-session")).containsText("Opleverlijst metingen");
    Browser.assertAccessible(laptop, "the next session with its learning snacks on a laptop");

    laptop.navigate("/questions/demo-q-meten");
    laptop.locator("#snack-demo-s-video a[href='/snacks/demo-s-video/edit']").click();
    Browser.assertAccessible(laptop, "changing a learning snack on a laptop");
    laptop.getByRole(AriaRole.BUTTON, named("Leersnack verwijderen")).click();
    assertThat(laptop.locator("#snack-demo-s-video")).hasCount(0);
  }
}
