package nl.leerkring.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.fieldnote.PhoneCamera;
import nl.leerkring.support.Browser;
import nl.leerkring.support.Eventually;
import nl.leerkring.support.Person;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Every page of a participant, on a 360 px phone at 200 % text and on a laptop, in Dutch and English")
class EveryParticipantPageTest extends PageSweep {

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
        sendEmpty("question-new-errors", C + "/questions/new", C + "/questions")));
  }
}
