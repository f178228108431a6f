package nl.leerkring.support;

import com.microsoft.playwright.Page;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The stage of the browser scenarios: each test class gets a server of its own with a fresh demo, so a class
 * may change the demo as it likes and no class depends on another's order. Chromium is started once per test JVM
 * and shared; {@code browser} opens this class's phones and laptops on it, closed after the class. (A server
 * with the demo starts in about half a second, so sharing one between classes would save little and make
 * classes depend on each other's changes.) {@code Browser.assertAccessible} runs axe once per template and
 * language at phone width and once per template at laptop width in a run, again only where a page shows
 * something new (an error, a photo), so call it wherever a page is in a new state: repeats cost milliseconds.
 * Scenarios log in through the API ({@code Browser.logIn}); LoginPagesTest drives the login page itself.
 * Tagged "browser": {@code mvn -B test -Pfast} leaves these classes out.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(VertxExtension.class)
public abstract class BrowserScenarios {

  protected TestServer server;
  protected Browser browser;

  @BeforeAll
  void startServerAndBrowser(Vertx vertx) {
    server = TestServer.withDemo(vertx);
    browser = Browser.on(server);
  }

  @AfterAll
  void stopServerAndBrowser() {
    if (browser != null) {
      browser.close();
      browser = null;
    }
    server.close();
  }

  protected static Page.GetByRoleOptions named(String name) {
    return new Page.GetByRoleOptions().setName(name);
  }
}
