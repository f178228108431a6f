package nl.leerkring.support;

import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import nl.leerkring.Main;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Several server processes on one database, as an operator scales out: the embedded store's engine served on
 * its own in a JVM (with change streams, like a replica set), and each server ({@link Main}, started with
 * {@code --demo}) in a JVM of its own with its own directory, configured through environment variables only.
 */
public final class Cluster implements AutoCloseable {

  private static final Pattern LISTENING = Pattern.compile("Leerkring listening on http://[^:]+:(\\d+)");
  private static final Duration START_WITHIN = Duration.ofSeconds(120);

  private final Path directory;
  private final StoreChild store;
  private final Map<String, String> common;
  private final List<Server> servers;
  private final WebClient client;

  /** One of the server processes, at its own port, with the settings it was started with. */
  public record Server(JavaProcess process, int port, WebClient client, Map<String, String> settings) {

    public Person anonymous() {
      return new Person(client, port);
    }

    public Person demo(String login) {
      Person person = anonymous();
      person.logIn(login, "welkom2026");
      return person;
    }
  }

  private Cluster(Path directory, StoreChild store, Map<String, String> common, List<Server> servers,
                  WebClient client) {
    this.directory = directory;
    this.store = store;
    this.common = common;
    this.servers = servers;
    this.client = client;
  }

  /** The store and {@code count} servers, all started together on an empty database, under {@code directory}. */
  public static Cluster start(Vertx vertx, Path directory, int count) {
    return start(vertx, directory, count, Map.of());
  }

  /** As {@link #start(Vertx, Path, int)}, every server with these settings (environment variables) too. */
  public static Cluster start(Vertx vertx, Path directory, int count, Map<String, String> settings) {
    WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1"));
    StoreChild store = StoreChild.start(directory.resolve("store"), true);
    List<CompletableFuture<Server>> starting = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Path home = directory.resolve("server-" + i);
      starting.add(CompletableFuture.supplyAsync(() -> startServer(home, store.connectionString, client, settings)));
    }
    List<Server> servers = new ArrayList<>();
    try {
      for (CompletableFuture<Server> server : starting) {
        servers.add(server.join());
      }
    } catch (RuntimeException e) {
      starting.forEach(s -> s.thenAccept(server -> server.process().kill()));
      store.kill();
      throw e;
    }
    return new Cluster(directory, store, settings, new CopyOnWriteArrayList<>(servers), client);
  }

  /**
   * One more server process on the same database, as an operator adds one: the cluster's settings with
   * {@code settings} over them.
   */
  public Server add(Map<String, String> settings) {
    Map<String, String> merged = new HashMap<>(common);
    merged.putAll(settings);
    Server server = startServer(directory.resolve("server-" + servers.size()), store.connectionString, client, merged);
    servers.add(server);
    return server;
  }

  /**
   * Server {@code index} killed the hard way (kill -9; nothing when it is dead already) and started again in
   * its own directory with its own settings, as a supervisor restarts a process that died.
   */
  public Server restart(int index) {
    Server before = servers.get(index);
    before.process().kill();
    Server again = startServer(directory.resolve("server-" + index), store.connectionString, client, before.settings());
    servers.set(index, again);
    return again;
  }

  private static Server startServer(Path home, String mongoUri, WebClient client, Map<String, String> settings) {
    Path temporary = home.resolve("tmp");
    try {
      Files.createDirectories(temporary);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Started in its own directory, so that no settings file of the developer's working copy is read; its
    // temporary files (Vert.x's file cache) go there too, since kill -9 leaves them behind.
    Map<String, String> environment = new HashMap<>(settings);
    environment.putAll(Map.of(
        "LEERKRING_MONGO_URI", mongoUri,
        "LEERKRING_HTTP_HOST", "127.0.0.1",
        "LEERKRING_HTTP_PORT", "0",
        "LEERKRING_DATA_DIR", home.resolve("data").toString(),
        "LEERKRING_PASSWORD_ITERATIONS", String.valueOf(TestServer.TEST_PASSWORD_ITERATIONS),
        "LEERKRING_HTTP_INSTANCES", "1"));
    // A short-lived server: the first JIT tier and the serial collector cost the test run the least CPU.
    JavaProcess process = JavaProcess.start(Main.class, List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Djava.io.tmpdir=" + temporary),
        List.of("--demo"), environment, home, line -> { });
    try {
      Matcher port = LISTENING.matcher(process.awaitLine("Leerkring listening on", START_WITHIN));
      if (!port.find()) {
        throw new IllegalStateException("No port in the server's output: " + process.output());
      }
      return new Server(process, Integer.parseInt(port.group(1)), client, settings);
    } catch (InterruptedException e) {
      process.kill();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while a server started", e);
    }
  }

  public Server server(int index) {
    return servers.get(index);
  }

  public List<Server> servers() {
    return List.copyOf(servers);
  }

  public StoreChild store() {
    return store;
  }

  /** Every line any server wrote that contains {@code text}. */
  public List<String> serverLines(String text) {
    return servers().stream().flatMap(s -> s.process().output().stream()).filter(line -> line.contains(text)).toList();
  }

  /** kill -9 for all: their directories are deleted right after, nothing there needs to be kept. */
  @Override
  public void close() {
    servers().forEach(server -> server.process().kill());
    store.kill();
    client.close();
  }
}
