package nl.leerkring.web;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.vertx.core.json.JsonObject;
import nl.leerkring.fieldnote.PhoneCamera;
import nl.leerkring.support.Browser;
import nl.leerkring.support.BrowserScenarios;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Forms that help (issue 13.5): after a refused form the list of every mistake comes first and takes focus, each
 * a link to its field, and every field to correct looks it; a saved form says so; a vote keeps its place on the
 * page; closing a cycle asks first.
 */
@DisplayName("Forms that help: every mistake at once and in focus, fields marked, saving confirmed, votes in place")
class FormsThatHelpTest extends BrowserScenarios {

  private static final String C = "/c/demo-warmtepomp";
  /** app.css --danger. */
  private static final String DANGER = "rgb(164, 22, 26)";

  /** A form page, as someone opens it, fills it in wrongly ({@code fill}) and sends it. */
  private record Form(String login, String path, String action, Consumer<Page> fill) {
  }

  private static Form empty(String login, String path, String action) {
    return new Form(login, path, action, page -> { });
  }

  private static void send(Page page, String action) {
    page.locator("form[action='" + action + "'] button[type=submit]").first().click();
  }

  @Test
  @DisplayName("On every kind of form a refusal lists each mistake first, in focus, linked to a field that exists")
  void everyFormListsEveryMistake() {
    String join = server.demo("fenna@leerwerkplaats.nl").post("/communities/demo-warmtepomp/invitations",
        new JsonObject().put("role", "participant").put("name", "Nieuwe Nina")).expect(201).json().getString("token");
    List<Form> forms = List.of(
        empty(null, "/join/" + join, "/join/" + join),
        empty("sanne", C + "/notes/new", C + "/notes"),
        empty("sanne", C + "/questions/new", C + "/questions"),
        empty("sanne", "/questions/demo-q-meten/snacks/new", "/questions/demo-q-meten/snacks"),
        empty("sanne", "/settings/password", "/settings/password"),
        empty("sanne", "/settings/tokens", "/settings/tokens"),
        empty("r.mulder@hogeschool-oost.nl", C + "/contributions/new", C + "/contributions"),
        new Form("r.mulder@hogeschool-oost.nl", C + "/contributions/new", C + "/contributions", page -> {
          // The first row left blank: the second row's link is named at the second row.
          page.locator("#references_1_title").fill("Handleiding");
          page.locator("#references_1_url").fill("geen-link");
        }),
        empty("fenna@leerwerkplaats.nl", C + "/sessions", C + "/sessions"),
        new Form("fenna@leerwerkplaats.nl", C + "/prompts", C + "/prompts", page -> {
          page.locator("#repeat_times").fill("99");
          page.locator("#repeat_daysAfter").fill("99");
        }),
        new Form("fenna@leerwerkplaats.nl", C + "/sessions", C + "/sessions", page -> {
          page.locator("#series_everyWeeks").fill("0");
          page.locator("#series_times").fill("99");
        }),
        empty("fenna@leerwerkplaats.nl", C + "/cycles", C + "/cycles/2/close"),
        empty("hr@vandijk-installatie.nl", "/admin/communities/new", "/admin/communities"),
        empty("hr@vandijk-installatie.nl", "/o/demo-vandijk/managers", "/o/demo-vandijk/assignments"),
        empty("beheer", "/installation", "/installation/organisations"));
    for (Form form : forms) {
      Page page = form.login() == null ? browser.phone() : Browser.logIn(browser.phone(), form.login());
      page.navigate(form.path());
      form.fill().accept(page);
      send(page, form.action());
      String what = form.action() + (form.login() == null ? "" : " as " + form.login());
      assertSummaryLeadsToEveryField(page, what);
      page.context().close();
    }
  }

  /**
   * The summary is the focused first thing in the page; each of its links leads to a field (or a group of them)
   * that exists; every field marked invalid is linked from it; no two elements share an id.
   */
  private static void assertSummaryLeadsToEveryField(Page page, String what) {
    Locator summary = page.locator(".error-summary");
    try {
      assertThat(summary).isFocused();
    } catch (AssertionError e) {
      throw new AssertionError(what + ": " + e.getMessage() + " (focused: "
          + page.evaluate("document.activeElement.outerHTML.slice(0, 200)") + ")", e);
    }
    assertThat(summary).hasAttribute("role", "alert");
    assertThat(summary.getByRole(AriaRole.HEADING)).hasText("Er ging iets mis");
    Map<?, ?> found = (Map<?, ?>) page.evaluate("""
        () => {
          const linked = [...document.querySelectorAll('.error-summary a')].map(a => a.getAttribute('href').slice(1));
          const isField = e => e && (e.matches('input, select, textarea') || e.querySelector('input, select, textarea'));
          const ids = [...document.querySelectorAll('[id]')].map(e => e.id);
          return {
            items: document.querySelectorAll('.error-summary li').length,
            nowhere: linked.filter(id => !isField(document.getElementById(id))),
            unlisted: [...document.querySelectorAll('[aria-invalid=true]')]
              .filter(f => !linked.includes(f.id) && !linked.includes(f.closest('fieldset[id]')?.id)
                && !linked.includes(f.closest('[id^=references]')?.id))
              .map(f => f.id || f.name),
            twice: ids.filter((id, i) => ids.indexOf(id) !== i),
            inOrder: linked.map(id => document.getElementById(id)).every((field, i, all) => i === 0 || !field
              || !all[i - 1] || (all[i - 1].compareDocumentPosition(field) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0),
            first: document.querySelector('main').firstElementChild.className
          };
        }""");
    assertTrue(((Number) found.get("items")).intValue() > 0, what);
    assertEquals(List.of(), found.get("nowhere"), what + ": summary links that lead to no field");
    assertEquals(List.of(), found.get("unlisted"), what + ": invalid fields the summary does not name");
    assertEquals(List.of(), found.get("twice"), what + ": ids used twice");
    assertEquals(true, found.get("inOrder"), what + ": the summary in the order of the fields on the page");
    assertEquals("error-summary", found.get("first"), what + ": the summary comes first in the page");
  }

  @Test
  @DisplayName("A note sent without text: its mistakes listed, each link puts the cursor in its field, the photo asked for again")
  void summaryLeadsToTheField() throws Exception {
    Page phone = Browser.logIn(browser.phone(), "sanne");
    phone.navigate(C + "/notes/new");
    phone.locator("#photo").setInputFiles(new FilePayload("meter.jpg", "image/jpeg",
        PhoneCamera.jpegWithGps(52.2215, 6.8937)));
    send(phone, C + "/notes");

    Locator summary = phone.locator(".error-summary");
    assertThat(summary).isFocused();
    assertThat(summary).containsText("Er ging iets mis");
    Locator again = summary.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("meter\\.jpg")));
    assertThat(again).hasAttribute("href", "#photo");
    assertThat(again).containsText("Kies je foto (meter.jpg) opnieuw");
    // In the order of the form, each named by its field: the kind (an unticked choice the form did not send) first.
    assertThat(summary.locator("li").first()).hasText("Wat voor notitie is het? Kies een van de mogelijkheden.");
    Browser.assertAccessible(phone, "the note form with every mistake listed");

    summary.locator("a[href='#text']").click();
    assertThat(phone.locator("#text")).isFocused();
    assertThat(phone.locator("#text")).hasAttribute("aria-invalid", "true");
    summary.locator("a[href='#kind']").click();
    assertThat(phone.locator("#kind input[type=radio]").first()).isFocused();
    again.click();
    assertThat(phone.locator("#photo")).isFocused();

    // In English the same list, with an English heading.
    phone.getByRole(AriaRole.BUTTON, named("English")).click();
    phone.navigate(C + "/notes/new");
    send(phone, C + "/notes");
    assertThat(phone.locator(".error-summary").getByRole(AriaRole.HEADING)).hasText("There is a problem");
    Browser.assertAccessible(phone, "the note form with every mistake listed, in English");
  }

  @Test
  @DisplayName("Joining shows every mistake after one try: the form's own, a taken username and a weak password together")
  void joiningShowsEveryMistake() {
    String join = server.demo("fenna@leerwerkplaats.nl").post("/communities/demo-warmtepomp/invitations",
        new JsonObject().put("role", "participant").put("name", "Nina")).expect(201).json().getString("token");
    Page phone = browser.phone();
    phone.navigate("/join/" + join);
    phone.locator("#displayName").fill("");
    phone.locator("#username").fill("a b");
    phone.locator("#password").fill("kort");
    send(phone, "/join/" + join);
    assertThat(phone.locator(".error-summary li")).hasCount(3);
    for (String field : List.of("displayName", "username", "password")) {
      assertThat(phone.locator(".error-summary a[href='#" + field + "']")).isVisible();
      assertThat(phone.locator("#" + field)).hasAttribute("aria-invalid", "true");
    }

    phone.locator("#displayName").fill("Nina de Nieuwe");
    phone.locator("#username").fill("sanne");
    phone.locator("#password").fill("wachtwoord");
    send(phone, "/join/" + join);
    assertThat(phone.locator(".error-summary a")).hasCount(2);
    assertThat(phone.locator(".error-summary a[href='#username']")).isVisible();
    assertThat(phone.locator(".error-summary a[href='#password']")).isVisible();
    assertThat(phone.locator("#displayName")).not().hasAttribute("aria-invalid", "true");
    Browser.assertAccessible(phone, "the join form with two mistakes");
  }

  @Test
  @DisplayName("Every kind of field looks invalid when it is: a thick red border, whatever its type")
  void invalidFieldsLookInvalid() {
    Page fenna = Browser.logIn(browser.laptop(), "fenna@leerwerkplaats.nl");
    fenna.navigate(C + "/sessions");
    fenna.locator("#durationMinutes").fill("5");
    fenna.locator("#onlineLink").fill("geen-link");
    send(fenna, C + "/sessions");
    for (String field : List.of("#startsAt", "#durationMinutes", "#onlineLink")) {
      assertThat(fenna.locator(field)).hasAttribute("aria-invalid", "true");
      assertThat(fenna.locator(field)).hasCSS("border-top-color", DANGER);
      assertThat(fenna.locator(field)).hasCSS("border-top-width", "2px");
    }
    // Every type a form here uses, marked as a refused form marks it: the style sheet must not let the
    // type's own border win (it did for text, password, url and date).
    List<?> plain = (List<?>) fenna.evaluate("""
        () => {
          const box = document.createElement('div');
          const kinds = ['text', 'password', 'url', 'email', 'date', 'datetime-local', 'number', 'time'];
          const fields = kinds.map(type => Object.assign(document.createElement('input'), { type }));
          fields.push(document.createElement('select'), document.createElement('textarea'));
          fields.forEach(f => { f.setAttribute('aria-invalid', 'true'); box.append(f); });
          document.querySelector('main').append(box);
          const wrong = fields.filter(f => getComputedStyle(f).borderTopColor !== '%s'
            || getComputedStyle(f).borderTopWidth !== '2px').map(f => f.type || f.tagName);
          box.remove();
          return wrong;
        }""".formatted(DANGER));
    assertEquals(List.of(), plain, "fields that do not look invalid");
  }

  @Test
  @DisplayName("A saved form says so, once, as a status; an address cannot make a page say something else")
  void savingIsConfirmed() {
    Page sanne = Browser.logIn(browser.phone(), "sanne");
    sanne.navigate("/settings/mail");
    sanne.locator("form[action='/settings/mail'] button[type=submit]").first().click();
    assertThat(sanne).hasURL(Pattern.compile("/settings/mail\\?saved=mail$"));
    assertThat(sanne.locator("main .saved")).hasCount(1);
    assertThat(sanne.locator("main .saved")).hasAttribute("role", "status");
    assertThat(sanne.locator("main .saved")).hasText("Je e-mailinstellingen zijn opgeslagen.");
    Browser.assertAccessible(sanne, "a page with the confirmation after saving");

    sanne.navigate(C + "/notes/new");
    sanne.locator("#kind input[value=observation]").check();
    sanne.locator("#text").fill("Flow gemeten voor het inregelen");
    send(sanne, C + "/notes");
    assertThat(sanne).hasURL(Pattern.compile("/notes/[A-Za-z0-9_-]+\\?saved=note$"));
    assertThat(sanne.locator("main .saved")).hasText("Je notitie is opgeslagen.");

    sanne.navigate("/settings/mail?saved=anything");
    assertThat(sanne.locator("main .saved")).hasCount(0);
    sanne.navigate("/settings/mail?saved=" + "x".repeat(40));
    assertThat(sanne.locator("main .saved")).hasCount(0);
  }

  @Test
  @DisplayName("A vote brings the phone back to the votes, not to the top of the page")
  void voteKeepsItsPlace() {
    Page kees = Browser.logIn(browser.phone(), "kees");
    kees.navigate("/questions/demo-q-meten");
    kees.getByRole(AriaRole.BUTTON, named("Ik wil dit ook weten")).click();
    assertThat(kees).hasURL(Pattern.compile("/questions/demo-q-meten#votes$"));
    assertThat(kees.getByRole(AriaRole.BUTTON, named("Stem intrekken"))).isInViewport();
    assertTrue(((Number) kees.evaluate("scrollY")).doubleValue() > 0, "the page is scrolled to the votes");
    kees.getByRole(AriaRole.BUTTON, named("Stem intrekken")).click();
    assertThat(kees).hasURL(Pattern.compile("/questions/demo-q-meten#votes$"));
    assertThat(kees.getByRole(AriaRole.BUTTON, named("Ik wil dit ook weten"))).isInViewport();
  }

  @Test
  @DisplayName("Closing a cycle without confirming closes nothing, whoever sends the form")
  void closingWithoutConfirmingClosesNothing() {
    Page fenna = Browser.logIn(browser.laptop(), "fenna@leerwerkplaats.nl");
    String csrf = (String) fenna.evaluate("document.querySelector('meta[name=leerkring-person]').dataset.csrf");
    FormData form = FormData.create().set("_csrf", csrf)
        .set("harvest.learned", "Een checklist helpt.").set("harvest.changedInWork", "We regelen met de checklist in.")
        .set("harvest.stillOpen", "Buffervaten.").set("nextSteps", "Checklist delen").set("nextGoal", "Checklist gebruiken");
    APIResponse asked = fenna.request().post(C + "/cycles/2/close", RequestOptions.create().setForm(form));
    assertEquals(200, asked.status());
    assertTrue(asked.text().contains("Cyclus 2 afsluiten?"), asked.text());
    APIResponse back = fenna.request().post(C + "/cycles/2/close", RequestOptions.create().setForm(form.set("confirm", "no")));
    assertEquals(200, back.status());
    assertEquals(2, server.demo("sanne").get("/communities/demo-warmtepomp").json().getInteger("currentCycle"));

    // A participant gets no confirmation page to click through.
    Page sanne = Browser.logIn(browser.laptop(), "sanne");
    String hers = (String) sanne.evaluate("document.querySelector('meta[name=leerkring-person]').dataset.csrf");
    APIResponse refused = sanne.request().post(C + "/cycles/2/close", RequestOptions.create()
        .setForm(form.set("_csrf", hers).set("confirm", "")).setMaxRedirects(0));
    assertEquals(403, refused.status());
    assertEquals(2, server.demo("sanne").get("/communities/demo-warmtepomp").json().getInteger("currentCycle"));
  }
}
