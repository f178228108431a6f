package nl.leerkring.installation;

import org.junit.jupiter.api.parallel.ResourceLock;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.Vertx;
import nl.leerkring.MainVerticle;
import nl.leerkring.support.Browser;
import nl.leerkring.support.BrowserScenarios;
import nl.leerkring.support.LogCapture;
import nl.leerkring.support.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The installation administrator's pages: setting up, adding a company, its first admin joining")
@ResourceLock("the setup link in the log")
class InstallationPagesTest extends BrowserScenarios {

  private static final Pattern SETUP_LINK = Pattern.compile("/setup/[A-Za-z0-9_-]{20,}");

  @Test
  @DisplayName("Wim adds a company on his phone; its first admin joins by the link and lands on her company's page")
  void addCompanyAndFirstAdminJoins() {
    Page phone = Browser.logIn(browser.phone(), "beheer");
    phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Installatie").setExact(true)).click();
    assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Installatie");
    assertThat(phone.getByText("Van Dijk Installatietechniek")).isVisible();
    Browser.assertAccessible(phone, "the installation page");

    phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bedrijf toevoegen en uitnodigen")).click();
    assertThat(phone.locator("#name-error")).hasText("Vul dit in.");
    assertThat(phone.getByLabel("Naam van het bedrijf")).hasAttribute("aria-invalid", "true");
    Browser.assertAccessible(phone, "the installation page with an error");

    phone.getByLabel("Naam van het bedrijf").fill("Zorggroep De Linde");
    phone.getByLabel("Naam van de eerste beheerder").fill("Eva de Graaf");
    phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bedrijf toevoegen en uitnodigen")).click();
    assertThat(phone.locator("#name-error")).hasText("Er is al een organisatie met deze naam.");
    assertThat(phone.getByLabel("Naam van de eerste beheerder")).hasValue("Eva de Graaf");

    phone.getByLabel("Naam van het bedrijf").fill("Bakkerij Brood");
    phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bedrijf toevoegen en uitnodigen")).click();
    assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
        .hasText("Bakkerij Brood is toegevoegd");
    String link = phone.locator(".invitation-link a").textContent().strip();
    assertTrue(link.matches("http://localhost:8080/join/[A-Za-z0-9_-]{20,}"), link);
    assertThat(phone.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("QR-code met de uitnodigingslink")))
        .isVisible();
    Browser.assertAccessible(phone, "the new company's admin invitation");
    Browser.screenshot(phone, "phone-installation-invitation");

    Page eva = browser.phone();
    eva.navigate(URI.create(link).getPath());
    assertThat(eva.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Doe mee met Bakkerij Brood");
    assertThat(eva.getByText("Je bent uitgenodigd als Beheerder.", new Page.GetByTextOptions())).isVisible();
    eva.getByLabel("Gebruikersnaam").fill("eva@brood.nl");
    eva.getByLabel("Wachtwoord").fill("zuurdesem-oven-kneden-7");
    eva.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Meedoen")).click();
    assertThat(eva).hasURL(Pattern.compile("/admin$"));
    assertThat(eva.getByText("Bakkerij Brood", new Page.GetByTextOptions().setExact(false)).first()).isVisible();

    phone.navigate("/installation");
    phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
    assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Installation");
    assertThat(phone.getByText("Bakkerij Brood")).isVisible();
  }

  @Test
  @DisplayName("Sanne, a participant, is refused the installation page")
  void othersAreRefused() {
    Page phone = Browser.logIn(browser.phone(), "sanne");
    assertTrue(phone.navigate("/installation").status() == 403);
    assertThat(phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Installatie").setExact(true)))
        .hasCount(0);
  }

  @Test
  @DisplayName("On a release's first start the operator opens the setup link from the log and becomes its administrator")
  void setUpAnEmptyInstallation(Vertx vertx) {
    String path;
    TestServer empty;
    try (LogCapture log = LogCapture.of(MainVerticle.class)) {
      empty = TestServer.empty(vertx);
      path = log.lines().stream().map(SETUP_LINK::matcher).filter(Matcher::find).map(Matcher::group).findFirst()
          .orElseThrow(() -> new AssertionError("no setup link in " + log.lines()));
    }
    try (empty; Browser own = Browser.on(empty)) {
      Page laptop = own.laptop();
      laptop.navigate(path);
      assertThat(laptop.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Leerkring inrichten");
      Browser.assertAccessible(laptop, "the setup page");
      laptop.getByLabel("Je naam").fill("Wim Bos");
      laptop.getByLabel("Gebruikersnaam of e-mailadres").fill("wim");
      laptop.getByLabel("Wachtwoord").fill("kort");
      laptop.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Account maken")).click();
      assertThat(laptop.locator("#password-error")).hasText("Het wachtwoord moet minstens 8 tekens lang zijn.");
      laptop.getByLabel("Wachtwoord").fill("beheer-sleutel-kastanje-42");
      laptop.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Account maken")).click();
      assertThat(laptop).hasURL(Pattern.compile("/installation$"));
      assertThat(laptop.getByText("Er zijn nog geen organisaties.")).isVisible();
      Page again = own.laptop();
      assertTrue(again.navigate(path).status() == 404);
    }
  }
}
