package nl.leerkring.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.fieldnote.PhoneCamera;
import nl.leerkring.support.Browser;
import nl.leerkring.support.BrowserScenarios;
import nl.leerkring.support.Eventually;
import nl.leerkring.support.Person;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every page template, in the states people meet it in (forms with errors, error pages, empty and full), as
 * the people who use it: on a 360 px phone in Dutch and English, and on a laptop. On each: axe
 * ({@link Browser#assertAccessible}, which skips what this run already checked), a screenshot of the view under
 * target/screenshots/, and on the phone no sideways scrolling at 200 % text, the menu inside the screen.
 * 200 % text is the page's root font size set to 200 %: the pages size everything in rem, as a phone's larger
 * text setting does (Chromium has no text-zoom emulation over CDP).
 *
 * <p>Not here: the company sign-in's "continue" and "link your account" pages need an identity provider's
 * flow; SsoPagesTest runs them against a mock provider. Its failure page is here.
 */
@DisplayName("Every page, on a 360 px phone at 200 % text and on a laptop, in Dutch and English")
class EveryPageTest extends BrowserScenarios {

  private static final String C = "/c/demo-warmtepomp";
  private final AtomicInteger companies = new AtomicInteger();

  /** One page in one state: how to get there, by a name for the screenshot. */
  private record Visit(String name, Consumer<Page> open) {
  }

  private static Visit go(String name, String path) {
    return new Visit(name, page -> page.navigate(path));
  }

  /** A form sent as it is (empty, or as {@code fill} leaves it): the page that answers, errors included. */
  private static Visit send(String name, String path, String action, Consumer<Page> fill, String expected) {
    return new Visit(name, page -> {
      page.navigate(path);
      fill.accept(page);
      page.locator("form[action='" + action + "'] button[type=submit]").first().click();
      assertThat(page.locator(expected).first()).isVisible();
    });
  }

  private static Visit sendEmpty(String name, String path, String action) {
    return send(name, path, action, page -> { }, "[aria-invalid=true], .error-summary");
  }

  @Test
  @DisplayName("A visitor's pages: logging in (also with a wrong password), joining, a password reset, error pages")
  void visitor() {
    String join = server.demo("fenna@leerwerkplaats.nl").post("/communities/demo-warmtepomp/invitations",
        new JsonObject().put("role", "participant").put("name", "Nieuwe Nina")).expect(201).json().getString("token");
    String reset = server.demo("hr@vandijk-installatie.nl")
        .post("/organisations/demo-vandijk/people/demo-kees/password-reset", null).expect(201).json().getString("token");
    List<Visit> visits = List.of(
        go("login", "/login"),
        send("login-refused", "/login", "/login", page -> {
          page.locator("#login").fill("onbekende-monteur");
          page.locator("#password").fill("verkeerd-wachtwoord");
        }, ".error-summary"),
        go("join", "/join/" + join),
        sendEmpty("join-errors", "/join/" + join, "/join/" + join),
        go("join-unusable", "/join/no-such-invitation"),
        go("reset", "/reset/" + reset),
        go("reset-unusable", "/reset/no-such-reset"),
        go("setup-unusable", "/setup/no-such-setup"),
        go("sso-failed", "/login/sso/link"),
        go("not-found", "/no-such-page"));
    sweep(null, visits);
  }

  @Test
  @DisplayName("Sanne's pages on her phone: the bottom menu with five items and her unread count, relative times, every page of a participant")
  void participant() throws Exception {
    server.demo("fenna@leerwerkplaats.nl").post("/sessions/demo-s-2/agreements", new JsonObject()
        .put("what", "Stooklijn noteren bij elke oplevering").put("ownerId", "demo-sanne")).expect(201);
    Person sanne = server.demo("sanne");
    Eventually.await("Sanne's notification of her agreement", Duration.ofSeconds(20), () -> sanne
        .get("/me/notifications").ok().getJsonArray("items").stream().map(i -> (JsonObject) i)
        .filter(i -> !i.getBoolean("read", false)).findFirst().orElse(null));
    Page phone = Browser.logIn(browser.narrowPhone(), "sanne");
    Locator menu = phone.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Hoofdmenu"));
    assertThat(menu.getByRole(AriaRole.LINK)).hasCount(5);
    assertThat(link(menu, "Start")).hasAttribute("aria-current", "page");
    assertThat(link(menu, "Schrijf een notitie")).hasAttribute("href", C + "/notes/new");
    assertThat(link(menu, "Vragen")).hasAttribute("href", C + "/questions");
    assertThat(link(menu, "Mijn logboek")).hasAttribute("href", "/journal");
    // The unread count is in the link's name, and on the icon as a badge.
    Locator notifications = menu.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
        .setName(Pattern.compile("^Meldingen \\([1-9]\\d* ongelezen\\)$")));
    assertThat(notifications).hasAttribute("href", "/notifications");
    assertThat(notifications.locator(".count")).hasText(Pattern.compile("^[1-9]\\d*$"));
    // On the phone the bar shows the short names under the icons.
    assertThat(menu.locator("li:not(.wide-only) .short")).hasText(new String[] {"Start", "Schrijf", "Vragen", "Logboek", "Meldingen"});
    // The bar sits at the bottom of the screen, the page's own header is one row.
    Map<?, ?> shell = (Map<?, ?>) phone.evaluate("""
        () => ({ menuBottom: document.querySelector('.menu').getBoundingClientRect().bottom,
                 height: innerHeight,
                 header: document.querySelector('header.top').getBoundingClientRect().height })""");
    assertEquals(((Number) shell.get("height")).doubleValue(), ((Number) shell.get("menuBottom")).doubleValue(), 1);
    assertTrue(((Number) shell.get("header")).doubleValue() <= 60, () -> "header of " + shell.get("header") + " px");

    phone.navigate(C);
    Locator time = phone.locator("#activity time").first();
    assertThat(time).hasAttribute("datetime", Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T"));
    assertThat(time).hasAttribute("title", Pattern.compile("\\d{1,2}:\\d{2}"));
    assertThat(time).hasText(Pattern.compile("geleden|\\d{4}"));
    assertThat(phone.locator("#activity .avatar").first()).hasText(Pattern.compile("^[A-Z]{1,2}$"));

    // A note with a camera's photo (issue 13.1), linked to the question the sweep visits, which shows it on a card.
    String withPhoto = sanne.post("/communities/demo-warmtepomp/notes", new JsonObject().put("kind", "observation")
        .put("text", "Typeplaatje van de buitenunit").put("questionIds", new JsonArray().add("demo-q-temp")))
        .expect(201).json().getString("id");
    sanne.upload("/notes/" + withPhoto + "/photo", PhoneCamera.cameraPhoto(2000, 1500, 6)).expect(200);

    sweep("sanne", List.of(
        go("home", "/"),
        go("community", C),
        go("note-new", C + "/notes/new"),
        sendEmpty("note-new-errors", C + "/notes/new", C + "/notes"),
        go("note", "/notes/demo-n-experiment"),
        go("note-with-photo", "/notes/" + withPhoto),
        go("note-edit", "/notes/demo-n-experiment/edit"),
        go("journal", "/journal"),
        go("notifications", "/notifications"),
        go("questions", C + "/questions"),
        go("question", "/questions/demo-q-temp"),
        go("question-new", C + "/questions/new"),
        sendEmpty("question-new-errors", C + "/questions/new", C + "/questions"),
        go("prompt", "/prompts/demo-p-1"),
        go("prompts", C + "/prompts"),
        go("sessions", C + "/sessions"),
        go("session", "/sessions/demo-s-2"),
        go("session-past", "/sessions/demo-s-1"),
        go("cycles", C + "/cycles"),
        go("report", C + "/cycles/1/report"),
        go("scans", C + "/scans"),
        go("scan", "/scans/demo-scan-voor"),
        go("scan-results", "/scans/demo-scan-voor/results"),
        go("mail-settings", "/settings/mail"),
        go("mail-settings-saved", "/settings/mail?saved=mail"),
        go("snack-new", "/questions/demo-q-meten/snacks/new"),
        sendEmpty("snack-new-errors", "/questions/demo-q-meten/snacks/new", "/questions/demo-q-meten/snacks"),
        sendEmpty("api-tokens-errors", "/settings/tokens", "/settings/tokens"),
        go("privacy", "/settings/privacy"),
        go("password", "/settings/password"),
        sendEmpty("password-errors", "/settings/password", "/settings/password"),
        go("api-tokens", "/settings/tokens"),
        go("forbidden", "/admin"),
        go("community-not-found", "/c/no-such-community")));
  }

  @Test
  @DisplayName("Fenna's pages: 'write a note' and 'questions' ask which of her two communities, and a facilitator's pages")
  void facilitator() {
    Page laptop = Browser.logIn(browser.laptop(), "fenna@leerwerkplaats.nl");
    Locator menu = laptop.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Hoofdmenu"));
    menu.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Schrijf een notitie")).click();
    assertThat(laptop).hasURL(Pattern.compile("/write$"));
    assertThat(laptop.locator("main .choice-list a")).hasCount(2);
    laptop.locator("main .choice-list a").first().click();
    assertThat(laptop).hasURL(Pattern.compile("/c/[^/]+/notes/new$"));

    sweep("fenna@leerwerkplaats.nl", List.of(
        go("facilitator", "/facilitator"),
        go("choose-write", "/write"),
        go("choose-questions", "/questions"),
        go("members", C + "/members"),
        go("member-remove", C + "/members/demo-bram/remove"),
        sendEmpty("sessions-errors", C + "/sessions", C + "/sessions"),
        sendEmpty("prompts-errors", C + "/prompts", C + "/prompts"),
        sendEmpty("cycles-errors", C + "/cycles", C + "/cycles/2/close"),
        send("cycle-close", C + "/cycles", C + "/cycles/2/close", page -> {
          page.locator("#harvest_learned").fill("Een vaste volgorde bij het inregelen scheelt terugkomsten.");
          page.locator("#harvest_changedInWork").fill("We gebruiken een checklist bij elke oplevering.");
          page.locator("#harvest_stillOpen").fill("Hoe leggen we de klant de looptijd uit?");
          page.locator("#nextSteps").fill("Checklist in de bus\nKlantfolder maken");
          page.locator("#nextGoal").fill("De klant vooraf goed uitleggen wat een warmtepomp doet");
        }, ".confirm")));
  }

  @Test
  @DisplayName("Ruben's, Ingrid's and Wim's pages: the lecturer, the company admin (whose menu has no journal and no note) and the installation")
  void otherRoles() {
    sweep("r.mulder@hogeschool-oost.nl", List.of(
        go("lecturer", "/lecturer"),
        go("contribution-new", C + "/contributions/new"),
        sendEmpty("contribution-new-errors", C + "/contributions/new", C + "/contributions")));

    Page ingrid = Browser.logIn(browser.narrowPhone(), "hr@vandijk-installatie.nl");
    Locator menu = ingrid.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Hoofdmenu"));
    assertThat(menu.getByRole(AriaRole.LINK)).hasCount(3);
    assertThat(link(menu, "Start")).isVisible();
    assertThat(link(menu, "Beheer")).hasAttribute("href", "/admin");
    assertThat(menu.getByRole(AriaRole.LINK).last()).hasAttribute("href", "/notifications");
    sweep("hr@vandijk-installatie.nl", List.of(
        go("admin", "/admin"),
        go("community-new", "/admin/communities/new"),
        sendEmpty("community-new-errors", "/admin/communities/new", "/admin/communities"),
        go("audit", "/admin/audit"),
        go("sso-settings", "/admin/sso"),
        sendEmpty("managers-errors", "/o/demo-vandijk/managers", "/o/demo-vandijk/assignments"),
        go("member-erase", C + "/members/demo-mehmet/erase"),
        send("invitation", C + "/members", C + "/invitations", page -> { }, "svg.qr"),
        send("password-reset", C + "/members", C + "/members/demo-kees/password-reset", page -> { }, "svg.qr")));

    sweep("beheer", List.of(
        go("installation", "/installation"),
        sendEmpty("installation-errors", "/installation", "/installation/organisations"),
        send("installation-invitation", "/installation", "/installation/organisations", page -> {
          page.locator("#name").fill("Bedrijf " + companies.incrementAndGet());
          page.locator("#adminName").fill("Eerste Beheerder");
        }, "svg.qr")));
  }

  private static Locator link(Locator menu, String name) {
    return menu.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true));
  }

  /**
   * Each page on the phone and on the laptop in Dutch, then on both in English. A logged-in person's language
   * is their own setting, switched with the page's button; a visitor's follows the button's cookie.
   */
  private void sweep(String login, List<Visit> visits) {
    Page phone = browser.narrowPhone();
    Page laptop = browser.laptop();
    if (login != null) {
      Browser.logIn(phone, login);
      Browser.logIn(laptop, login);
    }
    String who = login == null ? "visitor" : login.replaceAll("[@.].*", "");
    for (Visit visit : visits) {
      check(phone, visit, "nl", "phone-nl-" + who + "-" + visit.name());
    }
    for (Visit visit : visits) {
      check(laptop, visit, "nl", "laptop-nl-" + who + "-" + visit.name());
    }
    phone.navigate("/login".equals(visits.get(0).name()) ? "/login" : "/");
    switchTo(phone, "English", "en");
    for (Visit visit : visits) {
      check(phone, visit, "en", "phone-en-" + who + "-" + visit.name());
    }
    if (login == null) {
      laptop.context().addCookies(phone.context().cookies());
    }
    for (Visit visit : visits) {
      check(laptop, visit, "en", "laptop-en-" + who + "-" + visit.name());
    }
    switchTo(phone, "Nederlands", "nl");
  }

  private static void switchTo(Page page, String button, String language) {
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button)).click();
    assertThat(page.locator("html")).hasAttribute("lang", language);
  }

  private static void check(Page page, Visit visit, String language, String name) {
    visit.open().accept(page);
    assertThat(page.locator("html")).hasAttribute("lang", language);
    Browser.assertAccessible(page, name);
    Browser.viewShot(page, name);
    if (page.viewportSize().width <= 360) {
      assertFitsAtDoubleText(page, name);
    }
  }

  /**
   * At 200 % text nothing scrolls sideways, and nothing of the header or the menu (fixed at the bottom, so
   * outside the page's scroll width) runs off the screen.
   */
  private static void assertFitsAtDoubleText(Page page, String name) {
    Map<?, ?> measured = (Map<?, ?>) page.evaluate("""
        () => {
          document.documentElement.style.fontSize = '200%';
          const width = innerWidth;
          const off = [...document.querySelectorAll('header.top *, .menu *')]
            .filter(e => e.getClientRects().length && e.getBoundingClientRect().right > width + 0.5)
            .map(e => e.tagName.toLowerCase() + '.' + e.className + ' "' + e.textContent.trim().slice(0, 20) + '"');
          const result = { scrollWidth: document.scrollingElement.scrollWidth, width: width, off: off };
          document.documentElement.style.fontSize = '';
          return result;
        }""");
    int scrollWidth = ((Number) measured.get("scrollWidth")).intValue();
    int width = ((Number) measured.get("width")).intValue();
    assertTrue(scrollWidth <= width, () -> name + " scrolls sideways at 200 % text: " + scrollWidth + " px on " + width);
    assertEquals(List.of(), new ArrayList<>((List<?>) measured.get("off")), () -> name + ": off the screen at 200 % text");
  }
}
