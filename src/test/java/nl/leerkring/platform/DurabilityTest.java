package nl.leerkring.platform;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.client.WebClientSession;
import io.vertx.junit5.VertxExtension;
import nl.leerkring.question.Priority;
import nl.leerkring.question.Question;
import nl.leerkring.question.QuestionStore;
import nl.leerkring.support.Person;
import nl.leerkring.support.TestRun;
import nl.leerkring.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

@ExtendWith(VertxExtension.class)
@DisplayName("Durability of the embedded store")
class DurabilityTest {

  private static final String COMMUNITY = "demo-warmtepomp";
  private static final int WRITERS = 16;
  private static final int ACKNOWLEDGED_BEFORE_KILL = 300;
  private static final long FILE_LIMIT_BYTES = 16L * 1024 * 1024;

  private final List<Child> children = new ArrayList<>();
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    children.forEach(Child::kill);
    children.clear();
    Collections.reverse(toClose);
    for (AutoCloseable closeable : toClose) {
      try {
        closeable.close();
      } catch (Exception ignored) {
        // the test's own failure says more
      }
    }
    toClose.clear();
  }

  @Test
  @DisplayName("Every write the API acknowledged survives kill -9")
  void acknowledgedWritesSurviveKill(Vertx vertx) throws Exception {
    Path dataDir = TestServer.temporaryDataDir();
    WebClient web = WebClient.create(vertx, new WebClientOptions(), new PoolOptions().setHttp1MaxSize(WRITERS));
    toClose.add(web::close);

    Child first = start(dataDir);
    Client sanne = Client.logIn(web, first.port, "sanne");

    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger numbers = new AtomicInteger();
    AtomicInteger lostInFlight = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch writersDone = new CountDownLatch(WRITERS);
    for (int w = 0; w < WRITERS; w++) {
      vertx.runOnContext(ignored -> writeUntilStopped(sanne, numbers, acknowledged, unexpected, lostInFlight, stop,
          writersDone));
    }

    // Only a limit against waiting forever: each write waits for its fsync, and on a starved machine (load
    // average 30 on 2 cores) 300 took longer than 40 s.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL && unexpected.isEmpty() && first.process.isAlive()) {
      if (System.nanoTime() > deadline) {
        stop.set(true);
        fail("only " + acknowledged.size() + " notes acknowledged in 120 s");
      }
      Thread.sleep(5);
    }
    // Writes are still going when the process dies: each writer has a request under way.
    first.process.destroyForcibly();
    stop.set(true);
    assertTrue(first.process.waitFor(10, TimeUnit.SECONDS), "the killed server did not go away");
    assertTrue(writersDone.await(20, TimeUnit.SECONDS), "requests still hanging after the kill");
    assertEquals(List.of(), unexpected, "answers other than 201 while writing");
    long sizeAfterKill = fileSize(dataDir);
    int sent = numbers.get();
    Set<String> mustSurvive = Set.copyOf(acknowledged);

    Child second = start(dataDir);
    Client again = Client.logIn(web, second.port, "sanne");
    List<String> missing = Collections.synchronizedList(new ArrayList<>());
    Future.all(mustSurvive.stream().map(id -> again.request(HttpMethod.GET, "/api/v1/notes/" + id).send()
        .onSuccess(response -> {
          if (response.statusCode() != 200) {
            missing.add(id + " -> " + response.statusCode() + " " + response.bodyAsString());
          }
        })).toList()).await();
    HttpResponse<Buffer> journalResponse = again.get("/api/v1/me/journal");
    assertEquals(200, journalResponse.statusCode(), journalResponse::bodyAsString);
    Set<String> inJournal = new HashSet<>();
    journalResponse.bodyAsJsonArray().forEach(n -> inJournal.add(((JsonObject) n).getString("id")));
    Set<String> notInJournal = new HashSet<>(mustSurvive);
    notInJournal.removeAll(inJournal);

    // A clean stop (SIGTERM runs the shutdown hook, which compacts the file).
    second.process.destroy();
    assertTrue(second.process.waitFor(30, TimeUnit.SECONDS), "the server did not stop on SIGTERM");
    long sizeAfterCleanStop = fileSize(dataDir);

    // Underneath: no write left half done, and every note that made it into the store is in the journal,
    // including those whose request was cut off by the kill.
    EmbeddedStore store = vertx.executeBlocking(() -> EmbeddedStore.start(dataDir, EmbeddedStore.DEFAULT_CACHE_MB)).await();
    toClose.add(() -> vertx.executeBlocking(() -> {
      store.close();
      return null;
    }).await());
    MongoClient mongo = MongoClient.create(vertx, new JsonObject()
        .put("connection_string", store.connectionString()).put("db_name", "leerkring"));
    toClose.add(() -> mongo.close().await());
    long intentsLeft = mongo.count(Writes.INTENTS, new JsonObject()).await();
    List<JsonObject> storedNotes = mongo.find("notes", new JsonObject().put("authorId", "demo-sanne")
        .put("text", new JsonObject().put("$regex", "^durability "))).await();
    Set<String> journalIds = new HashSet<>(new IdLists(mongo).ids(IdLists.key("demo-sanne", "journal")).await());
    List<String> storedButUnlisted = storedNotes.stream().map(n -> n.getString("_id"))
        .filter(id -> !journalIds.contains(id)).toList();

    System.out.printf("DurabilityTest: %d notes sent, %d acknowledged, %d requests cut off by the kill, "
            + "%d notes in the store after restart; data file %,d bytes after kill -9, %,d bytes after a clean stop%n",
        sent, mustSurvive.size(), lostInFlight.get(), storedNotes.size(), sizeAfterKill, sizeAfterCleanStop);

    assertTrue(lostInFlight.get() > 0, "the kill should have cut off writes under way");
    assertTrue(missing.isEmpty(), () -> missing.size() + " of " + mustSurvive.size()
        + " acknowledged notes did not survive kill -9, e.g. " + missing.subList(0, Math.min(5, missing.size())));
    assertTrue(notInJournal.isEmpty(), () -> notInJournal.size() + " acknowledged notes missing from the journal "
        + "after kill -9, e.g. " + notInJournal.stream().limit(5).toList());
    assertEquals(0, intentsLeft, "interrupted writes left in the intents collection after start-up");
    assertEquals(List.of(), storedButUnlisted, "notes in the store that start-up did not put in the journal");
    assertTrue(sizeAfterKill < FILE_LIMIT_BYTES, "data file after kill -9 is " + sizeAfterKill + " bytes");
    assertTrue(sizeAfterCleanStop < FILE_LIMIT_BYTES, "data file after a clean stop is " + sizeAfterCleanStop + " bytes");
  }

  @Test
  @DisplayName("Login sessions survive a restart")
  void loginSurvivesRestart(Vertx vertx) {
    TestServer server = TestServer.withDemo(vertx);
    toClose.add(server);
    Person sanne = server.demo("sanne");
    sanne.get("/me").ok();

    server.restart(false);

    Person sameBrowser = server.anonymous().adopt(sanne.me());
    sameBrowser.copyLoginFrom(sanne);
    assertEquals(sanne.id(), sameBrowser.get("/me").ok().getString("id"));
    sameBrowser.post("/communities/" + COMMUNITY + "/notes", new JsonObject().put("kind", "observation")
        .put("text", "Na de herstart, met dezelfde cookie en CSRF-token")).expect(201);
    assertEquals(401, server.anonymous().get("/me").status(), "without the cookie nobody is logged in");
  }

  @Test
  @DisplayName("An interrupted multi-document write is finished at start-up")
  void interruptedWriteFinishedAtStart(Vertx vertx) {
    TestServer server = TestServer.withDemo(vertx);
    toClose.add(server);
    Path dataDir = server.dataDir();
    server.close();

    String questionId = Ids.newId();
    String now = Times.now(Clock.systemUTC());
    List<Step> steps = QuestionStore.written(Question.raised(questionId, COMMUNITY,
        "Hoe lang mag een warmtepomp ontdooien?", "techniek", Priority.MEDIUM, false, "demo-sanne", "Sanne Visser", 1,
        Instant.parse(now)));
    JsonArray encoded = new JsonArray();
    steps.forEach(step -> encoded.add(step.toJson()));
    JsonObject intent = new JsonObject().put("_id", Ids.newId()).put("at", now).put("steps", encoded);

    // The crash came after the intent and the question were written, before the list pointed to it.
    withStore(vertx, dataDir, mongo -> mongo.insert(Writes.INTENTS, intent)
        .compose(x -> apply(mongo, steps.get(0))));

    TestServer restarted = TestServer.start(vertx, dataDir, true);
    toClose.add(restarted);
    Person sanne = restarted.demo("sanne");
    JsonArray questions = sanne.get("/communities/" + COMMUNITY + "/questions").expect(200).array();
    assertTrue(questions.stream().anyMatch(q -> questionId.equals(((JsonObject) q).getString("id"))),
        "the question of the interrupted write is not listed: " + questions.encode());
    assertEquals("Hoe lang mag een warmtepomp ontdooien?",
        sanne.get("/questions/" + questionId).ok().getString("text"));
    restarted.close();

    long[] left = new long[2];
    withStore(vertx, dataDir, mongo -> mongo.count(Writes.INTENTS, new JsonObject())
        .compose(intents -> mongo.count("questions", new JsonObject().put("_id", questionId)).map(copies -> {
          left[0] = intents;
          left[1] = copies;
          return null;
        })));
    assertEquals(0, left[0], "the intent is still there after start-up");
    assertEquals(1, left[1], "the replay wrote the question more than once");
  }

  // ---------------------------------------------------------------------------------------------------------

  private static void writeUntilStopped(Client client, AtomicInteger numbers, Set<String> acknowledged,
                                        List<String> unexpected, AtomicInteger lostInFlight, AtomicBoolean stop,
                                        CountDownLatch done) {
    if (stop.get()) {
      done.countDown();
      return;
    }
    int n = numbers.incrementAndGet();
    client.request(HttpMethod.POST, "/api/v1/communities/" + COMMUNITY + "/notes")
        .sendJsonObject(new JsonObject().put("kind", "observation").put("text", "durability note " + n))
        .onComplete(answer -> {
          if (answer.succeeded()) {
            HttpResponse<Buffer> response = answer.result();
            if (response.statusCode() == 201) {
              acknowledged.add(response.bodyAsJsonObject().getString("id"));
            } else {
              unexpected.add("note " + n + ": " + response.statusCode() + " " + response.bodyAsString());
            }
          } else {
            lostInFlight.incrementAndGet();
          }
          writeUntilStopped(client, numbers, acknowledged, unexpected, lostInFlight, stop, done);
        });
  }

  private static Future<Void> apply(MongoClient mongo, Step step) {
    return mongo.updateCollectionWithOptions(step.collection(), step.filter(), step.update(),
        new io.vertx.ext.mongo.UpdateOptions().setUpsert(step.upsert())).mapEmpty();
  }

  /** Opens the store of a stopped server, as a crashed process left it, and closes it again. */
  private static void withStore(Vertx vertx, Path dataDir, java.util.function.Function<MongoClient, Future<?>> work) {
    EmbeddedStore store = vertx.executeBlocking(() -> EmbeddedStore.start(dataDir, EmbeddedStore.DEFAULT_CACHE_MB)).await();
    try {
      MongoClient mongo = MongoClient.create(vertx, new JsonObject()
          .put("connection_string", store.connectionString()).put("db_name", "leerkring"));
      try {
        work.apply(mongo).await();
      } finally {
        mongo.close().await();
      }
    } finally {
      vertx.executeBlocking(() -> {
        store.close();
        return null;
      }).await();
    }
  }

  private static long fileSize(Path dataDir) throws IOException {
    return Files.size(dataDir.resolve("leerkring.mv.db"));
  }

  private Child start(Path dataDir) {
    Child child = Child.start(dataDir);
    children.add(child);
    return child;
  }

  /** A Leerkring server in a JVM of its own, so that it can be killed the hard way. */
  private static final class Child {

    private static final Pattern LISTENING = Pattern.compile("Leerkring listening on http://[^:]+:(\\d+)");

    final Process process;
    final int port;

    private Child(Process process, int port) {
      this.process = process;
      this.port = port;
    }

    static Child start(Path dataDir) {
      ProcessBuilder builder = new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx512m",
          // Vert.x unpacks the contract's schemas into a cache directory that a killed server cannot delete:
          // put it where the test run deletes it.
          "-Dvertx.cacheDirBase=" + TestRun.temporaryDirectory("leerkring-test-child").resolve("vertx-cache"),
          "-cp", System.getProperty("java.class.path"),
          "nl.leerkring.Main")
          .directory(Path.of(System.getProperty("user.dir")).toFile())
          .redirectErrorStream(true);
      Map<String, String> env = builder.environment();
      env.keySet().removeIf(key -> key.startsWith("LEERKRING_"));
      env.put("LEERKRING_HTTP_PORT", "0");
      env.put("LEERKRING_HTTP_HOST", "127.0.0.1");
      env.put("LEERKRING_DATA_DIR", dataDir.toString());
      env.put("LEERKRING_DEMO", "true");
      env.put("LEERKRING_PASSWORD_ITERATIONS", String.valueOf(TestServer.TEST_PASSWORD_ITERATIONS));
      Process process;
      try {
        process = builder.start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      List<String> output = Collections.synchronizedList(new ArrayList<>());
      CompletableFuture<Integer> port = new CompletableFuture<>();
      Thread reader = new Thread(() -> {
        try (BufferedReader lines = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          String line;
          while ((line = lines.readLine()) != null) {
            output.add(line);
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
              port.complete(Integer.parseInt(m.group(1)));
            }
          }
        } catch (IOException ignored) {
          // the process went away
        }
        port.completeExceptionally(new IllegalStateException("the server exited before listening"));
      }, "leerkring-child-output");
      reader.setDaemon(true);
      reader.start();
      try {
        return new Child(process, port.get(120, TimeUnit.SECONDS));
      } catch (Exception e) {
        process.destroyForcibly();
        throw new AssertionError("the server did not start: " + e + "\n" + String.join("\n", output), e);
      }
    }

    void kill() {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** A browser of someone logged in to a child server: keeps the cookie, sends the CSRF token. */
  private record Client(WebClientSession session, int port, String csrfToken) {

    static Client logIn(WebClient web, int port, String login) {
      WebClientSession session = WebClientSession.create(web);
      HttpResponse<Buffer> response = session.request(HttpMethod.POST, port, "127.0.0.1", "/api/v1/auth/login")
          .sendJsonObject(new JsonObject().put("login", login).put("password", "welkom2026")).await();
      assertEquals(200, response.statusCode(), response::bodyAsString);
      return new Client(session, port, response.bodyAsJsonObject().getString("csrfToken"));
    }

    HttpRequest<Buffer> request(HttpMethod method, String uri) {
      HttpRequest<Buffer> request = session.request(method, port, "127.0.0.1", uri);
      if (method != HttpMethod.GET) {
        request.putHeader("X-CSRF-Token", csrfToken);
      }
      return request;
    }

    HttpResponse<Buffer> get(String uri) {
      return request(HttpMethod.GET, uri).send().await();
    }
  }
}
