package nl.leerkring.support;

import com.microsoft.playwright.Page;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The stage of the browser scenarios: a server with the demo community, and Chromium in which each person
 * opens their own phone or laptop. One of each per test class.
 */
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
    }
    server.close();
  }

  protected static Page.GetByRoleOptions named(String name) {
    return new Page.GetByRoleOptions().setName(name);
  }
}
