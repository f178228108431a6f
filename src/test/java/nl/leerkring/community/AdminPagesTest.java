package nl.leerkring.community;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.DecodeHintType;
import com.google.zxing.qrcode.QRCodeReader;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import nl.leerkring.support.Browser;
import nl.leerkring.support.BrowserScenarios;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The company admin's pages and joining by link")
class AdminPagesTest extends BrowserScenarios {

  private static final String ADMIN = "hr@vandijk-installatie.nl";
  private static final String WARMTEPOMP = "Warmtepomp in één keer goed inregelen";

  @Test
  @DisplayName("Ingrid invites a new employee; the QR code holds the link; Fatima joins on her phone without e-mail")
  void adminInvitesAndNewEmployeeJoins() throws Exception {
    Page laptop = Browser.logIn(browser.laptop(), ADMIN);
    laptop.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Beheer").setExact(true)).click();
    laptop.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Leden beheren: " + WARMTEPOMP)).click();
    assertThat(laptop).hasURL(Pattern.compile("/c/demo-warmtepomp/members$"));
    laptop.getByLabel("Rol", new Page.GetByLabelOptions().setExact(true)).selectOption("participant");
    laptop.getByLabel("Voor wie? (mag leeg blijven)").fill("Fatima");
    laptop.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Uitnodiging maken")).click();

    assertThat(laptop.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Uitnodiging");
    String link = laptop.locator(".invitation-link a").textContent().strip();
    assertTrue(link.matches("http://localhost:8080/join/[A-Za-z0-9_-]{20,}"), link);
    assertThat(laptop.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("QR-code met de uitnodigingslink")))
        .isVisible();
    assertEquals(link, decodeQr(laptop.locator("svg.qr").screenshot()));
    Browser.assertAccessible(laptop, "the invitation with its QR code");

    Page phone = browser.phone();
    phone.navigate(URI.create(link).getPath());
    assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Doe mee met " + WARMTEPOMP);
    assertThat(phone.getByLabel("Je naam")).hasValue("Fatima");
    Browser.assertAccessible(phone, "the join page");
    Browser.screenshot(phone, "phone-join");

    phone.getByLabel("Je naam").fill("Fatima el Amrani");
    phone.getByLabel("Gebruikersnaam").fill("fatima");
    phone.getByLabel("Wachtwoord").fill("kort");
    phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Meedoen")).click();
    assertThat(phone.locator("#password-error")).hasText("Het wachtwoord moet minstens 8 tekens lang zijn.");
    assertThat(phone.getByLabel("Wachtwoord")).hasAttribute("aria-invalid", "true");
    assertThat(phone.getByLabel("Wachtwoord")).hasValue("");
    assertThat(phone.getByLabel("Je naam")).hasValue("Fatima el Amrani");
    assertThat(phone.getByLabel("Gebruikersnaam")).hasValue("fatima");
    Browser.assertAccessible(phone, "the join page with an error");
    Browser.screenshot(phone, "phone-join-error");

    phone.getByLabel("Gebruikersnaam").fill("sanne");
    phone.getByLabel("Wachtwoord").fill("buffervat-stookgrens-7");
    phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Meedoen")).click();
    assertThat(phone.locator("#username-error")).hasText("Deze gebruikersnaam is al bezet. Kies een andere.");
    assertThat(phone.getByLabel("Gebruikersnaam")).hasValue("sanne");

    phone.getByLabel("Gebruikersnaam").fill("fatima");
    phone.getByLabel("Wachtwoord").fill("buffervat-stookgrens-7");
    phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Meedoen")).click();
    assertThat(phone).hasURL(Pattern.compile("/c/demo-warmtepomp$"));
    phone.navigate("/");
    assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Hallo Fatima el Amrani");
    assertThat(phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(WARMTEPOMP))).isVisible();
    assertEquals("participant", server.login("fatima", "buffervat-stookgrens-7").get("/communities/demo-warmtepomp").ok()
        .getString("myRole"));

    Page someoneElse = browser.phone();
    assertEquals(409, someoneElse.navigate(URI.create(link).getPath()).status());
    assertThat(someoneElse.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
        .hasText("Deze uitnodiging werkt niet meer");
    assertThat(someoneElse.getByText("Deze uitnodiging is al gebruikt.", new Page.GetByTextOptions())).isVisible();
    Browser.assertAccessible(someoneElse, "a used invitation");
  }

  @Test
  @DisplayName("Ingrid makes Bram lecturer and then removes him after confirming; Bram no longer sees the community")
  void adminChangesARoleAndRemovesAMember() {
    Page laptop = Browser.logIn(browser.laptop(), ADMIN);
    laptop.navigate("/c/demo-warmtepomp/members");
    Browser.assertAccessible(laptop, "the members page");
    laptop.getByLabel("Rol van Bram Hendriks").selectOption("lecturer");
    laptop.locator("form[action$='/members/demo-bram/role']").getByRole(AriaRole.BUTTON).click();
    assertThat(laptop.getByRole(AriaRole.STATUS)).hasText("De rol is gewijzigd.");
    assertThat(laptop.getByLabel("Rol van Bram Hendriks")).hasValue("lecturer");
    assertEquals("lecturer", server.demo("bram").get("/communities/demo-warmtepomp").ok().getString("myRole"));

    laptop.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Bram Hendriks verwijderen")).click();
    assertThat(laptop.getByText("Weet je zeker dat je Bram Hendriks uit " + WARMTEPOMP + " wilt verwijderen?")).isVisible();
    Browser.assertAccessible(laptop, "the removal confirmation");
    laptop.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ja, verwijderen")).click();
    assertThat(laptop.getByRole(AriaRole.STATUS)).hasText("Het lid is verwijderd.");
    assertThat(laptop.getByText("Bram Hendriks")).hasCount(0);
    assertEquals(404, server.demo("bram").get("/communities/demo-warmtepomp").status());
  }

  @Test
  @DisplayName("Ingrid starts a community; an empty title is shown next to the field and the description is kept")
  void adminStartsACommunity() {
    Page phone = Browser.logIn(browser.phone(), ADMIN);
    phone.navigate("/admin");
    assertThat(phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mijn logboek")))
        .hasCount(0); // HR is in no community, so has no journal to open
    phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Nieuwe leerkring starten")).click();
    Browser.assertAccessible(phone, "the new community form");
    Browser.screenshot(phone, "phone-community-new");
    phone.getByLabel("Wat is het vraagstuk?").fill("Te veel herstelwerk na montage van zonnepanelen.");
    phone.getByLabel("Doel van de eerste cyclus (mag leeg blijven)").fill("Oorzaken van herstelwerk verzamelen");
    phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Leerkring starten")).click();
    assertThat(phone.locator("#title-error")).hasText("Vul dit in.");
    assertThat(phone.getByLabel("Titel van het vraagstuk")).hasAttribute("aria-invalid", "true");
    assertThat(phone.getByLabel("Wat is het vraagstuk?")).hasValue("Te veel herstelwerk na montage van zonnepanelen.");
    assertThat(phone.getByLabel("Doel van de eerste cyclus (mag leeg blijven)")).hasValue("Oorzaken van herstelwerk verzamelen");
    Browser.assertAccessible(phone, "the new community form with an error");

    phone.getByLabel("Titel van het vraagstuk").fill("Minder faalkosten bij zonnepanelen");
    phone.getByLabel("Waarom is het belangrijk? (mag leeg blijven)").fill("Elke terugrit kost een halve dag.");
    phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Leerkring starten")).click();
    assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
        .hasText("Leden van Minder faalkosten bij zonnepanelen");
    assertThat(phone.getByRole(AriaRole.STATUS)).containsText("De leerkring is gestart.");
    Browser.assertAccessible(phone, "the members page of a new community");
    Browser.screenshot(phone, "phone-members-new");
    phone.navigate("/admin");
    assertThat(phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Minder faalkosten bij zonnepanelen")
        .setExact(true))).isVisible();
    Browser.screenshot(phone, "phone-admin");
  }

  @Test
  @DisplayName("Sanne, a participant, reaches neither the admin pages nor the members admin")
  void participantIsKeptOut() {
    Page phone = Browser.logIn(browser.phone(), "sanne");
    assertThat(phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Beheer").setExact(true))).hasCount(0);
    for (String path : new String[] {"/admin", "/admin/communities/new", "/c/demo-warmtepomp/members",
        "/c/demo-warmtepomp/members/demo-mehmet/remove"}) {
      assertEquals(403, phone.navigate(path).status(), path);
      assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Dit mag je niet bekijken");
    }
    Browser.assertAccessible(phone, "the 403 page");
    assertEquals(404, phone.navigate("/c/demo-tilliften/members").status(), "another company's community stays unknown");
    assertEquals(404, phone.navigate("/join/" + "x".repeat(30)).status());
    assertThat(phone.getByText("Deze uitnodiging kennen we niet.", new Page.GetByTextOptions())).isVisible();
  }

  @Test
  @DisplayName("The admin pages and the join page pass axe in Dutch and English, on a phone and a laptop")
  void accessibleInBothLanguages() throws Exception {
    for (Page page : new Page[] {browser.phone(), browser.laptop()}) {
      Browser.logIn(page, "fenna@leerwerkplaats.nl");
      page.navigate("/c/demo-warmtepomp/members");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Uitnodiging maken")).click();
      String link = page.locator(".invitation-link a").textContent().strip();
      Page visitor = browser.phone();
      for (String language : Browser.languagesAt(page)) {
        if ("en".equals(language)) {
          page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
        }
        page.navigate("/c/demo-warmtepomp/members");
        Browser.assertAccessible(page, "the members page (" + language + ")");
        page.navigate("/c/demo-warmtepomp/members/demo-kees/remove");
        Browser.assertAccessible(page, "the removal confirmation (" + language + ")");
        visitor.navigate(URI.create(link).getPath());
        if ("en".equals(language)) {
          visitor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
          assertThat(visitor.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Join " + WARMTEPOMP);
        }
        Browser.assertAccessible(visitor, "the join page (" + language + ")");
      }
      if (Browser.languagesAt(page).contains("en")) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Nederlands")).click();
      }
    }
    for (Page page : new Page[] {browser.phone(), browser.laptop()}) {
      Browser.logIn(page, ADMIN);
      for (String language : Browser.languagesAt(page)) {
        if ("en".equals(language)) {
          page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
        }
        page.navigate("/admin");
        Browser.assertAccessible(page, "the admin overview (" + language + ")");
        page.navigate("/admin/communities/new");
        Browser.assertAccessible(page, "the new community form (" + language + ")");
        page.navigate("/c/demo-warmtepomp/members");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("en".equals(language)
            ? "Create invitation" : "Uitnodiging maken")).click();
        Browser.assertAccessible(page, "the invitation (" + language + ")");
        if (page.viewportSize().width < 500) {
          Browser.screenshot(page, "phone-invitation-" + language);
        }
      }
      if (Browser.languagesAt(page).contains("en")) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Nederlands")).click();
      }
    }
  }

  /**
   * Reads a QR code from a screenshot, as a phone's camera would. The screenshot ends at the code's edge; a
   * camera sees the white around it, which the reader needs to find the code (the quiet zone), so it gets one.
   */
  private static String decodeQr(byte[] png) throws Exception {
    BufferedImage code = ImageIO.read(new ByteArrayInputStream(png));
    int margin = code.getWidth() / 5;
    BufferedImage image = new BufferedImage(code.getWidth() + 2 * margin, code.getHeight() + 2 * margin,
        BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D canvas = image.createGraphics();
    canvas.setColor(java.awt.Color.WHITE);
    canvas.fillRect(0, 0, image.getWidth(), image.getHeight());
    canvas.drawImage(code, margin, margin, null);
    canvas.dispose();
    int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    RGBLuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
    return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
        Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
  }
}
