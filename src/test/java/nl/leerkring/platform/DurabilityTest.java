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
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
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
import java.util.TreeMap;
import java.util.TreeSet;
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
// Runs beside the other test classes (it mostly waits on its processes); its own scenarios one by one.
@Execution(ExecutionMode.CONCURRENT)
class DurabilityTest {

  private static final String COMMUNITY = "demo-warmtepomp";
  private static final String LINKED_QUESTION = "demo-q-temp";
  private static final int NOTE_WRITERS = 8;
  private static final int EDITORS = 8;
  private static final int ROUNDS = 3;
  /** Writes (notes and edits) acknowledged in a round before the kill. */
  private static final int ACKNOWLEDGED_PER_ROUND = 30;
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
  @Execution(ExecutionMode.SAME_THREAD)
  @DisplayName("A crash test on one process (kill -9 under write load, repeated) finds every acknowledged write once, "
      + "with no duplicated history entries")
  void acknowledgedWritesSurviveRepeatedKills(Vertx vertx) throws Exception {
    Path dataDir = TestServer.temporaryDataDir();
    WebClient web = WebClient.create(vertx, new WebClientOptions(),
        new PoolOptions().setHttp1MaxSize(NOTE_WRITERS + EDITORS));
    toClose.add(web::close);

    Child child = start(dataDir);
    Client sanne = Client.logIn(web, child.port, "sanne");
    Load load = new Load(sanne);
    long sizeAfterKill = 0;
    for (int round = 1; round <= ROUNDS; round++) {
      int cutOff = load.writeUntilKilled(vertx, sanne, child);
      sizeAfterKill = fileSize(dataDir);
      assertEquals(List.of(), load.unexpected, "answers other than 201 or 200 while writing");
      assertTrue(cutOff > 0, "the kill should have cut off writes under way");

      child = start(dataDir);
      sanne = Client.logIn(web, child.port, "sanne");
      load.checkAfterRestart(sanne);
      System.out.printf("DurabilityTest round %d: %d notes and %d edits acknowledged so far; %d requests cut off by "
              + "kill -9; at start-up: %s%n", round, load.acknowledged.size(), load.editsAcknowledged(), cutOff,
          new ArrayList<>(child.output).stream().filter(line -> line.contains("interrupted write")).findFirst()
              .orElse("no interrupted write"));
    }

    // A clean stop (SIGTERM runs the shutdown hook, which compacts the file).
    child.process.destroy();
    assertTrue(child.process.waitFor(30, TimeUnit.SECONDS), "the server did not stop on SIGTERM");
    long sizeAfterCleanStop = fileSize(dataDir);

    // Underneath: no write left half done, and every note that made it into the store is in the journal,
    // including those whose request was cut off by a kill.
    EmbeddedStore store = vertx.executeBlocking(() -> EmbeddedStore.start(dataDir, EmbeddedStore.defaultCacheMb())).await();
    toClose.add(() -> vertx.executeBlocking(() -> {
      store.close();
      return null;
    }).await());
    MongoClient mongo = MongoClient.create(vertx, new JsonObject()
        .put("connection_string", store.connectionString()).put("db_name", "leerkring"));
    toClose.add(() -> mongo.close().await());
    long intentsLeft = mongo.count(Writes.INTENTS, new JsonObject()).await();
    List<JsonObject> storedNotes = mongo.find("notes", new JsonObject().put("authorId", "demo-sanne")
        .put("text", new JsonObject().put("$regex", "^" + Load.NOTE_TEXT))).await();
    // The journal's list: its head and the archives older ids moved to.
    Set<String> journalIds = new HashSet<>(new IdLists(mongo).ids(IdLists.key("demo-sanne", "journal")).await());
    List<String> storedButUnlisted = storedNotes.stream().map(n -> n.getString("_id"))
        .filter(id -> !journalIds.contains(id)).toList();

    System.out.printf("DurabilityTest: %d notes in the store after %d kills; data file %,d bytes after the last "
        + "kill -9, %,d bytes after a clean stop%n", storedNotes.size(), ROUNDS, sizeAfterKill, sizeAfterCleanStop);

    assertEquals(load.acknowledged.size(), storedNotes.size(), "notes in the store besides the acknowledged ones");
    assertEquals(0, intentsLeft, "interrupted writes left in the intents collection after start-up");
    assertEquals(List.of(), storedButUnlisted, "notes in the store that start-up did not put in the journal");
    assertTrue(sizeAfterKill < FILE_LIMIT_BYTES, "data file after kill -9 is " + sizeAfterKill + " bytes");
    assertTrue(sizeAfterCleanStop < FILE_LIMIT_BYTES, "data file after a clean stop is " + sizeAfterCleanStop + " bytes");
  }

  @Test
  @Execution(ExecutionMode.SAME_THREAD)
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
  @Execution(ExecutionMode.SAME_THREAD)
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

  /**
   * Sanne's writes: new notes, each with a client token of its own (Idempotency-Key), and edits of notes she
   * keeps changing, each edit linking the note to a question or unlinking it (two documents each time, so a
   * kill can come between them). Remembers what was acknowledged and what a kill cut off.
   */
  private static final class Load {

    static final String NOTE_TEXT = "crash note ";

    /** Acknowledged notes: number to id. */
    final Map<Integer, String> acknowledged = new ConcurrentHashMap<>();
    /** Notes whose request got no answer: sent again, with the same token, after the restart. */
    final Set<Integer> cutOff = ConcurrentHashMap.newKeySet();
    final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
    final List<EditedNote> edited = new ArrayList<>();
    private final AtomicInteger numbers = new AtomicInteger();
    private final AtomicInteger writes = new AtomicInteger();

    Load(Client sanne) {
      for (int i = 0; i < EDITORS; i++) {
        HttpResponse<Buffer> written = sanne.request(HttpMethod.POST, "/api/v1/communities/" + COMMUNITY + "/notes")
            .sendJsonObject(new JsonObject().put("kind", "observation").put("text", "Inregelen, versie 0")).await();
        assertEquals(201, written.statusCode(), written::bodyAsString);
        edited.add(new EditedNote(written.bodyAsJsonObject().getString("id")));
      }
    }

    int editsAcknowledged() {
      return edited.stream().mapToInt(note -> note.acknowledged).sum();
    }

    /** Writes until this round's share is acknowledged, kills the server under the load; how many were cut off. */
    int writeUntilKilled(Vertx vertx, Client client, Child child) throws InterruptedException {
      int target = writes.get() + ACKNOWLEDGED_PER_ROUND;
      int editsCutBefore = edited.stream().mapToInt(note -> note.cutOff).sum();
      int cutOffBefore = cutOff.size();
      AtomicBoolean stop = new AtomicBoolean();
      CountDownLatch writersDone = new CountDownLatch(NOTE_WRITERS + EDITORS);
      for (int w = 0; w < NOTE_WRITERS; w++) {
        vertx.runOnContext(ignored -> writeNotes(client, stop, writersDone));
      }
      for (EditedNote note : edited) {
        vertx.runOnContext(ignored -> edit(client, note, stop, writersDone));
      }
      // Only a limit against waiting forever: each write waits for its fsync, and on a starved machine (load
      // average 30 on 2 cores) 300 took longer than 40 s.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (writes.get() < target && unexpected.isEmpty() && child.process.isAlive()) {
        if (System.nanoTime() > deadline) {
          stop.set(true);
          fail("only " + (writes.get() - target + ACKNOWLEDGED_PER_ROUND) + " writes acknowledged in 120 s");
        }
        Thread.sleep(5);
      }
      // Writes are still going when the process dies: each writer has a request under way.
      child.process.destroyForcibly();
      stop.set(true);
      assertTrue(child.process.waitFor(10, TimeUnit.SECONDS), "the killed server did not go away");
      assertTrue(writersDone.await(20, TimeUnit.SECONDS), "requests still hanging after the kill");
      return cutOff.size() - cutOffBefore + edited.stream().mapToInt(note -> note.cutOff).sum() - editsCutBefore;
    }

    private Future<HttpResponse<Buffer>> note(Client client, int n) {
      return client.request(HttpMethod.POST, "/api/v1/communities/" + COMMUNITY + "/notes")
          .putHeader("Idempotency-Key", "crash-note-" + n)
          .sendJsonObject(new JsonObject().put("kind", "observation").put("text", NOTE_TEXT + n));
    }

    /** A writer stops at the request a kill cuts off. */
    private void writeNotes(Client client, AtomicBoolean stop, CountDownLatch done) {
      if (stop.get()) {
        done.countDown();
        return;
      }
      int n = numbers.incrementAndGet();
      note(client, n).onComplete(answer -> {
        if (answer.failed()) {
          cutOff.add(n);
          done.countDown();
          return;
        }
        if (answer.result().statusCode() == 201) {
          acknowledged.put(n, answer.result().bodyAsJsonObject().getString("id"));
          writes.incrementAndGet();
        } else {
          unexpected.add("note " + n + ": " + answer.result().statusCode() + " " + answer.result().bodyAsString());
        }
        writeNotes(client, stop, done);
      });
    }

    private void edit(Client client, EditedNote note, AtomicBoolean stop, CountDownLatch done) {
      if (stop.get()) {
        done.countDown();
        return;
      }
      int n = ++note.sent;
      client.request(HttpMethod.PATCH, "/api/v1/notes/" + note.id).sendJsonObject(new JsonObject()
              .put("text", EditedNote.text(n))
              .put("questionIds", EditedNote.links(n) ? new JsonArray().add(LINKED_QUESTION) : new JsonArray()))
          .onComplete(answer -> {
            if (answer.failed()) {
              note.cutOff++;
              note.cutOffNow = n;
              done.countDown();
              return;
            }
            if (answer.result().statusCode() == 200) {
              note.acknowledged++;
              note.last = n;
              writes.incrementAndGet();
            } else {
              unexpected.add("edit " + n + " of " + note.id + ": " + answer.result().statusCode() + " "
                  + answer.result().bodyAsString());
            }
            edit(client, note, stop, done);
          });
    }

    /**
     * Every acknowledged note is there once; a note cut off, sent again with its token, makes no second one;
     * every edit history holds each acknowledged edit once, and the cut-off edit once or not at all; and no
     * write is left half done (a note links to the question exactly when the question lists it).
     */
    void checkAfterRestart(Client client) {
      List<String> missing = Collections.synchronizedList(new ArrayList<>());
      Future.all(acknowledged.values().stream().map(id -> client.request(HttpMethod.GET, "/api/v1/notes/" + id).send()
          .onSuccess(response -> {
            if (response.statusCode() != 200) {
              missing.add(id + " -> " + response.statusCode() + " " + response.bodyAsString());
            }
          })).toList()).await();
      assertTrue(missing.isEmpty(), () -> missing.size() + " of " + acknowledged.size()
          + " acknowledged notes did not survive kill -9, e.g. " + missing.subList(0, Math.min(5, missing.size())));

      for (int n : Set.copyOf(cutOff)) {
        HttpResponse<Buffer> again = note(client, n).await();
        assertEquals(201, again.statusCode(), again::bodyAsString);
        acknowledged.put(n, again.bodyAsJsonObject().getString("id"));
        cutOff.remove(n);
      }
      HttpResponse<Buffer> journal = client.get("/api/v1/me/journal");
      assertEquals(200, journal.statusCode(), journal::bodyAsString);
      Map<String, Integer> copies = new TreeMap<>();
      Set<String> inJournal = new HashSet<>();
      journal.bodyAsJsonArray().stream().map(n -> (JsonObject) n)
          .filter(n -> n.getString("text").startsWith(NOTE_TEXT)).forEach(n -> {
            copies.merge(n.getString("text"), 1, Integer::sum);
            inJournal.add(n.getString("id"));
          });
      Set<String> written = new TreeSet<>();
      acknowledged.keySet().forEach(n -> written.add(NOTE_TEXT + n));
      assertEquals(written, copies.keySet(), "the journal holds exactly the notes written");
      assertEquals(List.of(), copies.entrySet().stream().filter(c -> c.getValue() > 1).toList(), "notes twice");
      assertTrue(inJournal.containsAll(acknowledged.values()), "an acknowledged note is missing from the journal");

      HttpResponse<Buffer> question = client.get("/api/v1/questions/" + LINKED_QUESTION);
      assertEquals(200, question.statusCode(), question::bodyAsString);
      Set<String> listed = new HashSet<>();
      question.bodyAsJsonObject().getJsonArray("notes").forEach(n -> listed.add(((JsonObject) n).getString("id")));
      for (EditedNote note : edited) {
        HttpResponse<Buffer> stored = client.get("/api/v1/notes/" + note.id);
        assertEquals(200, stored.statusCode(), stored::bodyAsString);
        note.check(stored.bodyAsJsonObject(), listed);
      }
    }
  }

  /** A note Sanne keeps editing; what the server answered to her edits. */
  private static final class EditedNote {

    final String id;
    /** Edits answered 200, and those of them plus the cut-off ones that are in the note. */
    int acknowledged;
    int landed;
    int cutOff;
    /**
     * Numbers of the last edit sent, the last one the note holds as far as the answers and the cut-off edits
     * that landed tell, and the one the last kill cut off (0: none).
     */
    int sent;
    int last;
    int cutOffNow;

    EditedNote(String id) {
      this.id = id;
    }

    static String text(int n) {
      return "Inregelen, versie " + n;
    }

    static boolean links(int n) {
      return n % 2 == 1;
    }

    /** An edit sets the text and adds to the history in one update: the text tells whether the cut-off one landed. */
    void check(JsonObject note, Set<String> listedByQuestion) {
      String text = note.getString("text");
      if (cutOffNow > 0 && text.equals(text(cutOffNow))) {
        last = cutOffNow;
        landed++;
      }
      cutOffNow = 0;
      assertEquals(text(last), text, "text of note " + id);
      assertEquals(acknowledged + landed, note.getJsonArray("edits").size(), "edit history of note " + id);
      boolean linked = note.getJsonArray("questionIds").contains(LINKED_QUESTION);
      assertEquals(last > 0 && links(last), linked, "link of note " + id);
      assertEquals(linked, listedByQuestion.contains(id), "the question's list of notes, for note " + id);
    }
  }

  private static Future<Void> apply(MongoClient mongo, Step step) {
    return mongo.updateCollectionWithOptions(step.collection(), step.filter(), step.update(),
        new io.vertx.ext.mongo.UpdateOptions().setUpsert(step.upsert())).mapEmpty();
  }

  /** Opens the store of a stopped server, as a crashed process left it, and closes it again. */
  private static void withStore(Vertx vertx, Path dataDir, java.util.function.Function<MongoClient, Future<?>> work) {
    EmbeddedStore store = vertx.executeBlocking(() -> EmbeddedStore.start(dataDir, EmbeddedStore.defaultCacheMb())).await();
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
    final List<String> output;

    private Child(Process process, int port, List<String> output) {
      this.process = process;
      this.port = port;
      this.output = output;
    }

    static Child start(Path dataDir) {
      ProcessBuilder builder = new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx512m",
          // A short-lived server: the first JIT tier and the serial collector cost the test run the least CPU.
          "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
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
      env.put("LEERKRING_HTTP_INSTANCES", "1");
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
        return new Child(process, port.get(120, TimeUnit.SECONDS), output);
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
