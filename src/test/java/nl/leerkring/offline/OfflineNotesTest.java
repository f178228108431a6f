package nl.leerkring.offline;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.vertx.core.json.JsonObject;
import nl.leerkring.support.Browser;
import nl.leerkring.support.BrowserScenarios;
import nl.leerkring.support.Eventually;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("The installable app: the note form opens without a connection, and a note written there is sent once")
class OfflineNotesTest extends BrowserScenarios {

  private static final String COMMUNITY = "demo-warmtepomp";
  private static final String FORM = "/c/" + COMMUNITY + "/notes/new";
  private static final String WAITING = "Wacht op verbinding – je notitie is bewaard op deze telefoon.";

  /** One online visit: the worker is installed and controls the phone, and it kept the note form. */
  private Page installedWithForm(String login) {
    Page phone = Browser.logIn(browser.phoneWithServiceWorker(), login);
    until(phone, "() => navigator.serviceWorker.controller !== null");
    phone.navigate(FORM);
    until(phone, "() => caches.open('leerkring-pages').then(c => c.match(location.pathname)).then(Boolean)");
    return phone;
  }

  /**
   * Waits for a condition in the page, asked every 100 ms (Playwright's waitForFunction evaluates its text with
   * eval, which the pages' content policy refuses).
   */
  /** Only a limit against waiting forever: installing the worker took over 15 s on a busy CI machine. */
  private static void until(Page phone, String condition) {
    Eventually.await(condition, Duration.ofSeconds(45),
        () -> Boolean.TRUE.equals(phone.evaluate(condition)) ? Boolean.TRUE : null);
  }

  /** The notes with this text that the community's page shows, read through the API as their author. */
  private List<JsonObject> stored(String login, String text) {
    return server.demo(login).get("/api/v1/communities/" + COMMUNITY + "/notes?limit=50").ok()
        .getJsonArray("items").stream().map(n -> (JsonObject) n).filter(n -> text.equals(n.getString("text")))
        .toList();
  }

  private long storedNotes(String login, String text) {
    return stored(login, text).size();
  }

  private static FilePayload photo() throws IOException {
    BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    ImageIO.write(image, "jpg", jpeg);
    return new FilePayload("meterkast.jpg", "image/jpeg", jpeg.toByteArray());
  }

  private static void write(Page phone, String kind, String text) {
    phone.getByRole(AriaRole.RADIO, named(kind)).check();
    phone.getByLabel("Wat wil je vastleggen?").fill(text);
    phone.getByRole(AriaRole.BUTTON, named("Notitie opslaan")).click();
  }

  private static Locator status(Page phone) {
    return phone.locator(".offline-status");
  }

  private static Locator waitingNote(Page phone, String text) {
    return phone.locator("li.waiting-note", new Page.LocatorOptions().setHasText(text));
  }

  @Test
  @DisplayName("Offline, Sanne writes two notes on the kept form; they wait on her phone, also after a reload and on the offline page, and each is stored once when she is back online")
  void notesWrittenOfflineAreSentOnce() throws IOException {
    Page phone = installedWithForm("sanne");
    phone.context().setOffline(true);
    phone.reload();
    assertThat(phone.getByRole(AriaRole.HEADING, named("Nieuwe veldnotitie"))).isVisible();

    phone.getByLabel("Foto (mag ook weg blijven)").setInputFiles(photo());
    write(phone, "Meekijken", "Offline: de monteur zet de pomp eerst in de testmodus");
    assertThat(status(phone)).hasText(WAITING);
    assertThat(status(phone)).hasAttribute("role", "status");
    assertThat(waitingNote(phone, "de pomp eerst in de testmodus")).containsText("Wacht op verbinding");
    assertThat(waitingNote(phone, "de pomp eerst in de testmodus")).containsText("met foto");
    assertThat(phone.getByLabel("Wat wil je vastleggen?")).hasValue("");
    write(phone, "Gesprek", "Offline: klant vraagt naar het geluid van de buitenunit");
    assertThat(waitingNote(phone, "het geluid van de buitenunit")).isVisible();
    Browser.screenshot(phone, "phone-note-waiting");
    Browser.assertAccessible(phone, "the note form with notes waiting on the phone");

    phone.reload();
    assertThat(waitingNote(phone, "de pomp eerst in de testmodus")).isVisible();
    assertThat(waitingNote(phone, "het geluid van de buitenunit")).isVisible();
    assertEquals(0, storedNotes("sanne", "Offline: de monteur zet de pomp eerst in de testmodus"));

    phone.navigate("/journal");
    assertThat(phone.getByRole(AriaRole.HEADING, named("Geen verbinding"))).isVisible();
    Locator keptForm = phone.getByRole(AriaRole.LINK, named("Nieuwe veldnotitie in Warmtepomp in één keer goed inregelen"));
    assertThat(keptForm).hasAttribute("href", FORM);
    assertThat(waitingNote(phone, "het geluid van de buitenunit")).isVisible();
    Browser.screenshot(phone, "phone-offline");
    Browser.assertAccessible(phone, "the offline page in Dutch");
    keptForm.click();
    assertThat(phone.getByRole(AriaRole.HEADING, named("Nieuwe veldnotitie"))).isVisible();

    phone.context().setOffline(false);
    assertThat(status(phone)).hasText("Je notitie is verstuurd.", new LocatorAssertions.HasTextOptions().setTimeout(20_000));
    assertThat(waitingNote(phone, "het geluid van de buitenunit")).containsText("Verstuurd");
    assertThat(waitingNote(phone, "de pomp eerst in de testmodus")).containsText("Verstuurd");
    List<JsonObject> withPhoto = stored("sanne", "Offline: de monteur zet de pomp eerst in de testmodus");
    assertEquals(1, withPhoto.size());
    assertTrue(withPhoto.get(0).containsKey("photo"), "the photo kept on the phone came along: " + withPhoto);
    assertEquals(1, storedNotes("sanne", "Offline: klant vraagt naar het geluid van de buitenunit"));

    phone.reload();
    assertThat(phone.locator(".waiting-notes")).isHidden();
    assertEquals(1, storedNotes("sanne", "Offline: de monteur zet de pomp eerst in de testmodus"));
  }

  @Test
  @DisplayName("A note whose post never arrives while the phone thinks it is online is kept, tried again and stored once when the server answers, without a reload; one the server refuses goes back into the form")
  void aPostLostOnTheWayIsKept() {
    Page phone = installedWithForm("mehmet");
    String text = "Verbinding viel weg bij het opslaan van deze notitie";
    String notes = "**/c/" + COMMUNITY + "/notes";
    phone.context().route(notes, route -> {
      if ("POST".equals(route.request().method())) {
        route.abort("internetdisconnected");
      } else {
        route.fallback();
      }
    });
    write(phone, "Opgezocht", text);

    assertThat(waitingNote(phone, text)).containsText("Wacht op verbinding");
    assertThat(status(phone)).hasText(WAITING);
    assertEquals(0, storedNotes("mehmet", text));

    // The phone stays "online" all along, so no online event comes: the page tries again by itself.
    phone.context().unroute(notes);
    assertThat(waitingNote(phone, text)).containsText("Verstuurd", new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
    assertEquals(1, storedNotes("mehmet", text));

    // A note the server refuses (longer than 10,000 characters, which the field's maxlength stops only when
    // typing) is not lost either: it stays on the phone, and goes back into the form.
    String tooLong = "Te lang " + "x".repeat(10_000);
    phone.context().setOffline(true);
    phone.getByRole(AriaRole.RADIO, named("Opgezocht")).check();
    phone.getByLabel("Wat wil je vastleggen?").evaluate("(field, text) => { field.value = text; }", tooLong);
    phone.getByRole(AriaRole.BUTTON, named("Notitie opslaan")).click();
    assertThat(waitingNote(phone, "Te lang")).containsText("Wacht op verbinding");
    phone.context().setOffline(false);
    Locator refused = waitingNote(phone, "Te lang");
    assertThat(refused).containsText("Niet verstuurd");
    assertThat(refused.locator(".field-error")).not().isEmpty();
    Browser.assertAccessible(phone, "the note form with a refused note");
    refused.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Terug in het formulier")).click();
    assertThat(phone.getByLabel("Wat wil je vastleggen?")).hasValue(tooLong);
    assertThat(phone.getByRole(AriaRole.RADIO, named("Opgezocht"))).isChecked();
    assertThat(waitingNote(phone, "Te lang")).hasCount(0);
    assertEquals(0, storedNotes("mehmet", tooLong));
  }

  @Test
  @DisplayName("Priya reads Leerkring in English: offline her note waits with an English message, and other pages give the offline page in English")
  void offlineInEnglish() {
    Page phone = Browser.logIn(browser.phoneWithServiceWorker(), "priya");
    // The worker first, as in the other scenarios: a click right after the login left a busy CI machine's
    // phone with no worker in control for 45 s.
    until(phone, "() => navigator.serviceWorker.controller !== null");
    phone.getByRole(AriaRole.BUTTON, named("English")).click();
    assertThat(phone.locator("html")).hasAttribute("lang", "en");
    phone.navigate(FORM);
    until(phone, "() => caches.open('leerkring-pages').then(c => c.match(location.pathname)).then(Boolean)");
    until(phone, "() => LeerkringQueue.prefs().then(p => p.lang === 'en')");

    phone.context().setOffline(true);
    phone.getByRole(AriaRole.RADIO, named("Reflection")).check();
    phone.getByLabel("What do you want to record?").fill("Offline in English");
    phone.getByRole(AriaRole.BUTTON, named("Save note")).click();
    assertThat(status(phone)).hasText("Waiting for a connection – your note is saved on this phone.");
    assertThat(waitingNote(phone, "Offline in English")).containsText("Waiting for a connection");
    Browser.assertAccessible(phone, "the note form with a note waiting, in English");

    phone.navigate("/notifications");
    assertThat(phone.getByRole(AriaRole.HEADING, named("No connection"))).isVisible();
    assertThat(phone.locator("html")).hasAttribute("lang", "en");
    Browser.assertAccessible(phone, "the offline page in English");
  }

  @Test
  @DisplayName("Joost logs out on a shared phone: the kept note form and who he is are gone from it")
  void logoutClearsWhatThePhoneKept() {
    Page phone = installedWithForm("joost");
    com.microsoft.playwright.Response logout = phone.waitForResponse(answer -> answer.url().endsWith("/logout"),
        () -> phone.getByRole(AriaRole.BUTTON, named("Uitloggen")).click());
    assertEquals("\"cache\", \"storage\"", logout.headerValue("clear-site-data"));
    assertThat(phone).hasURL(Pattern.compile("/login$"));

    until(phone, "() => navigator.serviceWorker.controller !== null");
    until(phone, "() => caches.match('/offline?lang=nl').then(Boolean)");
    assertEquals(Boolean.FALSE, phone.evaluate("() => caches.match('" + FORM + "').then(Boolean)"));
    assertEquals(Boolean.FALSE, phone.evaluate("() => LeerkringQueue.prefs().then(p => 'person' in p)"));
    phone.context().setOffline(true);
    phone.navigate(FORM);
    assertThat(phone.getByRole(AriaRole.HEADING, named("Geen verbinding"))).isVisible();
    assertThat(phone.locator(".offline-forms")).isHidden();
  }
}
