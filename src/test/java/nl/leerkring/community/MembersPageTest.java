package nl.leerkring.community;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonObject;
import nl.leerkring.support.Browser;
import nl.leerkring.support.BrowserScenarios;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The members page: open invitations and erasing an account")
class MembersPageTest extends BrowserScenarios {

  private static final String ADMIN = "hr@vandijk-installatie.nl";

  @Test
  @DisplayName("Ingrid invited the wrong person: she withdraws the invitation on the members page and the link stops working")
  void withdrawAnInvitation() {
    String token = server.demo(ADMIN).post("/communities/demo-warmtepomp/invitations",
        new JsonObject().put("role", "participant").put("name", "Verkeerde Jan")).expect(201).json().getString("token");
    Page laptop = Browser.logIn(browser.laptop(), ADMIN);
    laptop.navigate("/c/demo-warmtepomp/members");
    assertThat(laptop.getByRole(AriaRole.HEADING, named("Openstaande uitnodigingen"))).isVisible();
    assertThat(laptop.getByText("Verkeerde Jan")).isVisible();
    Browser.assertAccessible(laptop, "the members page with an open invitation");

    laptop.getByRole(AriaRole.BUTTON, named("Verkeerde Jan")).click();
    assertThat(laptop.getByRole(AriaRole.STATUS)).hasText("De uitnodiging is ingetrokken. De link werkt niet meer.");
    assertThat(laptop.getByText("Verkeerde Jan")).hasCount(0);

    Page phone = browser.phone();
    assertEquals(409, phone.navigate("/join/" + token).status());
    assertThat(phone.getByText("Deze uitnodiging is ingetrokken", new Page.GetByTextOptions())).isVisible();
    Browser.assertAccessible(phone, "a withdrawn invitation");
  }

  @Test
  @DisplayName("Ingrid erases Mehmet's account after ticking that she understands; the lecturer from elsewhere has no such button")
  void eraseAMember() {
    Page laptop = Browser.logIn(browser.laptop(), ADMIN);
    laptop.navigate("/c/demo-warmtepomp/members");
    assertThat(laptop.getByRole(AriaRole.LINK, named("Account van Ruben Mulder wissen"))).hasCount(0);
    laptop.getByRole(AriaRole.LINK, named("Account van Mehmet Yilmaz wissen")).click();
    assertThat(laptop.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Account wissen");
    Browser.assertAccessible(laptop, "the erasure confirmation");

    laptop.getByRole(AriaRole.BUTTON, named("Account definitief wissen")).click();
    assertThat(laptop.locator("#understood-error")).hasText("Vink aan dat je begrijpt wat wissen betekent.");
    Browser.assertAccessible(laptop, "the erasure confirmation with an error");
    assertEquals(200, server.anonymous().post("/auth/login", new JsonObject().put("login", "mehmet")
        .put("password", "welkom2026")).status(), "nothing is erased without the tick");

    laptop.getByLabel("Ik begrijp wat het wissen van het account van Mehmet Yilmaz betekent").check();
    laptop.getByRole(AriaRole.BUTTON, named("Account definitief wissen")).click();
    assertThat(laptop.getByRole(AriaRole.STATUS)).containsText("Het account is gewist.");
    assertThat(laptop.getByText("Mehmet Yilmaz")).hasCount(0);
    Browser.assertAccessible(laptop, "the members page after an erasure");
    assertEquals(401, server.anonymous().post("/auth/login", new JsonObject().put("login", "mehmet")
        .put("password", "welkom2026")).status());
    assertTrue(server.demo(ADMIN).get("/organisations/demo-vandijk/audit").expect(200).array().stream()
        .map(r -> (JsonObject) r).anyMatch(r -> "demo-mehmet".equals(r.getString("subjectId"))
            && r.getString("action").startsWith("account.erase")), "in the audit trail");
  }

  @Test
  @DisplayName("Fenna, a facilitator but no company admin, sees no erase button and cannot open the confirmation")
  void facilitatorCannotErase() {
    Page laptop = Browser.logIn(browser.laptop(), "fenna@leerwerkplaats.nl");
    laptop.navigate("/c/demo-warmtepomp/members");
    assertThat(laptop.getByRole(AriaRole.LINK, named("Account van Sanne Visser wissen"))).hasCount(0);
    assertEquals(404, laptop.navigate("/c/demo-warmtepomp/members/demo-sanne/erase").status());
  }
}
