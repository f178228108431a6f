package nl.leerkring.support;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.ResultType;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import nl.leerkring.platform.Hashes;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Headless Chromium from the machine's packages (installed by .ci/run), driven through Playwright. Chromium
 * starts once per test run and is shared by every test class; a Browser is one class's view of it, bound to
 * that class's server. Each person gets their own context, as on their own phone or laptop, and closing the
 * Browser closes those contexts.
 */
public final class Browser implements AutoCloseable {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
  private static final int PHONE_WIDTH_BELOW = 600;
  /** The pages axe already found accessible in this run, by {@link #axeKey}. */
  private static final Set<String> ACCESSIBLE = ConcurrentHashMap.newKeySet();
  private static Chromium chromium;

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
        "Browser tests need Chromium at " + executable() + ": apt-get install -y chromium chromium-driver");
    return new Browser(server);
  }

  private static Path executable() {
    return Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
  }

  /** Starting Playwright and Chromium costs seconds, so a run does it once (again only if Chromium died). */
  private static synchronized com.microsoft.playwright.Browser chromium() {
    if (chromium == null || !chromium.browser.isConnected()) {
      if (chromium != null) {
        chromium.close();
      }
      chromium = new Chromium();
      TestRun.closeAtEnd(chromium);
    }
    return chromium.browser;
  }

  /** A 390×844 phone with touch, as the technicians on the shop floor have. */
  public Page phone() {
    return open(new com.microsoft.playwright.Browser.NewContextOptions()
        .setViewportSize(390, 844).setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true));
  }

  /** A laptop, as facilitators and lecturers mostly use. */
  public Page laptop() {
    return open(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1280, 800));
  }

  private Page open(com.microsoft.playwright.Browser.NewContextOptions options) {
    BrowserContext context = chromium().newContext(options.setBaseURL(baseUrl)
        .setLocale("nl-NL").setTimezoneId("Europe/Amsterdam"));
    contexts.add(context);
    return context.newPage();
  }

  /** Logs one of the demo people in through the login page and lands on their home page. */
  public static Page logIn(Page page, String login) {
    page.navigate("/login");
    page.getByLabel("Gebruikersnaam of e-mailadres").fill(login);
    page.getByLabel("Wachtwoord").fill("welkom2026");
    page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
        new Page.GetByRoleOptions().setName("Inloggen")).click();
    page.waitForURL(url -> !url.contains("/login"));
    return page;
  }

  /**
   * No WCAG 2.1 A/AA violation that axe-core can find on the page as it is now. Axe takes about a second a
   * page, so a page whose markup axe already passed in this run, in the same language at phone width or in
   * any language at laptop width, is not analysed again (see {@link #axeKey}).
   */
  public static void assertAccessible(Page page, String what) {
    String key = axeKey(page, page.locator("html").getAttribute("lang"));
    if (ACCESSIBLE.contains(key)) {
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
    ACCESSIBLE.add(key);
  }

  /** Whether axe already passed this page's markup in this language at this page's width. */
  static boolean alreadyAccessible(Page page, String language) {
    return ACCESSIBLE.contains(axeKey(page, language));
  }

  /**
   * The page's width class and language, and the shape of its markup: every element with its classes, the
   * values of attributes that axe judges by value (roles, types, ARIA states), whether the other attributes
   * and the element's own text are empty, whether references to other ids resolve, and whether ids repeat.
   * Texts and ids coming from data are left out, and a list's repeated items count once, so the same
   * template with the same state shows the same shape, while an error message, an empty field or a photo
   * makes a new one.
   */
  private static String axeKey(Page page, String language) {
    boolean phone = page.viewportSize().width < PHONE_WIDTH_BELOW;
    String shape = (String) page.evaluate(SHAPE);
    return (phone ? "phone " + language : "laptop") + " " + Hashes.sha256(shape);
  }

  private static final String SHAPE = """
      () => {
        const byValue = new Set(['type', 'role', 'tabindex', 'scope', 'method', 'autocomplete', 'inputmode',
          'disabled', 'checked', 'selected', 'required', 'readonly', 'multiple', 'hidden', 'open']);
        const references = new Set(['for', 'headers', 'list', 'aria-describedby', 'aria-labelledby',
          'aria-controls', 'aria-owns', 'aria-activedescendant', 'aria-errormessage']);
        const labels = new Set(['aria-label', 'aria-valuetext', 'aria-roledescription']);
        const ids = [...document.querySelectorAll('[id]')].map(e => e.id);
        const attribute = a => {
          if (byValue.has(a.name) || (a.name.startsWith('aria-') && !labels.has(a.name)
              && !references.has(a.name))) {
            return a.name + '=' + a.value;
          }
          if (references.has(a.name)) {
            return a.name + (a.value.trim().split(/\\s+/).every(id => document.getElementById(id)) ? '' : '!');
          }
          return a.name + (a.value.trim() ? '' : '=');
        };
        const shape = element => {
          let own = element.tagName + [...element.classList].sort().map(c => '.' + c).join('')
            + [...element.attributes].filter(a => a.name !== 'class').map(attribute).sort()
              .map(a => '[' + a + ']').join('');
          if ([...element.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim())) {
            own += '"';
          }
          if (['SCRIPT', 'STYLE', 'TEMPLATE'].includes(element.tagName)) {
            return own;
          }
          const children = [...new Set([...element.children].map(shape))];
          return children.length ? own + '{' + children.join(',') + '}' : own;
        };
        return (new Set(ids).size === ids.length ? '' : 'repeated ids ') + shape(document.documentElement);
      }""";

  /** A full-page screenshot under target/screenshots, for people to look at after a run. */
  public static void screenshot(Page page, String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
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
          .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
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
