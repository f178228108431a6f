package nl.leerkring.platform;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
@DisplayName("Multi-document writes left half done")
class WritesTest {

  private static EmbeddedStore store;
  private static MongoClient mongo;

  @BeforeAll
  static void start(Vertx vertx, @TempDir Path dataDir) {
    store = vertx.executeBlocking(() -> EmbeddedStore.start(dataDir, 16)).await();
    mongo = MongoClient.create(vertx, new JsonObject().put("connection_string", store.connectionString())
        .put("db_name", "leerkring"));
  }

  @AfterAll
  static void stop(Vertx vertx) {
    mongo.close().await();
    vertx.executeBlocking(() -> {
      store.close();
      return null;
    }).await();
  }

  @Test
  @DisplayName("Another process finishes a write whose step failed, once its lease ran out, and runs no step twice")
  void abandonedWriteIsFinishedOnce() {
    String question = Ids.newId();
    String counter = Ids.newId();
    mongo.insert("counters", new JsonObject().put("_id", counter).put("n", "not a number yet")).await();
    Writes first = new Writes(mongo, Clock.systemUTC());
    List<String> heard = new CopyOnWriteArrayList<>();
    first.afterChanging("questions", id -> {
      heard.add(id);
      return Future.succeededFuture();
    });
    List<Step> steps = List.of(
        Step.insert("questions", new JsonObject().put("_id", question).put("history", new JsonArray())),
        Step.update("questions", question, new JsonObject().put("$push",
            new JsonObject().put("history", new JsonObject().put("status", "answered")))),
        IdLists.add(IdLists.key("community-1", "questions"), question),
        Step.update("counters", counter, new JsonObject().put("$inc", new JsonObject().put("n", 1))));

    assertThrows(RuntimeException.class, () -> first.apply(steps).await(),
        "the last step should fail on a text where a number belongs");
    // Its first steps changed the question: a copy kept of it (platform.Kept) is dropped all the same.
    assertTrue(heard.contains(question), "the watchers did not hear of the failed write's question: " + heard);
    mongo.updateCollection("counters", new JsonObject().put("_id", counter),
        new JsonObject().put("$set", new JsonObject().put("n", 0))).await();

    Writes sameMoment = new Writes(mongo, Clock.systemUTC());
    assertEquals(0, sameMoment.finishAbandoned(false).await(), "an intent within its lease was taken over");
    Writes later = new Writes(mongo, Clock.offset(Clock.systemUTC(), Writes.LEASE.plusSeconds(1)));
    assertTrue(later.finishAbandoned(false).await() >= 1, "the abandoned intent was not finished");

    JsonObject stored = mongo.findOne("questions", new JsonObject().put("_id", question), null).await();
    assertEquals(1, stored.getJsonArray("history").size(), "history entry pushed twice: " + stored.encode());
    assertEquals(1, mongo.findOne("counters", new JsonObject().put("_id", counter), null).await().getInteger("n"));
    JsonObject list = mongo.findOne(IdLists.COLLECTION,
        new JsonObject().put("_id", IdLists.key("community-1", "questions")), null).await();
    assertEquals(List.of(question), IdLists.strings(list.getJsonArray("ids")));
    assertEquals(0, mongo.count(Writes.INTENTS, new JsonObject().put("steps.0.filter",
        new JsonObject().put("$regex", question))).await(), "the intent is still there");
  }

  @Test
  @DisplayName("A document written as a copy of a marked one (a prompt's next time) is written, without the old marks")
  void copyOfMarkedDocument() {
    String original = Ids.newId();
    Writes writes = new Writes(mongo, Clock.systemUTC());
    writes.apply(Step.insert("prompts", new JsonObject().put("_id", original).put("text", "Wat leerde je?")),
        IdLists.add(IdLists.key("community-3", "prompts"), original)).await();
    JsonObject copy = mongo.findOne("prompts", new JsonObject().put("_id", original), null).await()
        .put("_id", original + "-2");
    writes.apply(Step.insert("prompts", copy), IdLists.add(IdLists.key("community-3", "prompts"), original + "-2"))
        .await();
    JsonObject stored = mongo.findOne("prompts", new JsonObject().put("_id", original + "-2"), null).await();
    assertEquals("Wat leerde je?", stored.getString("text"));
    assertEquals(1, stored.getJsonArray(Writes.MARKS).size(), stored.encode());
  }

  @Test
  @DisplayName("Of two closes of the same cycle the second loses, and nothing of its write is applied")
  void conditionalStepThatLosesWritesNothing() {
    String cycle = Ids.newId();
    mongo.insert("cycles", new JsonObject().put("_id", cycle).put("status", "active")).await();
    Writes writes = new Writes(mongo, Clock.systemUTC());
    writes.apply(close(cycle, "fenna"), Step.insert("cycles", new JsonObject().put("_id", cycle + "-next"))).await();

    assertThrows(Lost.class, () -> writes.apply(close(cycle, "ruben"),
        Step.insert("cycles", new JsonObject().put("_id", cycle + "-other"))).await());
    assertThrows(Lost.class, () -> writes.apply(close(cycle, "ruben")).await(), "a single step loses the same way");

    assertEquals("fenna", mongo.findOne("cycles", new JsonObject().put("_id", cycle), null).await().getString("by"));
    assertEquals(null, mongo.findOne("cycles", new JsonObject().put("_id", cycle + "-other"), null).await());
    assertEquals(0, mongo.count(Writes.INTENTS, new JsonObject().put("steps.0.filter",
        new JsonObject().put("$regex", cycle))).await(), "the lost write's intent is still there");
  }

  @Test
  @DisplayName("A replay drops a left-behind write whose expected state another request changed meanwhile")
  void replayDoesNotRunALostWrite() {
    String cycle = Ids.newId();
    mongo.insert("cycles", new JsonObject().put("_id", cycle).put("status", "closed")).await();
    JsonArray steps = new JsonArray().add(close(cycle, "gone").toJson())
        .add(Step.insert("cycles", new JsonObject().put("_id", cycle + "-next")).toJson());
    mongo.insert(Writes.INTENTS, new JsonObject().put("_id", Ids.newId()).put("owner", "a process that died")
        .put("leaseUntil", 0L).put("steps", steps)).await();

    new Writes(mongo, Clock.systemUTC()).finishAbandoned(false).await();

    assertEquals(null, mongo.findOne("cycles", new JsonObject().put("_id", cycle + "-next"), null).await(),
        "the rest of a lost write was run");
    assertEquals(null, mongo.findOne("cycles", new JsonObject().put("_id", cycle), null).await().getString("by"));
    assertEquals(0, mongo.count(Writes.INTENTS, new JsonObject().put("steps.0.filter",
        new JsonObject().put("$regex", cycle))).await());
  }

  @Test
  @DisplayName("A replay finishes a write whose conditional step had won before its process stopped")
  void replayFinishesAWonWrite() {
    String cycle = Ids.newId();
    String counter = Ids.newId();
    mongo.insert("cycles", new JsonObject().put("_id", cycle).put("status", "active")).await();
    mongo.insert("counters", new JsonObject().put("_id", counter).put("n", "not a number yet")).await();
    Writes first = new Writes(mongo, Clock.systemUTC());
    assertThrows(RuntimeException.class, () -> first.apply(close(cycle, "fenna"),
        Step.update("counters", counter, new JsonObject().put("$inc", new JsonObject().put("n", 1)))).await());
    mongo.updateCollection("counters", new JsonObject().put("_id", counter),
        new JsonObject().put("$set", new JsonObject().put("n", 0))).await();

    new Writes(mongo, Clock.offset(Clock.systemUTC(), Writes.LEASE.plusSeconds(1))).finishAbandoned(false).await();

    assertEquals(1, mongo.findOne("counters", new JsonObject().put("_id", counter), null).await().getInteger("n"));
    assertEquals("fenna", mongo.findOne("cycles", new JsonObject().put("_id", cycle), null).await().getString("by"));
  }

  @Test
  @DisplayName("A claim creates its document once; a second claim of the same id loses and changes nothing")
  void claimCreatesOnce() {
    String token = Ids.newId();
    Writes writes = new Writes(mongo, Clock.systemUTC());
    writes.apply(Step.claim("clientTokens", new JsonObject().put("_id", token).put("recordId", "note-1")),
        Step.insert("notes", new JsonObject().put("_id", token + "-1"))).await();

    assertThrows(Lost.class, () -> writes.apply(Step.claim("clientTokens",
        new JsonObject().put("_id", token).put("recordId", "note-2")),
        Step.insert("notes", new JsonObject().put("_id", token + "-2"))).await());
    assertThrows(Lost.class, () -> writes.apply(Step.claim("clientTokens",
        new JsonObject().put("_id", token).put("recordId", "note-3"))).await());

    assertEquals("note-1", mongo.findOne("clientTokens", new JsonObject().put("_id", token), null).await()
        .getString("recordId"));
    assertEquals(null, mongo.findOne("notes", new JsonObject().put("_id", token + "-2"), null).await());
  }

  @Test
  @DisplayName("Only the first step of a write may be conditional")
  void conditionalStepComesFirst() {
    Writes writes = new Writes(mongo, Clock.systemUTC());
    assertThrows(IllegalArgumentException.class, () -> writes.apply(
        Step.insert("notes", new JsonObject().put("_id", Ids.newId())), close(Ids.newId(), "fenna")));
  }

  private static Step close(String cycle, String by) {
    return Step.update("cycles", cycle, new JsonObject().put("$set", new JsonObject().put("status", "closed")
        .put("by", by))).expecting("status", "active");
  }
}
