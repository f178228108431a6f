package nl.leerkring.platform;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
@DisplayName("Backup, restore and verify of the embedded store")
class BackupAndRestoreTest {

  private static final int WRITERS = 8;

  @Test
  @DisplayName("A backup taken while writers run restores into an empty data directory as one consistent moment")
  void backupWhileWritingRestoresConsistently(Vertx vertx, @TempDir Path temp) throws Exception {
    EmbeddedStore source = start(vertx, temp.resolve("data"));
    MongoClient mongo = client(vertx, source);
    for (int i = 0; i < 50; i++) {
      mongo.save("communities", new JsonObject().put("_id", "c" + i).put("name", "Community " + i)).await();
    }
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicBoolean stop = new AtomicBoolean();
    List<Future<Void>> writers = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      writers.add(write(vertx, mongo, "w" + w, acknowledged, stop));
    }
    while (acknowledged.size() < 200) {
      Thread.sleep(20);
    }
    Set<String> beforeBackup = Set.copyOf(acknowledged);
    Path backup = vertx.executeBlocking(() -> source.backup(temp.resolve("backups").resolve("b.mv.db"))).await();
    stop.set(true);
    Future.all(writers).await();
    Map<String, List<JsonObject>> sourceNow = everything(mongo);
    mongo.close().await();
    close(vertx, source);

    Path fresh = temp.resolve("fresh");
    StringWriter said = new StringWriter();
    int exit = new CommandLine(new RestoreCommand()).setOut(new PrintWriter(said))
        .execute("--from", backup.toString(), "--data-dir", fresh.toString());
    assertEquals(0, exit, said::toString);
    EmbeddedStore restored = start(vertx, fresh);
    MongoClient back = client(vertx, restored);
    Map<String, List<JsonObject>> inBackup = everything(back);
    back.close().await();
    close(vertx, restored);

    assertEquals(sourceNow.get("communities"), inBackup.get("communities"), "communities differ");
    Map<String, JsonObject> sourceNotes = byId(sourceNow.get("notes"));
    Set<String> backedUp = byId(inBackup.get("notes")).keySet();
    assertTrue(backedUp.containsAll(beforeBackup), "writes acknowledged before the backup are missing");
    // A write whose chunk was on disk before the copy reached it may be answered just after the backup: it is
    // in the copy as in the store, so the backup invents nothing.
    assertTrue(sourceNotes.keySet().containsAll(backedUp), "the backup holds notes the store never had");
    inBackup.get("notes").forEach(note -> assertEquals(sourceNotes.get(note.getString("_id")), note));
    // One moment: per writer the notes are numbered 1, 2, 3, ...; a consistent copy has no gaps, and every
    // writer's counter (written after its note) never runs ahead of the notes.
    for (JsonObject counter : inBackup.get("counters")) {
      String writer = counter.getString("_id");
      TreeSet<Integer> numbers = inBackup.get("notes").stream().filter(n -> writer.equals(n.getString("writer")))
          .map(n -> n.getInteger("n")).collect(Collectors.toCollection(TreeSet::new));
      int last = counter.getInteger("last");
      assertTrue(numbers.isEmpty() || numbers.last() == numbers.size(), writer + " has gaps: " + numbers);
      assertTrue(numbers.size() >= last, writer + "'s counter " + last + " is ahead of its notes " + numbers.size());
    }
  }

  @Test
  @DisplayName("verify tells a healthy store file from a damaged copy, which the latest backup replaces")
  void verifyFindsDamage(Vertx vertx, @TempDir Path temp) throws Exception {
    Path data = temp.resolve("data");
    EmbeddedStore store = start(vertx, data);
    MongoClient mongo = client(vertx, store);
    for (int i = 0; i < 300; i++) {
      mongo.save("notes", new JsonObject().put("_id", "n" + i).put("text", "x".repeat(500))).await();
    }
    mongo.close().await();
    Path backup = vertx.executeBlocking(() -> store.backup(temp.resolve("backup.mv.db"))).await();
    close(vertx, store);

    assertEquals(0, verify("--data-dir", data.toString()), "a healthy file did not verify");
    Path damaged = temp.resolve("damaged");
    Files.createDirectories(damaged);
    Path copy = Files.copy(data.resolve(EmbeddedStore.FILE_NAME), damaged.resolve(EmbeddedStore.FILE_NAME));
    // A stretch of garbage after the file header, as a failing disk or a partly copied file leaves.
    byte[] garbage = new byte[512];
    new java.util.Random(7).nextBytes(garbage);
    try (RandomAccessFile file = new RandomAccessFile(copy.toFile(), "rw")) {
      for (long at = 8192; at < file.length(); at += 4096) {
        file.seek(at);
        file.write(garbage);
      }
    }
    assertEquals(1, verify("--data-dir", damaged.toString()), "a damaged file verified");
    Throwable refused = org.junit.jupiter.api.Assertions.assertThrows(StoreFile.UnusableStoreException.class,
        () -> EmbeddedStore.start(damaged, 16));
    assertTrue(refused.getMessage().contains("is damaged"), refused.getMessage());

    Path replacement = temp.resolve("replacement");
    assertEquals(0, new CommandLine(new RestoreCommand()).execute("--from", backup.toString(),
        "--data-dir", replacement.toString()));
    assertEquals(0, verify("--data-dir", replacement.toString()));
    assertEquals(300, StoreFile.verify(replacement.resolve(EmbeddedStore.FILE_NAME)).healthy() ? countNotes(vertx,
        replacement) : -1);
  }

  @Test
  @DisplayName("verify --repair rolls a store whose newest writes are damaged back to its newest readable version")
  void repairRollsBack(Vertx vertx, @TempDir Path temp) throws Exception {
    Path data = temp.resolve("data");
    EmbeddedStore store = start(vertx, data);
    MongoClient mongo = client(vertx, store);
    for (int i = 0; i < 300; i++) {
      mongo.save("notes", new JsonObject().put("_id", "n" + i).put("text", "early note " + i)).await();
    }
    mongo.close().await();
    close(vertx, store);

    store = start(vertx, data);
    mongo = client(vertx, store);
    for (int i = 300; i < 305; i++) {
      mongo.save("notes", new JsonObject().put("_id", "n" + i).put("text", "late note " + i)).await();
    }
    mongo.close().await();
    close(vertx, store);
    // A failing disk garbles what was written last: the newest chunk.
    Path file = data.resolve(EmbeddedStore.FILE_NAME);
    long[] newest = newestChunk(file);
    byte[] garbage = new byte[(int) newest[1]];
    new java.util.Random(11).nextBytes(garbage);
    try (RandomAccessFile damaged = new RandomAccessFile(file.toFile(), "rw")) {
      damaged.seek(newest[0]);
      damaged.write(garbage);
    }
    assertEquals(1, verify("--data-dir", data.toString()), "a damaged file verified");

    assertEquals(0, verify("--data-dir", data.toString(), "--repair"), "the repair did not give a healthy file");
    assertTrue(Files.exists(data.resolve(EmbeddedStore.FILE_NAME + ".back")), "the damaged file was not kept");
    int notes = countNotes(vertx, data);
    assertTrue(notes >= 300 && notes < 305, "after the repair the store holds " + notes + " notes");
  }

  /** Where the chunk with the highest id starts in the file and how long it is, in bytes. */
  private static long[] newestChunk(Path file) {
    try (org.h2.mvstore.MVStore store = new org.h2.mvstore.MVStore.Builder().fileName(file.toString()).readOnly()
        .open()) {
      return store.getLayoutMap().entrySet().stream().filter(e -> e.getKey().startsWith("chunk."))
          .max(java.util.Comparator.comparingLong(e -> Long.parseLong(e.getKey().substring(6), 16)))
          .map(e -> {
            var chunk = org.h2.mvstore.DataUtils.parseMap(e.getValue());
            return new long[] {Long.parseLong(chunk.get("block"), 16) * 4096, Long.parseLong(chunk.get("len"), 16) * 4096};
          }).orElseThrow();
    }
  }

  private static int verify(String... args) {
    return new CommandLine(new VerifyCommand()).setOut(new PrintWriter(new StringWriter())).execute(args);
  }

  private static int countNotes(Vertx vertx, Path dataDir) {
    EmbeddedStore store = start(vertx, dataDir);
    MongoClient mongo = client(vertx, store);
    long count = mongo.count("notes", new JsonObject()).await();
    mongo.close().await();
    close(vertx, store);
    return (int) count;
  }

  /** Inserts numbered notes, then moves the writer's counter: two writes, in that order, as the application does. */
  private static Future<Void> write(Vertx vertx, MongoClient mongo, String writer, Set<String> acknowledged,
                                    AtomicBoolean stop) {
    Promise<Void> done = Promise.promise();
    vertx.runOnContext(x -> next(mongo, writer, 1, acknowledged, stop, done));
    return done.future();
  }

  private static void next(MongoClient mongo, String writer, int n, Set<String> acknowledged, AtomicBoolean stop,
                           Promise<Void> done) {
    if (stop.get()) {
      done.complete();
      return;
    }
    String id = writer + "-" + n;
    mongo.insert("notes", new JsonObject().put("_id", id).put("writer", writer).put("n", n).put("text", "note " + id))
        .compose(x -> mongo.save("counters", new JsonObject().put("_id", writer).put("last", n)))
        .onSuccess(x -> acknowledged.add(id))
        .onComplete(x -> next(mongo, writer, n + 1, acknowledged, stop, done));
  }

  private static Map<String, List<JsonObject>> everything(MongoClient mongo) {
    Map<String, List<JsonObject>> all = new HashMap<>();
    for (String collection : List.of("communities", "notes", "counters")) {
      List<JsonObject> documents = new ArrayList<>(mongo.find(collection, new JsonObject()).await());
      documents.sort((a, b) -> a.getString("_id").compareTo(b.getString("_id")));
      all.put(collection, documents);
    }
    return all;
  }

  private static Map<String, JsonObject> byId(List<JsonObject> documents) {
    return documents.stream().collect(Collectors.toMap(d -> d.getString("_id"), Function.identity()));
  }

  private static EmbeddedStore start(Vertx vertx, Path dataDir) {
    return vertx.executeBlocking(() -> EmbeddedStore.start(dataDir, 16)).await();
  }

  private static MongoClient client(Vertx vertx, EmbeddedStore store) {
    return MongoClient.create(vertx, new JsonObject().put("connection_string", store.connectionString())
        .put("db_name", "leerkring"));
  }

  private static void close(Vertx vertx, EmbeddedStore store) {
    vertx.executeBlocking(() -> {
      store.close();
      return null;
    }).await();
  }
}
