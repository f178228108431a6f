package nl.leerkring.platform;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.VertxExtension;
import nl.leerkring.support.SharedStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
@DisplayName("A community's list of notes as it grows")
class IdListsTest {

  private static SharedStore store;
  private static MongoClient mongo;
  private static IdLists lists;
  private static Writes writes;

  @BeforeAll
  static void start(Vertx vertx) {
    store = new SharedStore(vertx);
    mongo = store.mongo();
    lists = new IdLists(mongo);
    writes = new Writes(mongo, Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    store.close();
  }

  @Test
  @DisplayName("600 notes written eight at a time: the head stays short, every note is listed once, in order")
  void headStaysShort() {
    String key = IdLists.key(Ids.newId(), "notes");
    List<String> written = write(key, 600, 8);

    JsonObject head = mongo.findOne(IdLists.COLLECTION, new JsonObject().put("_id", key), null).await();
    assertTrue(head.getJsonArray("ids").size() < IdLists.HEAD_LIMIT, "head holds " + head.getJsonArray("ids").size());
    List<String> listed = lists.ids(key).await();
    assertEquals(written.size(), listed.size(), "listed " + listed.size() + " of " + written.size());
    assertEquals(List.copyOf(new java.util.TreeSet<>(written)), List.copyOf(new java.util.TreeSet<>(listed)));
    for (int i = 0; i + 8 < listed.size(); i += 8) {
      // Concurrent additions may land in either order, but never further apart than the writers at once.
      assertTrue(written.indexOf(listed.get(i)) < written.indexOf(listed.get(i + 8)) + 8, "out of order at " + i);
    }
  }

  @Test
  @DisplayName("Pages of the newest notes reach back into the archived ones without gaps or repeats")
  void pagesReachIntoArchives() {
    String key = IdLists.key(Ids.newId(), "notes");
    List<String> written = write(key, 330, 1);
    List<String> newestFirst = new ArrayList<>(written);
    java.util.Collections.reverse(newestFirst);

    List<String> paged = new ArrayList<>();
    for (int offset = 0; offset < 340; offset += 20) {
      paged.addAll(lists.newestFirst(key, "listed", offset, 20).await().stream()
          .map(doc -> doc.getString("_id")).toList());
    }
    assertEquals(newestFirst, paged);
    assertEquals(newestFirst.subList(0, 20),
        lists.newestFirst(key, "listed", 0, 20).await().stream().map(doc -> doc.getString("_id")).toList());
  }

  @Test
  @DisplayName("The notes written since a moment are read from the list's end, into the archives where needed, and no further")
  void sinceAMoment() throws InterruptedException {
    String key = IdLists.key(Ids.newId(), "notes");
    List<String> older = IntStream.range(0, 50).mapToObj(i -> Ids.newId()).toList();
    Thread.sleep(2);
    java.time.Instant moment = java.time.Instant.now();
    List<String> newer = IntStream.range(0, 160).mapToObj(i -> Ids.newId()).toList();
    List<String> all = new ArrayList<>(older);
    all.addAll(newer);
    // Loaded as additions one by one would leave it: the oldest 100 (50 of them newer) in an archive.
    mongo.bulkWrite("listed", all.stream().map(id -> BulkOperation.createInsert(new JsonObject().put("_id", id))).toList())
        .await();
    mongo.bulkWrite(IdLists.COLLECTION, IdLists.documents(key, all).stream().map(BulkOperation::createInsert).toList())
        .await();
    List<String> newestFirst = new ArrayList<>(newer);
    java.util.Collections.reverse(newestFirst);

    assertEquals(newestFirst, ids(lists.between(key, "listed", moment, null, 500)));
    assertEquals(newestFirst.subList(0, 20), ids(lists.between(key, "listed", moment, null, 20)));
    assertEquals(List.of(), lists.between(key, "listed", java.time.Instant.now().plusSeconds(1), null, 20).await());
    assertEquals(List.of(), lists.between(key, "listed", moment.minusSeconds(60), moment.minusSeconds(30), 20).await());
  }

  private static List<String> ids(Future<List<JsonObject>> documents) {
    return documents.await().stream().map(d -> d.getString("_id")).toList();
  }

  @Test
  @DisplayName("Three lists read at once, as building the search index reads them: one with archives and a removed "
      + "id, one short, one never written; each as it reads alone")
  void severalAtOnce() {
    String archived = IdLists.key(Ids.newId(), "notes");
    String shortList = IdLists.key(Ids.newId(), "notes");
    String none = IdLists.key(Ids.newId(), "notes");
    List<String> many = write(archived, 330, 8);
    writes.apply(IdLists.remove(archived, many.get(5))).await();
    write(shortList, 12, 1);

    java.util.Map<String, List<String>> read = lists.ids(List.of(archived, shortList, none)).await();
    assertEquals(List.of(archived, shortList, none), List.copyOf(read.keySet()));
    assertEquals(lists.ids(archived).await(), read.get(archived));
    assertEquals(329, read.get(archived).size());
    assertEquals(lists.ids(shortList).await(), read.get(shortList));
    assertEquals(List.of(), read.get(none));
  }

  @Test
  @DisplayName("An invitation used long after it was archived leaves the list of open ones")
  void removedFromAnArchive() {
    String key = IdLists.key(Ids.newId(), "invitations");
    List<String> written = write(key, 210, 8);
    writes.apply(IdLists.remove(key, written.get(3))).await();

    List<String> listed = lists.ids(key).await();
    assertEquals(209, listed.size());
    assertTrue(!listed.contains(written.get(3)));
    assertEquals(209, lists.all(key, "listed").await().size());
  }

  @Test
  @DisplayName("A note taken off a question and linked to it again is on the question's list again, also from an archive")
  void removedAndAddedAgain() {
    String key = IdLists.key(Ids.newId(), "notes");
    List<String> written = write(key, 210, 8);
    for (String id : List.of(written.get(3), written.get(205))) {
      writes.apply(IdLists.remove(key, id)).await();
      assertTrue(!lists.ids(key).await().contains(id));
      writes.apply(IdLists.add(key, id)).await();
    }

    List<String> listed = lists.ids(key).await();
    assertEquals(210, listed.size());
    assertTrue(listed.containsAll(written));
  }

  @Test
  @DisplayName("A list loaded in one go, as the benchmarks load one, reads and grows like one built note by note")
  void loadedInOneGo() {
    String key = IdLists.key(Ids.newId(), "notes");
    List<String> loaded = IntStream.range(0, 450).mapToObj(i -> Ids.newId()).toList();
    mongo.bulkWrite("listed", loaded.stream()
        .map(id -> BulkOperation.createInsert(new JsonObject().put("_id", id))).toList()).await();
    mongo.bulkWrite(IdLists.COLLECTION, IdLists.documents(key, loaded).stream()
        .map(BulkOperation::createInsert).toList()).await();
    List<String> added = write(key, 60, 1);

    List<String> all = new ArrayList<>(loaded);
    all.addAll(added);
    assertEquals(all, lists.ids(key).await());
    assertEquals(all.get(all.size() - 1),
        lists.newestFirst(key, "listed", 0, 1).await().get(0).getString("_id"));
  }

  @Test
  @DisplayName("Dropping a list removes its archives too")
  void dropRemovesArchives() {
    String owner = Ids.newId();
    String key = IdLists.key(owner, "journal");
    write(key, 210, 8);
    lists.drop(key).await();

    assertEquals(List.of(), lists.ids(key).await());
    assertEquals(0, mongo.count(IdLists.COLLECTION, new JsonObject().put("_id",
        new JsonObject().put("$regex", "^" + owner))).await());
  }

  /** Stores documents, then adds their ids to a list, {@code together} at a time, as requests do. */
  private static List<String> write(String key, int count, int together) {
    List<String> ids = IntStream.range(0, count).mapToObj(i -> Ids.newId()).toList();
    mongo.bulkWrite("listed", ids.stream()
        .map(id -> BulkOperation.createInsert(new JsonObject().put("_id", id))).toList()).await();
    for (int start = 0; start < count; start += together) {
      List<Future<Void>> batch = new ArrayList<>();
      for (String id : ids.subList(start, Math.min(count, start + together))) {
        batch.add(writes.apply(IdLists.add(key, id)));
      }
      Future.all(batch).await();
    }
    return ids;
  }
}
