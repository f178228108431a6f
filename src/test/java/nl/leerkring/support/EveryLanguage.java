package nl.leerkring.support;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Runs axe on a page in Dutch and in English, switching through the page's own language button. The switch
 * is left out where axe already passed this template, as it is now, in English at this width (at laptop
 * width one language is enough, see {@link Browser#assertAccessible}).
 */
public final class EveryLanguage {

  private EveryLanguage() {
  }

  /** Leaves the page in Dutch, as it was. */
  public static void assertAccessible(Page page, String what) {
    Browser.assertAccessible(page, what + " (nl)");
    if (Browser.alreadyAccessible(page, "en")) {
      return;
    }
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
    assertThat(page.locator("html")).hasAttribute("lang", "en");
    Browser.assertAccessible(page, what + " (en)");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Nederlands")).click();
    assertThat(page.locator("html")).hasAttribute("lang", "nl");
  }
}
