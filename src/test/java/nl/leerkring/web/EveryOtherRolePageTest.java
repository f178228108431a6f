package nl.leerkring.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import nl.leerkring.support.Browser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

@DisplayName("Every page of a lecturer, a company admin and the installation, on a 360 px phone at 200 % text and on a laptop, in Dutch and English")
class EveryOtherRolePageTest extends PageSweep {

  private final AtomicInteger companies = new AtomicInteger();
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
}
