package nl.leerkring.bench;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import nl.leerkring.Main;
import nl.leerkring.bench.LoadDriver.Result;
import nl.leerkring.bench.LoadDriver.Target;
import nl.leerkring.demo.DemoData;
import nl.leerkring.support.JavaProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Leerkring's pages against the stack's own limit (issue 14). The "fortunes" baseline ({@link FortunesApp}) and
 * Leerkring as the release runs it ({@link Main} with the demo, the heap of config/leerkring.service) each run
 * in a JVM of their own on a free port and are loaded in turn: in every repeat, for every concurrency, each
 * target after its own warm-up, so that baseline and server meet the same conditions. Prints the medians over
 * the repeats: req/s, p50, p99 and the ratio of req/s to fortunes at the same concurrency.
 *
 * <p>Leerkring is asked as the demo participant Sanne. Notes are written by Anouk into the other company's
 * community, so that the pages measured (Sanne's community, home and journal) do not grow during the run.
 *
 * <p>Not a test: {@code mvn -q -Pbench test-compile exec:java -Dbench.main=nl.leerkring.bench.PageBenchmark}.
 * System properties (all optional):
 * <ul>
 *   <li>{@code bench.quick} (false): a smoke run, with the defaults 1 repeat, 2 s per cell, 1 s warm-up;</li>
 *   <li>{@code bench.jitWarmup} (30; 0 when quick): seconds each target is loaded once before the repeats;</li>
 *   <li>{@code bench.seconds} (10) measured per cell, after {@code bench.warmup} (3) seconds of warm-up;</li>
 *   <li>{@code bench.repeats} (3); {@code bench.concurrency} (16,64,200): connections at once;</li>
 *   <li>{@code bench.driver}: {@code wrk} or {@code vertx} (default: wrk when installed);
 *       {@code bench.wrkThreads} (2);</li>
 *   <li>{@code bench.fortunesLoops} (the number of cores): event loops serving the baseline;</li>
 *   <li>{@code bench.targets} (all): the targets to measure besides fortunes, by a part of their names,
 *       comma-separated ({@code JSON} for the two JSON reads);</li>
 *   <li>{@code bench.before} (none): the release jar of an earlier build, started beside this one as the
 *       release is and measured on the same targets, each right before this build's, as "before: ...".</li>
 * </ul>
 */
public final class PageBenchmark {

  /**
   * The JVM options config/leerkring.service starts the release with (which also sets MALLOC_ARENA_MAX=2), but
   * for its class archive, which the benchmark's class path cannot use.
   */
  private static final List<String> RELEASE_JVM = releaseOptions();
  private static final Pattern LISTENING = Pattern.compile("Leerkring listening on http://[^:]+:(\\d+)");
  private static final Duration START_WITHIN = Duration.ofSeconds(120);
  private static final String FORTUNES = "fortunes";
  private static final String COMMUNITY_PAGE = "community page /c/" + DemoData.COMMUNITY;
  private static final String HOME = "home /";
  private static final String QUESTIONS = "question list JSON";
  private static final String BEFORE = "before: ";
  private static final String NOTE = new JsonObject().put("kind", "observation")
      .put("text", "Tillift op stand 3: de rug blijft recht bij het overzetten.").encode();

  private PageBenchmark() {
  }

  private record Config(int jitWarmup, int seconds, int warmup, int repeats, List<Integer> concurrencies,
                        int wrkThreads, int fortunesLoops, List<String> targets, String before) {

    static Config fromSystemProperties() {
      boolean quick = Boolean.getBoolean("bench.quick");
      return new Config(
          Integer.getInteger("bench.jitWarmup", quick ? 0 : 30),
          Integer.getInteger("bench.seconds", quick ? 2 : 10),
          Integer.getInteger("bench.warmup", quick ? 1 : 3),
          Integer.getInteger("bench.repeats", quick ? 1 : 3),
          Stream.of(System.getProperty("bench.concurrency", "16,64,200").split(",")).map(String::trim)
              .map(Integer::valueOf).toList(),
          Integer.getInteger("bench.wrkThreads", 2),
          Integer.getInteger("bench.fortunesLoops", Runtime.getRuntime().availableProcessors()),
          Stream.of(System.getProperty("bench.targets", "").split(",")).map(String::trim).filter(t -> !t.isEmpty())
              .toList(),
          System.getProperty("bench.before"));
    }

    boolean measures(String target) {
      return targets.isEmpty() || targets.stream().anyMatch(target::contains);
    }
  }

  /** A server in a JVM of its own, and where it answers. */
  private record Child(JavaProcess process, String url) implements AutoCloseable {

    @Override
    public void close() throws InterruptedException {
      process.close();
    }
  }

  /** A demo person's login: the cookie to read with, and the CSRF token a change needs besides. */
  private record Login(String cookie, String csrfToken) {

    Map<String, String> reading() {
      return Map.of("Cookie", cookie);
    }

    Map<String, String> writing() {
      return Map.of("Cookie", cookie, "X-CSRF-Token", csrfToken);
    }
  }

  public static void main(String[] args) throws Exception {
    Config config = Config.fromSystemProperties();
    Path home = Files.createTempDirectory("leerkring-pagebench");
    String loadAtStart = loadAverage();
    Vertx vertx = Vertx.vertx();
    try {
      LoadDriver driver = driver(config, vertx);
      try (Child fortunes = fortunes(home.resolve("fortunes"), config.fortunesLoops());
           Child leerkring = leerkring(home.resolve("leerkring"), null);
           Child before = config.before() == null ? null : leerkring(home.resolve("before"), config.before())) {
        List<Target> targets = targets(vertx, config, fortunes.url(), leerkring.url(),
            before == null ? null : before.url());
        Map<String, Map<Integer, Result>> medians = measure(driver, targets, config);
        System.out.print(report(config, driver, medians, loadAtStart));
      }
    } finally {
      vertx.close().await();
      deleteTree(home);
    }
  }

  /** As the other benchmarks do: under exec:java the test run's clean-up at the JVM's end (TestRun) left it behind. */
  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  private static Child fortunes(Path home, int loops) throws InterruptedException {
    JavaProcess process = JavaProcess.start(FortunesApp.class, jvm(home),
        List.of(home.resolve("data").toString(), String.valueOf(loops)), Map.of(), home, line -> { });
    String ready = process.awaitLine(FortunesApp.READY, START_WITHIN);
    return new Child(process, "http://127.0.0.1:" + ready.substring(FortunesApp.READY.length()).trim());
  }

  /**
   * Started as the release is, from a directory of its own, so no settings file of the working copy is read;
   * from {@code jar} when given, else from this build's classes; it logs as the release does, a line per request.
   */
  private static Child leerkring(Path home, String jar) throws InterruptedException {
    List<String> jvm = jvm(home);
    Map<String, String> env = Map.of(
        "LEERKRING_HTTP_HOST", "127.0.0.1",
        "LEERKRING_HTTP_PORT", "0",
        "LEERKRING_DATA_DIR", home.resolve("data").toString());
    List<String> args = List.of("--demo");
    Predicate<String> keep = line -> !line.contains("nl.leerkring.access - ");
    JavaProcess process = jar == null ? JavaProcess.start(Main.class, jvm, args, env, home, line -> { }, keep)
        : JavaProcess.start(Path.of(jar).toAbsolutePath().toString(), Main.class.getName(), jvm, args, env, home,
            line -> { }, keep);
    Matcher port = LISTENING.matcher(process.awaitLine("Leerkring listening on", START_WITHIN));
    if (!port.find()) {
      process.kill();
      throw new IllegalStateException("No port in the server's output: " + process.output());
    }
    return new Child(process, "http://127.0.0.1:" + port.group(1));
  }

  /** The release's heap for both; their temporary files (Vert.x's file cache) stay in the run's directory. */
  private static List<String> releaseOptions() {
    try (Stream<String> lines = Files.lines(Path.of("config", "leerkring.service"))) {
      String start = lines.filter(line -> line.startsWith("ExecStart=")).findFirst()
          .orElseThrow(() -> new IllegalStateException("config/leerkring.service has no ExecStart line"));
      return Stream.of(start.substring(start.indexOf(' ') + 1, start.indexOf(" -jar ")).split(" "))
          .filter(option -> !option.startsWith("-XX:SharedArchiveFile=")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> jvm(Path home) {
    Path temporary = home.resolve("tmp");
    try {
      Files.createDirectories(temporary);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> options = new ArrayList<>(RELEASE_JVM);
    options.add("-Djava.io.tmpdir=" + temporary);
    return options;
  }

  /**
   * Every target, each asked once first: a login that failed would otherwise measure a fast 401 or redirect. An
   * earlier build's target ({@code before}, may be null) comes right before this build's.
   */
  private static List<Target> targets(Vertx vertx, Config config, String fortunes, String leerkring, String before) {
    WebClient client = WebClient.create(vertx);
    try {
      List<Target> now = leerkringTargets(client, leerkring, "");
      List<Target> earlier = before == null ? null : leerkringTargets(client, before, BEFORE);
      List<Target> targets = new ArrayList<>(List.of(Target.get(FORTUNES, fortunes + "/", Map.of())));
      for (int i = 0; i < now.size(); i++) {
        if (config.measures(now.get(i).name())) {
          if (earlier != null) {
            targets.add(earlier.get(i));
          }
          targets.add(now.get(i));
        }
      }
      for (Target target : targets) {
        HttpResponse<Buffer> answer = ClientDriver.send(client, target).await();
        if (answer.statusCode() != target.expectedStatus()) {
          throw new IllegalStateException(target.name() + " answered " + answer.statusCode() + " instead of "
              + target.expectedStatus() + ": " + answer.bodyAsString());
        }
      }
      return targets;
    } finally {
      client.close();
    }
  }

  private static List<Target> leerkringTargets(WebClient client, String leerkring, String prefix) {
    Login sanne = login(client, leerkring, "sanne");
    Login anouk = login(client, leerkring, "anouk");
    String communities = leerkring + "/api/v1/communities/";
    return List.of(
        Target.get(prefix + COMMUNITY_PAGE, leerkring + "/c/" + DemoData.COMMUNITY, sanne.reading()),
        Target.get(prefix + HOME, leerkring + "/", sanne.reading()),
        Target.get(prefix + QUESTIONS, communities + DemoData.COMMUNITY + "/questions", sanne.reading()),
        Target.get(prefix + "activity JSON", communities + DemoData.COMMUNITY + "/activity?limit=20",
            sanne.reading()),
        Target.get(prefix + "journal /journal", leerkring + "/journal", sanne.reading()),
        Target.get(prefix + "search JSON", communities + DemoData.COMMUNITY + "/search?q=buffervat", sanne.reading()),
        Target.post(prefix + "note write (API)", communities + DemoData.CARE_COMMUNITY + "/notes", anouk.writing(),
            NOTE));
  }

  private static Login login(WebClient client, String leerkring, String login) {
    HttpResponse<Buffer> answer = client.postAbs(leerkring + "/api/v1/auth/login")
        .sendJsonObject(new JsonObject().put("login", login).put("password", DemoData.PASSWORD)).await();
    if (answer.statusCode() != 200) {
      throw new IllegalStateException("Login of " + login + " failed: " + answer.statusCode() + " "
          + answer.bodyAsString());
    }
    String cookie = answer.cookies().stream().filter(c -> c.startsWith("lk_session="))
        .map(c -> c.split(";", 2)[0]).findFirst()
        .orElseThrow(() -> new IllegalStateException("No login cookie in " + answer.cookies()));
    return new Login(cookie, answer.bodyAsJsonObject().getString("csrfToken"));
  }

  private static LoadDriver driver(Config config, Vertx vertx) {
    String chosen = System.getProperty("bench.driver", WrkDriver.installed() ? "wrk" : "vertx");
    if (chosen.equals("wrk") && !WrkDriver.installed()) {
      throw new IllegalStateException("wrk is not installed: apt-get install -y wrk, or -Dbench.driver=vertx");
    }
    if (chosen.equals("vertx") && System.getProperty("bench.driver") == null) {
      System.out.println("wrk is not installed (apt-get install -y wrk): the load comes from Vert.x's WebClient");
    }
    return chosen.equals("wrk") ? new WrkDriver(config.wrkThreads()) : new ClientDriver(vertx);
  }

  /** Repeat by repeat, so that a disturbance of the shared machine hits baseline and server alike. */
  private static Map<String, Map<Integer, Result>> measure(LoadDriver driver, List<Target> targets, Config config) {
    Map<String, Map<Integer, List<Result>>> results = new LinkedHashMap<>();
    // The steady state is what the ratios are about: the JIT compiles Leerkring's far larger code for minutes
    // (on 2026-12-02 its C2 thread took a core for over a minute of community pages), fortunes' in seconds.
    for (Target target : config.jitWarmup() > 0 ? targets : List.<Target>of()) {
      driver.run(target, config.concurrencies().get(0), Duration.ofSeconds(config.jitWarmup()));
    }
    for (int repeat = 1; repeat <= config.repeats(); repeat++) {
      for (int concurrency : config.concurrencies()) {
        for (Target target : targets) {
          if (config.warmup() > 0) {
            driver.run(target, concurrency, Duration.ofSeconds(config.warmup()));
          }
          Result result = driver.run(target, concurrency, Duration.ofSeconds(config.seconds()));
          results.computeIfAbsent(target.name(), name -> new TreeMap<>())
              .computeIfAbsent(concurrency, c -> new ArrayList<>()).add(result);
          System.out.printf(Locale.ROOT, "repeat %d  c=%-3d  %-32s %9.0f req/s  p50 %8.2f ms  p99 %8.2f ms  "
                  + "errors %d%n", repeat, concurrency, target.name(), result.requestsPerSecond(),
              result.p50Millis(), result.p99Millis(), result.errors());
        }
      }
    }
    Map<String, Map<Integer, Result>> medians = new LinkedHashMap<>();
    results.forEach((name, byConcurrency) -> byConcurrency.forEach((concurrency, repeats) ->
        medians.computeIfAbsent(name, n -> new TreeMap<>()).put(concurrency, median(repeats))));
    return medians;
  }

  /** The median of each figure on its own; errors are added up. */
  private static Result median(List<Result> repeats) {
    return new Result(median(repeats, Result::requestsPerSecond), median(repeats, Result::p50Millis),
        median(repeats, Result::p99Millis), repeats.stream().mapToLong(Result::errors).sum());
  }

  private static double median(List<Result> repeats, ToDoubleFunction<Result> figure) {
    double[] sorted = repeats.stream().mapToDouble(figure).sorted().toArray();
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  private static String report(Config config, LoadDriver driver, Map<String, Map<Integer, Result>> medians,
                               String loadAtStart) {
    StringBuilder out = new StringBuilder("\nPAGE BENCHMARK\n");
    out.append(String.format(Locale.ROOT, "Machine: %d cores (%s), %s %s, Java %s; load average %s at the start, "
            + "%s at the end%n", Runtime.getRuntime().availableProcessors(), cpu(), System.getProperty("os.name"),
        System.getProperty("os.version"), System.getProperty("java.version"), loadAtStart, loadAverage()));
    out.append(String.format(Locale.ROOT, "Load: %s; %d s per target first; %d repeat(s), medians; %d s per cell "
            + "after %d s warm-up. Fortunes on %d event loop(s); Leerkring: nl.leerkring.Main --demo, %s%n%n",
        driver.describe(), config.jitWarmup(), config.repeats(), config.seconds(), config.warmup(), config.fortunesLoops(), String.join(" ", RELEASE_JVM)));
    out.append("| target | c | req/s | p50 | p99 | ratio to fortunes | errors |\n");
    out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    medians.forEach((name, byConcurrency) -> byConcurrency.forEach((concurrency, result) ->
        out.append(String.format(Locale.ROOT, "| %s | %d | %,.0f | %s | %s | %.2f | %d |%n", name, concurrency,
            result.requestsPerSecond(), millis(result, result.p50Millis()), millis(result, result.p99Millis()),
            result.requestsPerSecond() / medians.get(FORTUNES).get(concurrency).requestsPerSecond(),
            result.errors()))));
    out.append("\nIssue 14's aims:\n");
    ratioAim(out, medians, COMMUNITY_PAGE, 0.35);
    ratioAim(out, medians, HOME, 0.4);
    ratioAim(out, medians, QUESTIONS, 0.6);
    Result community = medians.getOrDefault(COMMUNITY_PAGE, Map.of()).get(64);
    out.append(community == null ? "community page p99 at c=64: not measured\n"
        : String.format(Locale.ROOT, "community page p99 at c=64: %.1f ms, aim at most 50 ms: %s%n",
            community.p99Millis(), community.p99Millis() <= 50 ? "met" : "NOT met"));
    return out.toString();
  }

  /** A cell in which no answer came has no latency to show (wrk reports 0). */
  private static String millis(Result result, double millis) {
    return result.requestsPerSecond() == 0 ? "none answered" : String.format(Locale.ROOT, "%.2f ms", millis);
  }

  private static void ratioAim(StringBuilder out, Map<String, Map<Integer, Result>> medians, String target,
                               double aim) {
    Result result = medians.getOrDefault(target, Map.of()).get(16);
    if (result == null) {
      out.append(target).append(" at c=16: not measured\n");
      return;
    }
    double ratio = result.requestsPerSecond() / medians.get(FORTUNES).get(16).requestsPerSecond();
    out.append(String.format(Locale.ROOT, "%s: %.2f of fortunes at c=16, aim at least %.2f: %s%n", target, ratio,
        aim, ratio >= aim ? "met" : "NOT met"));
  }

  private static String cpu() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      return lines.filter(line -> line.startsWith("model name")).map(line -> line.substring(line.indexOf(':') + 1).trim())
          .findFirst().orElse("CPU unknown");
    } catch (IOException | UncheckedIOException e) {
      return "CPU unknown";
    }
  }

  private static String loadAverage() {
    return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
