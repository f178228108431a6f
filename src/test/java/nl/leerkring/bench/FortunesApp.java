package nl.leerkring.bench;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.web.templ.handlebars.HandlebarsTemplateEngine;
import nl.leerkring.platform.EmbeddedStore;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;

/**
 * The "fortunes" baseline of {@link PageBenchmark}: the least a page costs on Leerkring's stack. Each request
 * reads 12 documents from the embedded store through the same driver (vertx-mongo-client) and renders them
 * with one Handlebars template through the same engine (vertx-web-templ-handlebars). Runs in a JVM of its own.
 */
public final class FortunesApp extends VerticleBase {

  static final String READY = "FORTUNES READY ";
  private static final String COLLECTION = "fortunes";
  private static final String TEMPLATE = "bench/fortunes.hbs";
  private static final List<String> MESSAGES = List.of(
      "Meten is weten & gissen is missen.",
      "<script>alert(\"Een bericht wordt ontsnapt, niet uitgevoerd.\")</script>",
      "Al doende leert men.",
      "Een goed begin is het halve werk.",
      "Beter een goede buur dan een verre vriend.",
      "Wie niet waagt, die niet wint.",
      "Vele handen maken licht werk.",
      "De aanhouder wint.",
      "Hoge bomen vangen veel wind.",
      "Oost west, thuis best.",
      "Geduld is een schone zaak.",
      "Één zwaluw maakt nog geen zomer.");

  private final JsonObject mongoConfig;
  private final int port;
  private MongoClient mongo;
  private HandlebarsTemplateEngine engine;

  private FortunesApp(JsonObject mongoConfig, int port) {
    this.mongoConfig = mongoConfig;
    this.port = port;
  }

  /** Arguments: the store's data directory and how many event loops serve requests. */
  public static void main(String[] args) throws IOException, InterruptedException {
    EmbeddedStore store = EmbeddedStore.start(Path.of(args[0]), EmbeddedStore.defaultCacheMb());
    Vertx vertx = Vertx.vertx();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      vertx.close().await();
      store.close();
    }));
    JsonObject mongoConfig = new JsonObject().put("connection_string", store.connectionString())
        .put("db_name", "bench");
    MongoClient loader = MongoClient.create(vertx, mongoConfig);
    Future.all(MESSAGES.stream().map(m -> loader.insert(COLLECTION, new JsonObject().put("message", m))).toList())
        .await();
    loader.close().await();
    int port = freePort();
    vertx.deployVerticle(() -> new FortunesApp(mongoConfig, port),
        new DeploymentOptions().setInstances(Integer.parseInt(args[1]))).await();
    System.out.println(READY + port);
    System.out.flush();
    // Serves until the benchmark ends this JVM.
    Thread.currentThread().join();
  }

  /** Instances share one socket only when they listen on the same port; port 0 would give each its own. */
  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public Future<?> start() {
    mongo = MongoClient.createShared(vertx, mongoConfig);
    engine = HandlebarsTemplateEngine.create(vertx);
    return vertx.createHttpServer().requestHandler(this::fortunes).listen(port, "127.0.0.1");
  }

  private void fortunes(HttpServerRequest request) {
    mongo.find(COLLECTION, new JsonObject())
        // A model as the app's pages pass it: a JsonObject's map.
        .compose(found -> engine.render(new JsonObject().put("fortunes", new JsonArray(found)).getMap(), TEMPLATE))
        .onSuccess(html -> request.response().putHeader("Content-Type", "text/html; charset=utf-8").end(html))
        .onFailure(failure -> request.response().setStatusCode(500).end(String.valueOf(failure)));
  }
}
