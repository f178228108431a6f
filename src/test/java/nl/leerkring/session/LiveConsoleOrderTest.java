package nl.leerkring.session;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.support.Browser;
import nl.leerkring.support.BrowserScenarios;
import nl.leerkring.support.Person;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's answers arrive in another order than the server read them: on a slow network an answer read
 * before a change can come after one read after it. The scenarios hold back requests and answers in the browser
 * (Playwright's routes) to put them in exactly that order, every run.
 */
@DisplayName("The live console never goes back to an older state")
class LiveConsoleOrderTest extends BrowserScenarios {

  /**
   * Marks on the page's root element the last held answer the page has read and dealt with (the page's rules forbid
   * evaluating text as script, so the scenario waits for the attribute): the console's own handling runs in the
   * microtasks after the text is read, before the timer's task.
   */
  private static final String MARK_HELD_ANSWERS = """
      (() => {
        const text = Response.prototype.text;
        Response.prototype.text = function () {
          const held = this.headers.get('x-held-answer');
          return text.call(this).then(body => {
            if (held) { setTimeout(() => document.documentElement.setAttribute('data-held-answer', held)); }
            return body;
          });
        };
      })();
      """;

  private int heldAnswers;

  @Test
  @DisplayName("Fenna moves to Check-out while a refresh read before that move is still on its way: when it arrives "
      + "her console stays at Check-out with the summary she typed, and the session ends with it on Sanne's phone")
  void fennasOlderRefreshArrivesAfterHerMove() {
    Person fennaElsewhere = server.demo("fenna@leerwerkplaats.nl");
    String session = liveAtAgreements(fennaElsewhere);
    Page sanne = Browser.logIn(browser.phone(), "sanne");
    follow(sanne, session);
    Page fenna = Browser.logIn(browser.laptop(), "fenna@leerwerkplaats.nl");
    fenna.addInitScript(MARK_HELD_ANSWERS);
    HeldRefreshes refreshes = new HeldRefreshes(fenna, session);
    List<Route> moves = new ArrayList<>();
    fenna.route("**" + session + "/phase", moves::add);
    follow(fenna, session);
    assertThat(fenna.locator("#current-phase")).containsText("Afspraken maken");

    fenna.getByRole(AriaRole.BUTTON, named("Volgende: Check-out")).click();
    fenna.waitForCondition(() -> !moves.isEmpty());
    // While her move is on its way, she records on her tablet who came: her laptop's console refreshes, and the
    // server reads that refresh before her move.
    fennaElsewhere.put(session + "/attendance", new JsonObject().put("present", new JsonArray().add("demo-kees")))
        .expect(200);
    Route readBeforeTheMove = refreshes.next();
    APIResponse before = readBeforeTheMove.fetch();
    assertTrue(before.text().contains("Afspraken maken"), "the refresh was read before the move");

    moves.get(0).resume();
    assertThat(fenna.locator("#current-phase")).containsText("Check-out");
    fenna.getByLabel("Samenvatting").fill("Meten doen we voortaan bij vorst.");
    answer(fenna, readBeforeTheMove, before);

    assertThat(fenna.locator("#current-phase")).containsText("Check-out");
    assertThat(fenna.getByLabel("Samenvatting")).hasValue("Meten doen we voortaan bij vorst.");
    assertThat(fenna.locator("#attendance > ul")).containsText("Kees de Vries");

    // The refresh her move caused is read now, as new as her console: it is swapped in, her summary kept.
    Route afterTheMove = refreshes.next();
    answer(fenna, afterTheMove, afterTheMove.fetch());
    assertThat(fenna.locator("#current-phase")).containsText("Check-out");
    assertThat(fenna.getByLabel("Samenvatting")).hasValue("Meten doen we voortaan bij vorst.");

    refreshes.letThrough();
    fenna.getByRole(AriaRole.BUTTON, named("Bijeenkomst afronden")).click();
    assertThat(sanne.locator("#live")).containsText("Afgelopen");
    assertThat(sanne.locator("#live")).containsText("Meten doen we voortaan bij vorst.");
    assertThat(fenna.locator("#live")).containsText("Meten doen we voortaan bij vorst.");
  }

  @Test
  @DisplayName("Sanne's phone asks twice while Fenna moves on; the answer it asked for first comes first and is newer, "
      + "the second, read before the move, comes last: her phone keeps showing Check-out")
  void sannesOlderAnswerArrivesLast() {
    Person fenna = server.demo("fenna@leerwerkplaats.nl");
    String session = liveAtAgreements(fenna);
    Page sanne = Browser.logIn(browser.phone(), "sanne");
    sanne.addInitScript(MARK_HELD_ANSWERS);
    HeldRefreshes refreshes = new HeldRefreshes(sanne, session);
    follow(sanne, session);
    assertThat(sanne.locator("#current-phase")).containsText("Afspraken maken");

    fenna.put(session + "/attendance", new JsonObject().put("present", new JsonArray().add("demo-kees"))).expect(200);
    Route first = refreshes.next();
    fenna.put(session + "/attendance", new JsonObject().put("present", new JsonArray().add("demo-kees")
        .add("demo-sanne"))).expect(200);
    Route second = refreshes.next();
    APIResponse readBeforeTheMove = second.fetch();
    fenna.patch(session, new JsonObject().put("phase", "check-out")).expect(200);
    Route third = refreshes.next();

    // The first request reaches the server only now, after the move.
    answer(sanne, first, first.fetch());
    assertThat(sanne.locator("#current-phase")).containsText("Check-out");
    answer(sanne, second, readBeforeTheMove);

    assertThat(sanne.locator("#current-phase")).containsText("Check-out");
    assertThat(sanne.locator(".phases [aria-current=step]")).hasText("Check-out");
    answer(sanne, third, third.fetch());
    assertThat(sanne.locator("#current-phase")).containsText("Check-out");
    assertThat(sanne.locator("#attendance > ul")).containsText("Sanne Visser");
  }

  @Test
  @DisplayName("Fenna's timer of 600 minutes is refused, and the refusal arrives after her console showed Kees "
      + "recorded from her tablet: the error shows at the timer, Kees stays")
  void olderRefusalShowsItsErrorOnly() {
    Person fennaElsewhere = server.demo("fenna@leerwerkplaats.nl");
    String session = liveAtAgreements(fennaElsewhere);
    Page fenna = Browser.logIn(browser.laptop(), "fenna@leerwerkplaats.nl");
    fenna.addInitScript(MARK_HELD_ANSWERS);
    List<Route> timers = new ArrayList<>();
    fenna.route("**" + session + "/timer", timers::add);
    follow(fenna, session);

    fenna.getByLabel("Minuten voor deze fase").fill("600");
    fenna.getByRole(AriaRole.BUTTON, named("Timer zetten")).click();
    fenna.waitForCondition(() -> !timers.isEmpty());
    APIResponse refused = timers.get(0).fetch();
    assertTrue(refused.text().contains("Een fase duurt hoogstens 240 minuten."), refused.text());
    fennaElsewhere.put(session + "/attendance", new JsonObject().put("present", new JsonArray().add("demo-kees")))
        .expect(200);
    assertThat(fenna.locator("#attendance > ul")).containsText("Kees de Vries");

    answer(fenna, timers.get(0), refused);
    assertThat(fenna.locator("#timerMinutes-error")).hasText("Een fase duurt hoogstens 240 minuten.");
    assertThat(fenna.getByLabel("Minuten voor deze fase")).hasAttribute("aria-invalid", "true");
    assertThat(fenna.getByLabel("Minuten voor deze fase")).isFocused();
    assertThat(fenna.locator("main > .error-summary")).isVisible();
    assertThat(fenna.locator("#attendance > ul")).containsText("Kees de Vries");
  }

  /** A session planned for tomorrow and run, through the API, up to making agreements; answers its address. */
  private static String liveAtAgreements(Person fenna) {
    String session = "/sessions/" + fenna.post("/communities/demo-warmtepomp/sessions", new JsonObject()
        .put("startsAt", LocalDate.now().plusDays(1) + "T09:00").put("place", "Kantine werkplaats"))
        .expect(201).json().getString("id");
    fenna.patch(session, new JsonObject().put("status", "live").put("phase", "agreements")).expect(200);
    return session;
  }

  /**
   * Opens the session's page and returns once its console follows the session's events: the stream's first bytes
   * go out once the server listens for them, so no change after this is missed.
   */
  private static void follow(Page page, String session) {
    page.waitForResponse(answer -> answer.url().endsWith(session + "/events"), () -> page.navigate(session));
  }

  /** The held refresh gets this answer; returns once the page has dealt with it. */
  private void answer(Page page, Route refresh, APIResponse answer) {
    String tag = String.valueOf(++heldAnswers);
    refresh.fulfill(new Route.FulfillOptions().setResponse(answer)
        .setHeaders(Map.of("content-type", answer.headers().get("content-type"), "x-held-answer", tag)));
    assertThat(page.locator("html")).hasAttribute("data-held-answer", tag);
  }

  /**
   * The console's refreshes on one page, held as they leave the browser: the scenario decides when the server reads
   * each one ({@link Route#fetch}) and when its answer arrives. Opening the page and a form's answer pass.
   */
  private static final class HeldRefreshes {

    private final Page page;
    private final List<Route> held = new ArrayList<>();
    private int taken;
    private boolean holding = true;

    HeldRefreshes(Page page, String session) {
      this.page = page;
      page.route("**" + session, route -> {
        Request request = route.request();
        if (holding && "fetch".equals(request.resourceType()) && request.redirectedFrom() == null) {
          held.add(route);
        } else {
          route.resume();
        }
      });
    }

    /** The console's next refresh, once it asked. */
    Route next() {
      page.waitForCondition(() -> held.size() > taken);
      return held.get(taken++);
    }

    /** From now on refreshes pass, those held but not taken too. */
    void letThrough() {
      holding = false;
      held.subList(taken, held.size()).forEach(Route::resume);
      taken = held.size();
    }
  }
}
