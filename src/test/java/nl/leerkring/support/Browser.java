package nl.leerkring.support;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.ResultType;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.RequestOptions;
import com.microsoft.playwright.options.ServiceWorkerPolicy;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Headless Chromium from the machine's packages (installed by .ci/run), driven through Playwright. Chromium
 * starts once per test thread and is shared by the test classes that thread runs (Playwright may only be used
 * from the thread that started it, and two classes run at once); a Browser is one class's view of it, bound to
 * that class's server. Each person gets their own context, as on their own phone or laptop, and closing the
 * Browser closes those contexts.
 */
public final class Browser implements AutoCloseable {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
  private static final int PHONE_WIDTH_BELOW = 600;
  private static final String DEMO_PASSWORD = "welkom2026";
  private static final ThreadLocal<Chromium> CHROMIUM = new ThreadLocal<>();

  private final String baseUrl;
  private final List<BrowserContext> contexts = new ArrayList<>();

  private Browser(TestServer server) {
    baseUrl = "http://127.0.0.1:" + server.port();
  }

  /**
   * The README's test command must also run on a machine without Chromium; there the browser tests are
   * reported as skipped, with how to install it. CI installs it, so there they always run.
   */
  public static Browser on(TestServer server) {
    Assumptions.assumeTrue(Files.isExecutable(executable()),
        "Browser tests need Chromium at " + executable() + ": apt-get install -y chromium-headless-shell");
    return new Browser(server);
  }

  /**
   * Debian's headless shell where it is installed: Chromium's engine without the windowed browser around it,
   * which cost a browser class about a quarter more CPU (FieldNotePagesTest: 77 against 57 CPU seconds).
   */
  private static Path executable() {
    String chosen = System.getenv("CHROMIUM");
    if (chosen != null) {
      return Path.of(chosen);
    }
    Path shell = Path.of("/usr/bin/chromium-headless-shell");
    return Files.isExecutable(shell) ? shell : Path.of("/usr/bin/chromium");
  }

  /** Starting Playwright and Chromium costs seconds, so a thread does it once (again only if Chromium died). */
  private static com.microsoft.playwright.Browser chromium() {
    Chromium chromium = CHROMIUM.get();
    if (chromium == null || !chromium.browser.isConnected()) {
      if (chromium != null) {
        chromium.close();
      }
      chromium = new Chromium();
      CHROMIUM.set(chromium);
      TestRun.closeAtEnd(chromium);
    }
    return chromium.browser;
  }

  /**
   * A 390×844 phone with touch, as the technicians on the shop floor have. Drawn at one device pixel per CSS
   * pixel: the layout is the same, and Chromium paints a quarter of the pixels.
   */
  public Page phone() {
    return open(new com.microsoft.playwright.Browser.NewContextOptions()
        .setViewportSize(390, 844).setDeviceScaleFactor(1).setIsMobile(true).setHasTouch(true));
  }

  /**
   * The narrowest phone issue 13 measures at: 360 CSS pixels wide (EveryPageTest checks every page on it at
   * 200 % text).
   */
  public Page narrowPhone() {
    return open(new com.microsoft.playwright.Browser.NewContextOptions()
        .setViewportSize(360, 740).setDeviceScaleFactor(1).setIsMobile(true).setHasTouch(true));
  }

  /**
   * A phone with JavaScript switched off: every page must work without it, so the forms post themselves as plain
   * HTML, with no script of ours in between (DoubleSubmissionPagesTest).
   */
  public Page phoneWithoutJavaScript() {
    return open(new com.microsoft.playwright.Browser.NewContextOptions()
        .setViewportSize(390, 844).setDeviceScaleFactor(1).setIsMobile(true).setHasTouch(true)
        .setJavaScriptEnabled(false));
  }

  /** A laptop, as facilitators and lecturers mostly use. */
  public Page laptop() {
    return open(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1280, 800));
  }

  /**
   * A phone that installs the service worker (issue 13.2). Only the offline scenarios want one: elsewhere
   * it would only cost each new phone the fetching of the files it keeps.
   */
  public Page phoneWithServiceWorker() {
    return open(new com.microsoft.playwright.Browser.NewContextOptions()
        .setViewportSize(390, 844).setDeviceScaleFactor(1).setIsMobile(true).setHasTouch(true)
        .setServiceWorkers(ServiceWorkerPolicy.ALLOW));
  }

  private Page open(com.microsoft.playwright.Browser.NewContextOptions options) {
    if (options.serviceWorkers == null) {
      options.setServiceWorkers(ServiceWorkerPolicy.BLOCK);
    }
    BrowserContext context = chromium().newContext(options.setBaseURL(baseUrl)
        .setLocale("nl-NL").setTimezoneId("Europe/Amsterdam"));
    contexts.add(context);
    return context.newPage();
  }

  /**
   * Logs one of the demo people in as the API does (the login answer's cookie lands in this phone's or
   * laptop's cookie jar) and opens their home page. The login page itself is driven in LoginPagesTest
   * ({@link #logInThroughThePage}); here it would only cost every scenario a page load and a form post.
   */
  public static Page logIn(Page page, String login) {
    APIResponse answer = page.context().request().post("/api/v1/auth/login", RequestOptions.create()
        .setData(Map.of("login", login, "password", DEMO_PASSWORD)));
    assertEquals(200, answer.status(), () -> "login of " + login + " failed: " + answer.text());
    page.navigate("/");
    return page;
  }

  /** Logs one of the demo people in through the login page and lands on their home page. */
  public static Page logInThroughThePage(Page page, String login) {
    page.navigate("/login");
    page.getByLabel("Gebruikersnaam of e-mailadres").fill(login);
    page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
    page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
        new Page.GetByRoleOptions().setName("Inloggen")).click();
    page.waitForURL(url -> !url.contains("/login"));
    return page;
  }

  /**
   * No WCAG 2.1 A/AA violation that axe-core can find on the page as it is now. Axe takes about a second a
   * page, so it runs once per run for each template in each language at each width, and again only where the
   * page shows something that template has not shown before (see {@link #axeKey}).
   */
  public static void assertAccessible(Page page, String what) {
    String key = axeKey(page, page.locator("html").getAttribute("lang"));
    if (AxePassed.contains(key)) {
      return;
    }
    // Our pages have no frames, so axe runs once in the page itself (legacy mode) instead of once per frame
    // and again in a blank page to combine the results; and it reports violations only, sparing the
    // serialisation of every check that passed.
    AxeRunOptions options = new AxeRunOptions();
    options.setResultTypes(List.of(ResultType.Violations.getKey()));
    AxeResults results = new AxeBuilder(page).options(options).withTags(WCAG).setLegacyMode(true).analyze();
    List<Rule> violations = results.getViolations();
    if (!violations.isEmpty()) {
      fail("Accessibility violations on " + what + " (" + page.url() + "):\n" + violations.stream()
          .map(v -> "- " + v.getId() + ": " + v.getHelp() + " at " + v.getNodes().stream()
              .map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
          .collect(Collectors.joining("\n")));
    }
    assertEquals(List.of(), violations.stream().map(Rule::getId).toList());
    AxePassed.add(key);
  }

  /**
   * The languages axe checks a page in: both at phone width, Dutch at laptop width (the English laptop page is
   * the Dutch one's markup with other words, and the English phone page's at another width).
   */
  public static List<String> languagesAt(Page page) {
    return page.viewportSize().width < PHONE_WIDTH_BELOW ? List.of("nl", "en") : List.of("nl");
  }

  /** Whether axe already passed this page's template, as it is now, in this language at this page's width. */
  static boolean alreadyAccessible(Page page, String language) {
    return AxePassed.contains(axeKey(page, language));
  }

  /**
   * The page's width class (with the language at phone width), its template, and the states in which
   * accessibility defects hide: a field marked invalid, an image, a reference to another id that does not
   * resolve, an id that repeats, notes waiting on the phone (issue 13.2). Texts and data stay out, so a
   * template is checked once per language and width (issues 10 and 13), and again only in such a state.
   */
  private static String axeKey(Page page, String language) {
    boolean phone = page.viewportSize().width < PHONE_WIDTH_BELOW;
    String shown = (String) page.evaluate(SHOWN);
    return (phone ? "phone " : "laptop ") + language + " " + shown;
  }

  private static final String SHOWN = """
      () => {
        const main = document.querySelector('main');
        const template = main ? main.dataset.template : 'no template';
        const references = ['for', 'headers', 'list', 'aria-describedby', 'aria-labelledby', 'aria-controls',
          'aria-owns', 'aria-activedescendant', 'aria-errormessage'];
        const ids = [...document.querySelectorAll('[id]')].map(e => e.id);
        const unresolved = references.some(name => [...document.querySelectorAll('[' + name + ']')]
          .some(e => !e.getAttribute(name).trim().split(/\\s+/).every(id => document.getElementById(id))));
        return template + (document.querySelector('[aria-invalid="true"]') ? ' invalid' : '')
          + (document.querySelector('main img') ? ' images' : '')
          + (document.querySelector('.waiting-notes:not([hidden])') ? ' notes-waiting' : '')
          + (unresolved ? ' unresolved' : '') + (new Set(ids).size === ids.length ? '' : ' repeated-ids');
      }""";

  /**
   * A full-page screenshot under target/screenshots, for people to look at after a run with
   * {@code -Dleerkring.screenshots=true}; without it none is taken, since they are not checked and cost a
   * run seconds of encoding.
   */
  public static void screenshot(Page page, String name) {
    if (!Boolean.getBoolean("leerkring.screenshots")) {
      return;
    }
    try {
      Files.createDirectories(SCREENSHOTS);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
  }

  /**
   * What the screen shows now, as a JPEG under target/screenshots, on every run: the view, not the whole page,
   * which costs Chromium a fraction of a full-page PNG. EveryPageTest takes one of every page this way.
   */
  public static void viewShot(Page page, String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".jpg"))
        .setType(com.microsoft.playwright.options.ScreenshotType.JPEG).setQuality(70));
  }

  /** Closes this class's phones and laptops; Chromium stays for the next class. */
  @Override
  public void close() {
    for (BrowserContext context : contexts) {
      try {
        context.close();
      } catch (PlaywrightException alreadyGone) {
        // a test closed it itself, or Chromium went away; either way nothing is left open
      }
    }
    contexts.clear();
  }

  /** Playwright's driver and the Chromium it launched. */
  private static final class Chromium implements AutoCloseable {

    final Playwright playwright;
    final com.microsoft.playwright.Browser browser;

    Chromium() {
      playwright = Playwright.create(new Playwright.CreateOptions()
          // The service worker's own requests obey setOffline and routes too (OfflineNotesTest).
          .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1", "PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS", "1")));
      browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
          .setExecutablePath(executable())
          .setHeadless(true));
    }

    @Override
    public void close() {
      try {
        browser.close();
      } finally {
        playwright.close();
      }
    }
  }
}
