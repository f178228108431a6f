package nl.leerkring.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import nl.leerkring.support.Browser;
import nl.leerkring.support.BrowserScenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every page template, in the states people meet it in (forms with errors, error pages, empty and full), as
 * the people who use it: on a 360 px phone and on a laptop, in Dutch and English. On each: axe
 * ({@link Browser#assertAccessible}, which skips what this run already checked; on the laptop in Dutch only, see
 * {@link Browser#languagesAt}), a screenshot of the Dutch view under target/screenshots/, and on the phone no
 * sideways scrolling at 200 % text, the menu inside the screen.
 * 200 % text is the page's root font size set to 200 %: the pages size everything in rem, as a phone's larger
 * text setting does (Chromium has no text-zoom emulation over CDP).
 *
 * <p>Each subclass sweeps one person's pages, so that they run beside other test classes. Not here: the company sign-in's "continue" and "link your account" pages need an identity provider's
 * flow; SsoPagesTest runs them against a mock provider. Its failure page is here.
 */
abstract class PageSweep extends BrowserScenarios {

  protected static final String C = "/c/demo-warmtepomp";

  /** One page in one state: how to get there, by a name for the screenshot. */
  protected record Visit(String name, Consumer<Page> open) {
  }

  protected static Visit go(String name, String path) {
    return new Visit(name, page -> page.navigate(path));
  }

  /** A form sent as it is (empty, or as {@code fill} leaves it): the page that answers, errors included. */
  protected static Visit send(String name, String path, String action, Consumer<Page> fill, String expected) {
    return new Visit(name, page -> {
      page.navigate(path);
      fill.accept(page);
      page.locator("form[action='" + action + "'] button[type=submit]").first().click();
      assertThat(page.locator(expected).first()).isVisible();
    });
  }

  protected static Visit sendEmpty(String name, String path, String action) {
    return send(name, path, action, page -> { }, "[aria-invalid=true], .error-summary");
  }

  protected static Locator link(Locator menu, String name) {
    return menu.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true));
  }

  /**
   * Each page on the phone and on the laptop in Dutch, then on both in English. A logged-in person's language
   * is their own setting, switched with the page's button; a visitor's follows the button's cookie.
   */
  protected void sweep(String login, List<Visit> visits) {
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
    // The English laptop page is the Dutch laptop page's markup with other words, and the English phone page's
    // at another width: axe has checked both. Each axe run is most of a check's time.
    if (Browser.languagesAt(page).contains(language)) {
      Browser.assertAccessible(page, name);
    }
    if ("nl".equals(language)) {
      Browser.viewShot(page, name);
    }
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
