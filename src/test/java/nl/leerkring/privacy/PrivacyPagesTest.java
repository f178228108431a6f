package nl.leerkring.privacy;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import nl.leerkring.support.Browser;
import nl.leerkring.support.BrowserScenarios;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.zip.ZipInputStream;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("My data, my password and the audit trail in the browser")
class PrivacyPagesTest extends BrowserScenarios {

  @Test
  @DisplayName("Sanne finds her data from the mail settings, downloads it, and is told a wrong password at the field")
  void myDataOnAPhone() throws Exception {
    Page phone = Browser.logIn(browser.phone(), "sanne");
    phone.navigate("/settings/mail");
    phone.getByRole(AriaRole.LINK, named("Mijn gegevens: downloaden, wachtwoord, account wissen")).click();
    assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Mijn gegevens");
    Browser.assertAccessible(phone, "the my-data page");

    Download download = phone.waitForDownload(() ->
        phone.getByRole(AriaRole.LINK, named("Download mijn gegevens")).click());
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(download.path()))) {
      assertEquals("account.json", zip.getNextEntry().getName());
    }

    phone.getByLabel("Je wachtwoord, ter bevestiging").fill("niet-mijn-wachtwoord");
    phone.getByRole(AriaRole.BUTTON, named("Wis mijn account")).click();
    assertThat(phone.locator("#password-error")).hasText("Dit is niet je huidige wachtwoord.");
    Browser.assertAccessible(phone, "the my-data page with an error");

    phone.getByRole(AriaRole.LINK, named("Wachtwoord wijzigen")).click();
    Browser.assertAccessible(phone, "the change-password page");
    phone.getByLabel("Je huidige wachtwoord").fill("welkom2026");
    phone.getByLabel("Nieuw wachtwoord").fill("welkom2027");
    phone.getByRole(AriaRole.BUTTON, named("Wachtwoord wijzigen")).click();
    assertThat(phone.locator("#newPassword-error")).hasText(
        "Dit wachtwoord is te makkelijk te raden. Neem een paar ongewone woorden of een langere zin.");
    Browser.assertAccessible(phone, "the change-password page with an error");
  }

  @Test
  @DisplayName("Ingrid makes a reset link for Bram on the members page; Bram opens it on his phone and sets a new password")
  void resetLinkOnThePages() {
    Page laptop = Browser.logIn(browser.laptop(), "hr@vandijk-installatie.nl");
    laptop.navigate("/c/demo-warmtepomp/members");
    laptop.getByRole(AriaRole.BUTTON, named("Link voor een nieuw wachtwoord voor Bram Hendriks")).click();
    assertThat(laptop.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Link voor een nieuw wachtwoord");
    assertThat(laptop.getByRole(AriaRole.IMG, named("QR-code met de link voor een nieuw wachtwoord"))).isVisible();
    Browser.assertAccessible(laptop, "the reset link with its QR code");
    String link = laptop.locator(".invitation-link a").textContent().strip();

    Page phone = browser.phone();
    phone.navigate(java.net.URI.create(link).getPath());
    Browser.assertAccessible(phone, "the reset page");
    phone.getByLabel("Nieuw wachtwoord").fill("werkbank-koffie-zaag-12");
    phone.getByRole(AriaRole.BUTTON, named("Wachtwoord opslaan")).click();
    phone.waitForURL(url -> url.endsWith("/login"));
    phone.getByLabel("Gebruikersnaam of e-mailadres").fill("bram");
    phone.getByLabel("Wachtwoord").fill("werkbank-koffie-zaag-12");
    phone.getByRole(AriaRole.BUTTON, named("Inloggen")).click();
    phone.waitForURL(url -> !url.contains("/login"));
  }

  @Test
  @DisplayName("Ingrid opens the audit trail from her admin page on a phone")
  void auditTrailOnAPhone() {
    Page phone = Browser.logIn(browser.phone(), "hr@vandijk-installatie.nl");
    phone.navigate("/admin");
    phone.getByRole(AriaRole.LINK, named("Auditlog")).click();
    assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Auditlog");
    Browser.assertAccessible(phone, "the audit trail");
  }
}
