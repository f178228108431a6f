package nl.leerkring.session;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.vertx.core.json.JsonObject;
import nl.leerkring.support.Browser;
import nl.leerkring.support.BrowserScenarios;
import nl.leerkring.support.CuttableLink;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The live session console")
class LiveConsolePagesTest extends BrowserScenarios {

  @Test
  @DisplayName("Sanne's phone, opened before the start, gets the question form when Fenna starts on her laptop, shows "
      + "the timer Fenna sets and announces the next phase; neither page reloads")
  void phoneFollowsTheConsole() {
    String session = plannedSession();
    Page sanne = Browser.logIn(browser.phone(), "sanne");
    sanne.navigate(session);
    sanne.evaluate("window.stayedOnThePage = true");
    Locator question = sanne.getByLabel("Welke vraag willen we uitzoeken?");
    assertThat(question).hasCount(0);
    Browser.assertAccessible(sanne, "a planned session on a phone");

    Page fenna = Browser.logIn(browser.laptop(), "fenna@leerwerkplaats.nl");
    fenna.navigate(session);
    fenna.evaluate("window.stayedOnThePage = true");
    assertSideBySide(fenna);
    fenna.getByRole(AriaRole.BUTTON, named("Bijeenkomst starten")).click();

    assertThat(question).isVisible();
    Locator announcer = sanne.locator("#live-announcer");
    assertThat(announcer).hasAttribute("aria-live", "polite");
    assertThat(announcer).hasText("Nu: Check-in.");
    assertNull(sanne.locator("#live").getAttribute("aria-live"), "the console itself is not read out again");

    fenna.getByLabel("Minuten voor deze fase").fill("10");
    fenna.getByRole(AriaRole.BUTTON, named("Timer zetten")).click();
    Locator countdown = sanne.getByRole(AriaRole.TIMER);
    assertThat(countdown).hasText(Pattern.compile("^nog (10:00|9:[0-5][0-9])$"));
    assertThat(sanne.locator(".timer-ends")).containsText("Tijd voor deze fase: 10 minuten, tot ");
    assertThat(announcer).containsText("Tijd: 10 minuten, tot ");
    Browser.assertAccessible(sanne, "a live session with its timer on a phone");

    fenna.getByRole(AriaRole.BUTTON, named("Volgende: Bevindingen delen")).click();
    assertThat(announcer).hasText("Nu: Bevindingen delen.");
    assertThat(countdown).hasCount(0);

    question.fill("Hoeveel water moet er minstens in het systeem?");
    sanne.getByRole(AriaRole.BUTTON, named("Vraag toevoegen")).click();
    assertThat(sanne.locator("#questions .cards")).containsText("Hoeveel water moet er minstens in het systeem?");
    assertThat(question).hasValue("");
    assertThat(fenna.locator("#questions")).containsText("Hoeveel water moet er minstens in het systeem?");

    assertEquals(true, sanne.evaluate("window.stayedOnThePage"), "Sanne's page followed without a reload");
    assertEquals(true, fenna.evaluate("window.stayedOnThePage"), "Fenna's actions applied without a reload");
    Browser.assertAccessible(fenna, "the live console on a laptop");
    Browser.screenshot(fenna, "laptop-session-console");
    Browser.screenshot(sanne, "phone-session-console");

    sanne.getByRole(AriaRole.BUTTON, named("English")).click();
    sanne.waitForLoadState();
    assertThat(sanne.locator("#current-phase")).containsText("Share findings");
    Browser.assertAccessible(sanne, "a live session on a phone in English");
  }

  @Test
  @DisplayName("Sanne's phone shows that it reconnects while its connection is down, and catches up afterwards")
  void reconnecting() {
    String session = plannedSession();
    Page sanne = Browser.logIn(browser.phone(), "sanne");
    try (CuttableLink link = CuttableLink.to(server)) {
      sanne.navigate(link.url(session));
      Locator connection = sanne.locator("#live-connection");
      assertThat(sanne.locator("#stage")).containsText("Gepland");
      assertThat(connection).isHidden();

      link.cut();
      assertThat(connection).hasText("Verbinding herstellen…");
      assertThat(connection).isVisible();
      Browser.assertAccessible(sanne, "a session page while it reconnects");
      // Fenna starts the session meanwhile: the stream cannot bring it to Sanne's phone.
      server.demo("fenna@leerwerkplaats.nl").patch(session, new JsonObject().put("status", "live")).expect(200);

      link.restore();
      assertThat(connection).isHidden();
      assertThat(sanne.locator("#current-phase")).containsText("Check-in");
      assertThat(sanne.getByLabel("Welke vraag willen we uitzoeken?")).isVisible();
    }
  }

  @Test
  @DisplayName("Without JavaScript the timer form posts and the page shows until when the phase runs; a timer "
      + "before the start is refused with a message in her language")
  void timerWithoutJavaScript() {
    String session = plannedSession();
    Page fenna = Browser.logIn(browser.laptop(), "fenna@leerwerkplaats.nl");
    fenna.navigate(session);
    String csrf = fenna.locator("input[name=_csrf]").first().inputValue();

    APIResponse refused = fenna.request().post(session + "/timer", RequestOptions.create()
        .setForm(FormData.create().set("_csrf", csrf).set("timerMinutes", "10")));
    assertEquals(409, refused.status());
    assertTrue(refused.text().contains("Een timer loopt alleen tijdens de bijeenkomst."), refused.text());

    server.demo("fenna@leerwerkplaats.nl").patch(session, new JsonObject().put("status", "live")).expect(200);
    APIResponse set = fenna.request().post(session + "/timer", RequestOptions.create()
        .setForm(FormData.create().set("_csrf", csrf).set("timerMinutes", "25")));
    assertEquals(200, set.status(), "the post's answer leads back to the session page");
    assertTrue(set.url().endsWith(session + "#stage") || set.url().endsWith(session), set.url());
    assertTrue(set.text().contains("Tijd voor deze fase: 25 minuten, tot "), "the end time, without a countdown");

    APIResponse tooLong = fenna.request().post(session + "/timer", RequestOptions.create()
        .setForm(FormData.create().set("_csrf", csrf).set("timerMinutes", "600")));
    assertEquals(400, tooLong.status());
    assertTrue(tooLong.text().contains("Een fase duurt hoogstens 240 minuten."), tooLong.text());
  }

  /** The four parts of the console sit side by side on a laptop: one row, left to right. */
  private static void assertSideBySide(Page laptop) {
    List<BoundingBox> parts = List.of("#stage", "#questions", "#attendance", "#agreements").stream()
        .map(id -> laptop.locator(id).boundingBox()).toList();
    for (int i = 1; i < parts.size(); i++) {
      assertEquals(parts.get(0).y, parts.get(i).y, 1, "the parts start at the same height");
      assertTrue(parts.get(i).x > parts.get(i - 1).x + parts.get(i - 1).width - 1, "each part right of the one before");
    }
  }

  /** A session planned through the API for tomorrow, as Fenna would on the sessions page; answers its address. */
  private String plannedSession() {
    JsonObject planned = server.demo("fenna@leerwerkplaats.nl").post("/communities/demo-warmtepomp/sessions",
        new JsonObject().put("startsAt", LocalDate.now().plusDays(1) + "T09:00").put("place", "Kantine werkplaats"))
        .expect(201).json();
    return "/sessions/" + planned.getString("id");
  }
}
