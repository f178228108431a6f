package nl.leerkring.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import nl.leerkring.support.Browser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

@DisplayName("Every page of a facilitator, on a 360 px phone at 200 % text and on a laptop, in Dutch and English")
class EveryFacilitatorPageTest extends PageSweep {

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
}
