package nl.leerkring;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import nl.leerkring.platform.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code warm-up}: serves a throw-away copy of the demo on a loopback port, opens the pages people open first,
 * and stops. Run under {@code -XX:ArchiveClassesAtExit=FILE}, the JVM then writes the classes a start and those
 * pages need to an archive, which later starts map instead of loading each class from the jar (issue 14: the
 * first page within 3 s of the start; README, "First page after the start").
 */
@Command(name = "warm-up", mixinStandardHelpOptions = true,
    description = "Starts the server once on a temporary copy of the demo, opens its first pages and stops. "
        + "Run it as: java -XX:ArchiveClassesAtExit=leerkring.jsa -jar leerkring.jar warm-up")
public final class WarmUpCommand implements Callable<Integer> {

  /** The pages a person opens first: the login page, then as Sanne her start page, community and questions. */
  static final List<String> PAGES = List.of("/", "/c/demo-warmtepomp", "/c/demo-warmtepomp/questions",
      "/c/demo-warmtepomp/notes/new");

  private static final String SANNE = new JsonObject().put("login", "sanne").put("password", "welkom2026").encode();

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path dataDir = Files.createTempDirectory("leerkring-warm-up");
    Vertx vertx = Vertx.vertx();
    try {
      MainVerticle server = new MainVerticle();
      // The embedded store and no mail, whatever the settings file says: nothing of this run may reach people.
      // The demo's passwords with the fewest iterations allowed: the hashes go with the temporary store, and the
      // same classes hash them.
      JsonObject config = new JsonObject().put("demo", true).put("dataDir", dataDir.toString())
          .put("httpHost", "127.0.0.1").put("httpPort", 0).put("mongoUri", "").put("smtpHost", "")
          .put("passwordIterations", Settings.MIN_PASSWORD_ITERATIONS);
      vertx.deployVerticle(server, new DeploymentOptions().setConfig(config)).await();
      HttpClient http = vertx.createHttpClient();
      int port = server.port();
      get(http, new RequestOptions().setPort(port).setURI("/login"));
      Answer login = get(http, new RequestOptions().setMethod(HttpMethod.POST).setPort(port)
          .setURI("/api/v1/auth/login").putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
          .putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(SANNE.length())), SANNE);
      String cookie = login.cookies().get(0).split(";", 2)[0];
      for (String page : PAGES) {
        get(http, new RequestOptions().setPort(port).setURI(page).putHeader(HttpHeaders.COOKIE, cookie));
      }
      out.println("Served the login page and " + PAGES.size() + " pages of the demo; stopping.");
      out.flush();
      return 0;
    } finally {
      vertx.close().await();
      deleteAll(dataDir);
    }
  }

  private record Answer(List<String> cookies, Buffer body) {
  }

  private static Answer get(HttpClient http, RequestOptions options) {
    return get(http, options, "");
  }

  /** The answer, which must be 200; its body read as it arrives (a body asked for later never comes). */
  private static Answer get(HttpClient http, RequestOptions options, String body) {
    options.setHost("127.0.0.1");
    return http.request(options)
        .compose(request -> request.send(body))
        .compose(response -> response.body().map(read -> {
          if (response.statusCode() != 200) {
            throw new IllegalStateException(options.getURI() + " answered " + response.statusCode() + ": " + read);
          }
          return new Answer(response.cookies(), read);
        }))
        .await();
  }

  private static void deleteAll(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.delete(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
