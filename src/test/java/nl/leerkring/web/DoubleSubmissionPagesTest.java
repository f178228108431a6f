package nl.leerkring.web;

import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.FilePayload;
import io.vertx.core.json.JsonObject;
import nl.leerkring.fieldnote.PhoneCamera;
import nl.leerkring.support.Browser;
import nl.leerkring.support.BrowserScenarios;
import nl.leerkring.support.Eventually;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The note form sent twice in real Chromium (issue 13.2) makes one note, and the page shown is that note; the
 * same over HTTP, for every form that creates something, is DoubleSubmissionTest. A second tap only sends the
 * form again while the first send is still on its way, so the answers here come back as slowly as on a phone in
 * the field (DevTools' network emulation: the request leaves at once, its answer is held), and the second tap
 * comes after the server has made the note of the first. Chromium itself makes one send of two submissions
 * within one task (the second replaces the first before it leaves), so the taps are two actions. The posts that
 * leave the browser are counted as Chromium reports them, without intercepting any.
 */
@DisplayName("Sending the note form twice in the browser makes one note and shows it")
class DoubleSubmissionPagesTest extends BrowserScenarios {

  private static final String COMMUNITY = "demo-warmtepomp";
  private static final String FORM = "/c/" + COMMUNITY + "/notes/new";
  private static final Pattern TOKEN = Pattern.compile("name=\"clientToken\"\r\n\r\n([^\r\n]+)\r\n");
  /** Long enough for the server to make the first note before its answer arrives; short enough for a fast test. */
  private static final int LATENCY_MS = 600;

  /** The notes with this text, as their author reads the community's notes through the API. */
  private List<JsonObject> notes(String login, String text) {
    return server.demo(login).get("/communities/" + COMMUNITY + "/notes?limit=50").ok().getJsonArray("items")
        .stream().map(n -> (JsonObject) n).filter(n -> text.equals(n.getString("text"))).toList();
  }

  /** The note the first tap made, once the server has made it (its answer is still on the way back). */
  private JsonObject madeBy(String login, String text) {
    return Eventually.await("the note of the first tap", Duration.ofSeconds(5),
        () -> notes(login, text).stream().findFirst().orElse(null));
  }

  /**
   * The note form's posts, in the order they left the browser, each by its client token; null where Chromium
   * does not report the body (it reports none that holds a file).
   */
  private static List<String> notePosts(Page page) {
    List<String> tokens = new CopyOnWriteArrayList<>();
    page.onRequest(request -> {
      if ("POST".equals(request.method()) && request.url().endsWith("/c/" + COMMUNITY + "/notes")) {
        tokens.add(tokenOf(request));
      }
    });
    return tokens;
  }

  private static String tokenOf(Request request) {
    byte[] body = request.postDataBuffer();
    Matcher token = TOKEN.matcher(body == null ? "" : new String(body, StandardCharsets.ISO_8859_1));
    return token.find() ? token.group(1) : null;
  }

  /** Every answer held LATENCY_MS, as on a slow connection; the requests themselves leave at once. */
  private static CDPSession slowAnswers(Page page) {
    CDPSession cdp = page.context().newCDPSession(page);
    cdp.send("Network.enable");
    com.google.gson.JsonObject network = new com.google.gson.JsonObject();
    network.addProperty("offline", false);
    network.addProperty("latency", LATENCY_MS);
    network.addProperty("downloadThroughput", -1);
    network.addProperty("uploadThroughput", -1);
    cdp.send("Network.emulateNetworkConditions", network);
    return cdp;
  }

  private static String shownToken(Page page) {
    return page.locator("input[name=clientToken]").getAttribute("value");
  }

  private static Locator save(Page page) {
    return page.getByRole(AriaRole.BUTTON, named("Notitie opslaan"));
  }

  /**
   * Where the thumb taps "Notitie opslaan". The taps are the touchscreen's own: Playwright's tap on an element
   * would first wait for the page the first send leads to, which a person does not.
   */
  private static Runnable thumbOn(Page page) {
    Locator button = save(page);
    button.scrollIntoViewIfNeeded();
    BoundingBox box = button.boundingBox();
    return () -> page.touchscreen().tap(box.x + box.width / 2, box.y + box.height / 2);
  }

  private static void write(Page page, String kind, String text) {
    page.getByRole(AriaRole.RADIO, named(kind)).check();
    page.getByLabel("Wat wil je vastleggen?").fill(text);
  }

  /** The page shown is the note itself, as saved, with its text. */
  private static void showsNote(Page page, JsonObject note) {
    assertThat(page).hasURL(Pattern.compile("/notes/" + note.getString("id") + "\\?saved=note$"));
    assertThat(page.getByText(note.getString("text"))).isVisible();
  }

  private static FilePayload photo() throws Exception {
    return new FilePayload("meterkast.jpg", "image/jpeg", PhoneCamera.jpegWithGps(52.2215, 6.8937));
  }

  @Test
  @DisplayName("Sanne taps 'Notitie opslaan' twice on her phone: two posts with the same token leave the browser, "
      + "one note, and she sees it")
  void doubleTapMakesOneNote() {
    Page phone = Browser.logIn(browser.phone(), "sanne");
    phone.navigate(FORM);
    String text = "Twee keer getikt: de buitenunit staat te dicht bij de schutting";
    write(phone, "Meekijken", text);
    String token = shownToken(phone);
    List<String> posts = notePosts(phone);
    CDPSession cdp = slowAnswers(phone);
    Runnable tap = thumbOn(phone);

    tap.run();
    JsonObject first = madeBy("sanne", text);
    tap.run();

    showsNote(phone, first);
    cdp.detach();
    assertEquals(List.of(token, token), posts, "both taps sent the form, with its one token");
    assertEquals(1, notes("sanne", text).size(), "one note");
  }

  @Test
  @DisplayName("Without JavaScript, Mehmet taps twice on a note with a photo: the form is sent twice, one note with "
      + "its photo, and he sees it")
  void doubleTapWithoutJavaScript() throws Exception {
    Page phone = Browser.logIn(browser.phoneWithoutJavaScript(), "mehmet");
    phone.navigate(FORM);
    String text = "Zonder JavaScript twee keer getikt: foto van de meterkast";
    write(phone, "Meekijken", text);
    phone.getByLabel("Foto (mag ook weg blijven)").setInputFiles(photo());
    List<String> posts = notePosts(phone);
    CDPSession cdp = slowAnswers(phone);
    Runnable tap = thumbOn(phone);

    tap.run();
    JsonObject first = madeBy("mehmet", text);
    tap.run();

    showsNote(phone, first);
    cdp.detach();
    // Without a script nothing can change the form's hidden token, so both posts carry the one shown.
    assertEquals(2, posts.size(), "both taps sent the form");
    List<JsonObject> stored = notes("mehmet", text);
    assertEquals(1, stored.size(), "one note");
    assertNotNull(stored.get(0).getJsonObject("photo"), "with the photo");
  }

  @Test
  @DisplayName("With a photo, the page's script sends the form once however often Sanne taps: one post, one note, "
      + "and she sees it")
  void scriptSendsAPhotoFormOnce() throws Exception {
    Page phone = Browser.logIn(browser.phone(), "sanne");
    phone.navigate(FORM);
    String text = "Met foto twee keer getikt: typeplaatje van de buitenunit";
    write(phone, "Meekijken", text);
    phone.getByLabel("Foto (mag ook weg blijven)").setInputFiles(photo());
    List<String> posts = notePosts(phone);
    CDPSession cdp = slowAnswers(phone);
    Runnable tap = thumbOn(phone);

    tap.run();
    JsonObject first = madeBy("sanne", text);
    tap.run();

    showsNote(phone, first);
    cdp.detach();
    assertEquals(1, posts.size(), "upload.js sends the form once");
    assertEquals(1, notes("sanne", text).size(), "one note");
  }

  @Test
  @DisplayName("Sanne saves a note, presses Back and saves the same form again: she lands on her first note, still "
      + "one note; changed, the form makes a second")
  void sentAgainAfterBack() {
    Page phone = Browser.logIn(browser.phone(), "sanne");
    phone.navigate(FORM);
    String text = "Klant wil weten waarom de pomp 's nachts aanslaat";
    write(phone, "Gesprek", text);
    save(phone).click();
    JsonObject first = notes("sanne", text).get(0);
    showsNote(phone, first);

    phone.goBack();
    assertThat(phone.getByLabel("Wat wil je vastleggen?")).hasValue(text);
    save(phone).click();

    showsNote(phone, first);
    assertEquals(1, notes("sanne", text).size(), "one note");

    phone.goBack();
    String other = "Klant wil weten waarom de pomp overdag stilstaat";
    phone.getByLabel("Wat wil je vastleggen?").fill(other);
    save(phone).click();
    JsonObject second = notes("sanne", other).get(0);
    assertNotEquals(first.getString("id"), second.getString("id"));
    showsNote(phone, second);
    assertEquals(1, notes("sanne", text).size());
  }
}
