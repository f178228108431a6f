package nl.leerkring.account;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import nl.leerkring.support.Browser;
import nl.leerkring.support.BrowserScenarios;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("Logging in through the pages")
class LoginPagesTest extends BrowserScenarios {

  @Test
  @DisplayName("Sanne logs in on her phone with her username and sees her community")
  void technicianLogsInOnHerPhone() {
    Page phone = browser.phone();
    phone.navigate("/");
    assertThat(phone).hasURL(java.util.regex.Pattern.compile("/login\\?next=%2F$"));
    Browser.assertAccessible(phone, "the login page on a phone");
    Browser.screenshot(phone, "phone-login");
    Browser.logInThroughThePage(phone, "sanne");
    assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Hallo Sanne Visser");
    assertThat(phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Warmtepomp in één keer goed inregelen")))
        .isVisible();
    Browser.assertAccessible(phone, "the home page on a phone");
    Browser.screenshot(phone, "phone-home");
  }

  @Test
  @DisplayName("A wrong password shows the error on the form and keeps the login that was typed")
  void wrongPasswordKeepsTheLogin() {
    Page phone = browser.phone();
    phone.navigate("/login");
    phone.getByLabel("Gebruikersnaam of e-mailadres").fill("mehmet");
    phone.getByLabel("Wachtwoord").fill("verkeerd");
    phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Inloggen")).click();
    assertThat(phone.getByRole(AriaRole.ALERT)).containsText("Deze gebruikersnaam en dit wachtwoord horen niet bij elkaar.");
    assertThat(phone.getByRole(AriaRole.ALERT)).isFocused();
    assertThat(phone.getByLabel("Gebruikersnaam of e-mailadres")).hasValue("mehmet");
    Browser.assertAccessible(phone, "the login page with an error");
  }

  @Test
  @DisplayName("Before logging in, a visitor switches to English; after logging in, the choice is theirs")
  void englishBeforeAndAfterLogin() {
    Page laptop = browser.laptop();
    laptop.navigate("/login");
    laptop.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
    assertThat(laptop.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Log in");
    Browser.assertAccessible(laptop, "the English login page");
    laptop.getByLabel("Username or e-mail address").fill("joost");
    laptop.getByLabel("Password").fill("welkom2026");
    laptop.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
    assertThat(laptop.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Hello Joost Bakker");
    laptop.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Nederlands")).click();
    assertThat(laptop.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Hallo Joost Bakker");
    assertEquals("nl", laptop.locator("html").getAttribute("lang"));
  }
}
