package nl.leerkring.support;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import nl.leerkring.MainVerticle;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A real Leerkring server on a free loopback port, with the embedded store in its own temporary directory.
 * Tests talk to it over HTTP only.
 */
public final class TestServer implements AutoCloseable {

  public static final int TEST_PASSWORD_ITERATIONS = 1_000;

  private final Vertx vertx;
  private final Path dataDir;
  private final String mongoUri;
  private final MutableClock clock;
  private final JsonObject extraConfig;
  private final WebClient client;
  /** Whether a start returns only once the search index is built (the server itself listens before that). */
  private final boolean waitForSearch;
  private String deploymentId;
  private MainVerticle verticle;

  private TestServer(Vertx vertx, Path dataDir, String mongoUri, MutableClock clock, JsonObject extraConfig,
                     boolean waitForSearch) {
    this.vertx = vertx;
    this.dataDir = dataDir;
    this.mongoUri = mongoUri;
    this.clock = clock;
    this.extraConfig = extraConfig;
    this.waitForSearch = waitForSearch;
    this.client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1"));
  }

  /** With the demo community loaded, as a newcomer's first start has it. */
  public static TestServer withDemo(Vertx vertx) {
    return start(vertx, temporaryDataDir(), true);
  }

  public static TestServer empty(Vertx vertx) {
    return start(vertx, temporaryDataDir(), false);
  }

  public static TestServer start(Vertx vertx, Path dataDir, boolean demo) {
    return start(vertx, dataDir, "", demo, new MutableClock(), new JsonObject());
  }

  /** A server on a MongoDB that others may share, as several processes behind a load balancer do. */
  public static TestServer onMongo(Vertx vertx, String mongoUri, boolean demo) {
    return start(vertx, temporaryDataDir(), mongoUri, demo, new MutableClock(), new JsonObject());
  }

  /**
   * A server with its own clock and extra settings (an SMTP server, retry times). Servers given the same
   * clock and mongoUri behave as processes sharing one database and one wall clock.
   */
  public static TestServer start(Vertx vertx, Path dataDir, String mongoUri, boolean demo, MutableClock clock,
                                 JsonObject extraConfig) {
    TestServer server = new TestServer(vertx, dataDir, mongoUri, clock, extraConfig, true);
    server.deploy(demo);
    return server;
  }

  /**
   * The same, back as soon as the server listens, as a real start is: its search index may still be being built
   * from the store ({@code /health} says {@code "search": "building"}). Every other start waits for that, so that
   * a test can search at once.
   */
  public static TestServer listening(Vertx vertx, Path dataDir, String mongoUri, boolean demo, MutableClock clock,
                                     JsonObject extraConfig) {
    TestServer server = new TestServer(vertx, dataDir, mongoUri, clock, extraConfig, false);
    server.deploy(demo);
    return server;
  }

  /** A fresh directory, deleted when the test run ends (tests may restart servers on it until then). */
  public static Path temporaryDataDir() {
    return TestRun.temporaryDirectory("leerkring-test");
  }

  private void deploy(boolean demo) {
    verticle = new MainVerticle(clock);
    // The scheduler looks often, so that a moved clock shows its effect within a fraction of a second.
    // Logins use the lowest hash cost the server accepts: a test logs in often, and no one guesses these.
    JsonObject config = new JsonObject()
        .put("httpHost", "127.0.0.1")
        .put("httpPort", 0)
        .put("dataDir", dataDir.toString())
        .put("mongoUri", mongoUri)
        .put("demo", demo)
        .put("schedulerPollMillis", 200)
        .put("passwordIterations", TEST_PASSWORD_ITERATIONS)
        .mergeIn(extraConfig);
    deploymentId = vertx.deployVerticle(verticle, new DeploymentOptions().setConfig(config)).await();
    if (waitForSearch) {
      awaitSearch();
    }
  }

  /** Until the search index is built: a few milliseconds for a test's store. */
  public void awaitSearch() {
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while ("building".equals(anonymous().get("/health").json().getString("search"))) {
      if (System.nanoTime() > until) {
        throw new AssertionError("The search index was still being built after 60 s");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** Stops the server as an operator would and starts it again on the same data. */
  public TestServer restart(boolean demo) {
    vertx.undeploy(deploymentId).await();
    deploy(demo);
    return this;
  }

  /** Stops the server, does what happens while it is down (time passing), and starts it again. */
  public TestServer restart(boolean demo, Runnable whileDown) {
    vertx.undeploy(deploymentId).await();
    whileDown.run();
    deploy(demo);
    return this;
  }

  public int port() {
    return verticle.port();
  }

  /** The separate metrics address's port, when the extra settings asked for one (metricsPort 0). */
  public int metricsPort() {
    return verticle.metricsPort();
  }

  public Path dataDir() {
    return dataDir;
  }

  public MutableClock clock() {
    return clock;
  }

  public Vertx vertx() {
    return vertx;
  }

  /** Someone who has not logged in. */
  public Person anonymous() {
    return new Person(client, port());
  }

  public Person login(String login, String password) {
    Person person = new Person(client, port());
    person.logIn(login, password);
    return person;
  }

  /** A script that calls the API with an API token ({@code lk_...}) and nothing else. */
  public Person withToken(String token) {
    return new Person(client, port()).withToken(token);
  }

  /** One of the demo people, by login, with the demo password. */
  public Person demo(String login) {
    return login(login, "welkom2026");
  }

  @Override
  public void close() {
    if (deploymentId != null) {
      vertx.undeploy(deploymentId).await();
      deploymentId = null;
    }
  }
}
