package nl.leerkring.home;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.support.Browser;
import nl.leerkring.support.BrowserScenarios;
import nl.leerkring.support.Eventually;
import nl.leerkring.support.Person;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12.5 and 12.6 in the browser: "since last time" on the session page and the facilitator's overview,
 * and the facilitator's forms for what only the API offered (move, cancel, a series, a repeating prompt, the
 * community's rhythm, a question's owner). Fenna works on her laptop; one check on a phone in both languages.
 */
@DisplayName("The facilitator's forms and \"since last time\" in the browser")
class FacilitatorFormsTest extends BrowserScenarios {

  private static final String COMMUNITY = "/communities/demo-warmtepomp";
  private static final String SHARED = "Fabrikant zegt: buffervat pas onder 20 liter systeeminhoud";
  private static final String PRIVATE = "Ik twijfel of ik de buffervraag goed begrijp";
  private static final String CONTRIBUTION = "Een buffervat scheidt de circuits; reken eerst de minimale doorstroming uit";

  @Test
  @DisplayName("After the last session Sanne shares a note and keeps one private, Ruben contributes: the next session and Fenna's overview show the shared ones per question, never the private one")
  void sinceLastTime() {
    Person sanne = server.demo("sanne");
    sanne.post(COMMUNITY + "/notes", new JsonObject().put("kind", "look-up").put("text", SHARED)
        .put("visibility", "community").put("questionIds", new JsonArray().add("demo-q-buffer"))).expect(201);
    sanne.post(COMMUNITY + "/notes", new JsonObject().put("kind", "reflection").put("text", PRIVATE)
        .put("visibility", "private").put("questionIds", new JsonArray().add("demo-q-buffer"))).expect(201);
    server.demo("r.mulder@hogeschool-oost.nl").post(COMMUNITY + "/contributions", new JsonObject()
        .put("kind", "explanation").put("text", CONTRIBUTION).put("questionIds", new JsonArray().add("demo-q-buffer")))
        .expect(201);

    Page fenna = Browser.logIn(browser.laptop(), "fenna@leerwerkplaats.nl");
    fenna.navigate("/sessions/demo-s-2");
    Locator since = fenna.locator("#since-session");
    assertThat(since.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setName("Sinds de vorige keer")))
        .isVisible();
    Locator buffer = since.locator(".since-group").filter(new Locator.FilterOptions()
        .setHas(fenna.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Wanneer is een buffervat echt nodig?"))));
    assertThat(buffer).containsText(SHARED);
    assertThat(buffer).containsText(CONTRIBUTION);
    assertThat(buffer).containsText("Bijdrage docent");
    assertThat(since).not().containsText(PRIVATE);
    Browser.assertAccessible(fenna, "the session page with since last time");
    Browser.screenshot(fenna, "laptop-since-last-time");

    fenna.navigate("/facilitator");
    Locator overview = fenna.locator("#since-demo-warmtepomp");
    assertThat(overview).containsText(SHARED);
    assertThat(overview).containsText(CONTRIBUTION);
    assertThat(overview).not().containsText(PRIVATE);
    Browser.assertAccessible(fenna, "the facilitator's overview with since last time");

    // Not even its writer sees her private note among what the group shares; nor does the page's HTML hold it.
    assertFalse(sanne.page("/sessions/demo-s-2").body().contains(PRIVATE));
    assertTrue(sanne.page("/sessions/demo-s-2").body().contains(SHARED));
  }

  @Test
  @DisplayName("Fenna moves the next session (a wrong zone is named at its field), then cancels another after confirming; the members are told")
  void moveAndCancel() {
    Page fenna = Browser.logIn(browser.laptop(), "fenna@leerwerkplaats.nl");
    fenna.navigate("/c/demo-warmtepomp/sessions");
    fenna.locator("a[href='/sessions/demo-s-2/change']").click();
    assertThat(fenna.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Bijeenkomst verplaatsen");
    String moved = LocalDate.now(ZoneId.of("Europe/Amsterdam")).plusDays(12) + "T16:00";
    fenna.getByLabel("Datum en begintijd").fill(moved);
    fenna.getByLabel("Tijdzone").fill("Amsterdam");
    fenna.getByRole(AriaRole.BUTTON, named("Wijziging opslaan")).click();
    assertThat(fenna.locator("#zone-error")).hasText("Onbekende tijdzone. Kies er een zoals Europe/Amsterdam.");
    assertThat(fenna.getByLabel("Datum en begintijd")).hasValue(moved);
    Browser.assertAccessible(fenna, "the move form with an error");
    Browser.screenshot(fenna, "laptop-session-move-error");

    fenna.getByLabel("Tijdzone").fill("Europe/Amsterdam");
    fenna.getByRole(AriaRole.BUTTON, named("Wijziging opslaan")).click();
    fenna.waitForURL(url -> url.endsWith("/sessions/demo-s-2?saved=sessionChanged"));
    Person fennaApi = server.demo("fenna@leerwerkplaats.nl");
    assertEquals(moved, fennaApi.get("/sessions/demo-s-2").ok().getString("localStart"));
    told("kees", "/sessions/demo-s-2", "sessionChanged");

    String other = fennaApi.post(COMMUNITY + "/sessions", new JsonObject()
        .put("startsAt", LocalDate.now(ZoneId.of("Europe/Amsterdam")).plusDays(30) + "T09:00")).expect(201).json().getString("id");
    assertEquals(403, server.demo("sanne").page("/sessions/" + other + "/cancel").status());
    fenna.navigate("/c/demo-warmtepomp/sessions");
    fenna.locator("a[href='/sessions/" + other + "/cancel']").click();
    assertThat(fenna.getByRole(AriaRole.MAIN)).containsText("Alle leden krijgen bericht");
    Browser.assertAccessible(fenna, "the cancel confirmation");
    Browser.screenshot(fenna, "laptop-session-cancel");
    fenna.getByRole(AriaRole.BUTTON, named("Ja, bijeenkomst afzeggen")).click();
    assertThat(fenna.getByRole(AriaRole.MAIN).getByRole(AriaRole.STATUS)).hasText("De bijeenkomst is afgezegd. De leden krijgen bericht.");
    assertEquals("cancelled", fennaApi.get("/sessions/" + other).ok().getString("status"));
    told("kees", "/sessions/" + other, "sessionCancelled");
    fenna.navigate("/sessions/" + other + "/cancel");
    assertThat(fenna.getByRole(AriaRole.BUTTON, named("Ja, bijeenkomst afzeggen"))).hasCount(0);
  }

  @Test
  @DisplayName("Fenna plans a series of sessions every three weeks: a zero is named at its field, then four are planned")
  void series() {
    Page fenna = Browser.logIn(browser.laptop(), "fenna@leerwerkplaats.nl");
    fenna.navigate("/c/demo-warmtepomp/sessions");
    String first = LocalDate.now(ZoneId.of("Europe/Amsterdam")).plusDays(40) + "T10:00";
    fenna.getByLabel("Datum en begintijd").fill(first);
    fenna.getByLabel("Een reeks bijeenkomsten").check();
    fenna.getByLabel("Om de hoeveel weken").fill("0");
    fenna.getByLabel("Hoeveel bijeenkomsten in totaal").fill("4");
    fenna.getByRole(AriaRole.BUTTON, named("Bijeenkomst plannen")).click();
    assertThat(fenna.locator("#series_everyWeeks-error")).hasText("Dit getal is te klein.");
    assertThat(fenna.getByLabel("Een reeks bijeenkomsten")).isChecked();
    Browser.assertAccessible(fenna, "the plan form with a series error");

    fenna.getByLabel("Om de hoeveel weken").fill("3");
    fenna.getByRole(AriaRole.BUTTON, named("Bijeenkomst plannen")).click();
    assertThat(fenna.getByRole(AriaRole.MAIN).getByRole(AriaRole.STATUS)).hasText("4 bijeenkomsten gepland.");
    List<String> planned = server.demo("fenna@leerwerkplaats.nl").get(COMMUNITY + "/sessions").expect(200).array()
        .stream().map(s -> ((JsonObject) s).getString("localStart")).toList();
    LocalDate day = LocalDate.parse(first.substring(0, 10));
    for (int i = 0; i < 4; i++) {
      assertTrue(planned.contains(day.plusWeeks(3L * i) + "T10:00"), "planned " + day.plusWeeks(3L * i));
    }
  }

  @Test
  @DisplayName("Fenna schedules a monthly prompt: too many times is named at its field, then it is scheduled")
  void monthlyPrompt() {
    Page fenna = Browser.logIn(browser.laptop(), "fenna@leerwerkplaats.nl");
    fenna.navigate("/c/demo-warmtepomp/prompts");
    fenna.getByLabel("Vraag of opdracht").fill("Wat heb je deze maand geleerd dat je collega's moeten weten?");
    fenna.getByLabel(Pattern.compile("^Versturen op")).fill(LocalDate.now(ZoneId.of("Europe/Amsterdam")).plusDays(3) + "T16:00");
    fenna.getByLabel("Elke maand, op dezelfde dag van de maand en tijd als de eerste keer").check();
    fenna.getByLabel("Hoe vaak in totaal").fill("60");
    fenna.getByRole(AriaRole.BUTTON, named("Klaarzetten")).click();
    assertThat(fenna.locator("#repeat_times-error")).hasText("Dit getal is te groot.");
    assertThat(fenna.getByLabel("Elke maand, op dezelfde dag van de maand en tijd als de eerste keer")).isChecked();
    Browser.assertAccessible(fenna, "the prompt form with a repeat error");

    fenna.getByLabel("Hoe vaak in totaal").fill("12");
    fenna.getByRole(AriaRole.BUTTON, named("Klaarzetten")).click();
    assertThat(fenna.getByRole(AriaRole.MAIN).getByRole(AriaRole.STATUS)).hasText("De reflectievraag staat klaar.");
    assertThat(fenna.locator("#prompt-list")).containsText("Wat heb je deze maand geleerd");
  }

  @Test
  @DisplayName("Fenna sets quiet hours and the reminder lead times: an impossible number is named at its field")
  void rhythm() {
    Page fenna = Browser.logIn(browser.laptop(), "fenna@leerwerkplaats.nl");
    fenna.navigate("/facilitator");
    fenna.locator("a[href='/c/demo-warmtepomp/rhythm']").click();
    assertThat(fenna.getByLabel("Stil vanaf")).hasValue("20:00");
    fenna.getByLabel("Stil vanaf").fill("21:30");
    fenna.getByLabel("Herinnering voor een bijeenkomst, uren van tevoren").fill("500");
    fenna.getByRole(AriaRole.BUTTON, named("Ritme opslaan")).click();
    assertThat(fenna.locator("#sessionReminderHours-error")).hasText("Dit getal is te groot.");
    assertThat(fenna.getByLabel("Stil vanaf")).hasValue("21:30");
    Browser.assertAccessible(fenna, "the rhythm form with an error");

    fenna.getByLabel("Herinnering voor een bijeenkomst, uren van tevoren").fill("48");
    fenna.getByRole(AriaRole.BUTTON, named("Ritme opslaan")).click();
    assertThat(fenna.getByRole(AriaRole.MAIN).getByRole(AriaRole.STATUS)).hasText("Het ritme is opgeslagen.");
    JsonObject rhythm = server.demo("fenna@leerwerkplaats.nl").get(COMMUNITY + "/rhythm").ok();
    assertEquals("21:30", rhythm.getString("quietFrom"));
    assertEquals(48, rhythm.getInteger("sessionReminderHours"));
    assertEquals(403, server.demo("sanne").page("/c/demo-warmtepomp/rhythm").status());
  }

  @Test
  @DisplayName("Fenna makes Bram the owner of a question nobody investigates (choosing nobody is named at the field), then takes him off")
  void assignOwner() {
    Page fenna = Browser.logIn(browser.laptop(), "fenna@leerwerkplaats.nl");
    fenna.navigate("/questions/demo-q-buffer");
    fenna.getByRole(AriaRole.BUTTON, named("Eigenaar maken")).click();
    assertThat(fenna.locator("#userId-error")).hasText("Kies een persoon.");
    Browser.assertAccessible(fenna, "the question page with an owner error");

    fenna.getByLabel("Eigenaar toewijzen").selectOption(new com.microsoft.playwright.options.SelectOption()
        .setLabel("Bram Hendriks"));
    fenna.getByRole(AriaRole.BUTTON, named("Eigenaar maken")).click();
    Locator owners = fenna.locator("section[aria-labelledby=owners]");
    assertThat(owners.locator("ul").first()).containsText("Bram Hendriks");
    assertTrue(server.demo("bram").get("/questions/demo-q-buffer").ok().getJsonArray("owners").stream()
        .anyMatch(o -> "demo-bram".equals(((JsonObject) o).getString("userId"))));

    fenna.getByRole(AriaRole.BUTTON, named("Bram Hendriks als eigenaar weghalen")).click();
    assertThat(owners).containsText("Nog niemand.");
  }

  @Test
  @DisplayName("On a phone the new pages read well in Dutch and English")
  void onAPhone() {
    String planned = server.demo("fenna@leerwerkplaats.nl").post(COMMUNITY + "/sessions", new JsonObject()
        .put("startsAt", LocalDate.now(ZoneId.of("Europe/Amsterdam")).plusDays(50) + "T09:00")).expect(201).json()
        .getString("id");
    Page fenna = Browser.logIn(browser.phone(), "fenna@leerwerkplaats.nl");
    List<String> pages = List.of("/sessions/" + planned + "/change", "/sessions/" + planned + "/cancel",
        "/c/demo-warmtepomp/sessions", "/c/demo-warmtepomp/prompts", "/c/demo-warmtepomp/rhythm",
        "/questions/demo-q-buffer", "/sessions/demo-s-2", "/facilitator");
    try {
      for (String language : Browser.languagesAt(fenna)) {
        if ("en".equals(language)) {
          fenna.getByRole(AriaRole.BUTTON, named("English")).click();
          fenna.waitForLoadState();
        }
        for (String path : pages) {
          fenna.navigate(path);
          assertEquals(language, fenna.locator("html").getAttribute("lang"));
          Browser.assertAccessible(fenna, path + " on a phone in " + language);
          if ("nl".equals(language)) {
            Browser.screenshot(fenna, "phone-facilitator-form-" + path.replaceAll("[^a-z0-9]+", "-"));
          }
        }
      }
      assertThat(fenna.locator("#since-demo-warmtepomp")).containsText("Since last time");
    } finally {
      server.demo("fenna@leerwerkplaats.nl").patch("/me", new JsonObject().put("language", "nl")).expect(200);
    }
  }

  /** A member is told in the app about a change to a session. */
  private void told(String login, String link, String kind) {
    Person member = server.demo(login);
    Eventually.await(login + " to be told about " + link, Duration.ofSeconds(30), () ->
        member.get("/me/notifications").ok().getJsonArray("items").stream().map(i -> (JsonObject) i)
            .anyMatch(i -> link.equals(i.getString("link")) && kind.equals(i.getString("kind"))) ? Boolean.TRUE : null);
  }
}
