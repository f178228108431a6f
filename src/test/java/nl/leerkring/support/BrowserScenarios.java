package nl.leerkring.support;

import com.microsoft.playwright.Page;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The stage of the browser scenarios: each test class gets a server of its own with a fresh demo, so a class
 * may change the demo as it likes and no class depends on another's order. Chromium is started once per run
 * and shared; {@code browser} opens this class's phones and laptops on it, closed after the class.
 * {@code Browser.assertAccessible} runs axe once per page shape, language (at phone width) and width in a run,
 * so call it wherever a page is in a new state: repeats cost a few milliseconds.
 * Tagged "browser": {@code mvn -B test -Pfast} leaves these classes out.
 */
@Tag("browser")
@ExtendWith(VertxExtension.class)
public abstract class BrowserScenarios {

  protected static TestServer server;
  protected static Browser browser;

  @BeforeAll
  static void startServerAndBrowser(Vertx vertx) {
    server = TestServer.withDemo(vertx);
    browser = Browser.on(server);
  }

  @AfterAll
  static void stopServerAndBrowser() {
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
