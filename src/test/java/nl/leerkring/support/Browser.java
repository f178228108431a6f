package nl.leerkring.support;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Headless Chromium from the machine's packages (installed by .ci/run), driven through Playwright. One
 * browser per test class; each person gets their own context, as on their own phone or laptop.
 */
public final class Browser implements AutoCloseable {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

  private final Playwright playwright;
  private final com.microsoft.playwright.Browser chromium;
  private final String baseUrl;

  private Browser(TestServer server) {
    playwright = Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(executable())
        .setHeadless(true));
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

  /** A 390×844 phone with touch, as the technicians on the shop floor have. */
  public Page phone() {
    return chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
        .setBaseURL(baseUrl).setViewportSize(390, 844).setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true)
        .setLocale("nl-NL").setTimezoneId("Europe/Amsterdam")).newPage();
  }

  /** A laptop, as facilitators and lecturers mostly use. */
  public Page laptop() {
    return chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
        .setBaseURL(baseUrl).setViewportSize(1280, 800).setLocale("nl-NL").setTimezoneId("Europe/Amsterdam"))
        .newPage();
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

  /** No WCAG 2.1 A/AA violation that axe-core can find on the page as it is now. */
  public static void assertAccessible(Page page, String what) {
    AxeResults results = new AxeBuilder(page).withTags(WCAG).analyze();
    List<Rule> violations = results.getViolations();
    if (!violations.isEmpty()) {
      fail("Accessibility violations on " + what + " (" + page.url() + "):\n" + violations.stream()
          .map(v -> "- " + v.getId() + ": " + v.getHelp() + " at " + v.getNodes().stream()
              .map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
          .collect(Collectors.joining("\n")));
    }
    assertEquals(List.of(), violations.stream().map(Rule::getId).toList());
  }

  /** A full-page screenshot under target/screenshots, for people to look at after a run. */
  public static void screenshot(Page page, String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
  }

  @Override
  public void close() {
    chromium.close();
    playwright.close();
  }
}
