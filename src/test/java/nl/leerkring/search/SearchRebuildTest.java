package nl.leerkring.search;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.VertxExtension;
import nl.leerkring.fieldnote.Note;
import nl.leerkring.fieldnote.NoteKind;
import nl.leerkring.fieldnote.NoteStore;
import nl.leerkring.fieldnote.Visibility;
import nl.leerkring.platform.EmbeddedStore;
import nl.leerkring.platform.IdLists;
import nl.leerkring.platform.Ids;
import nl.leerkring.support.MutableClock;
import nl.leerkring.support.Person;
import nl.leerkring.support.Response;
import nl.leerkring.support.StoreWire;
import nl.leerkring.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search index built again from a store that holds more than one batch of notes (issue 14.5: at a million
 * notes the rebuild must not read a whole collection at once, and the server must not wait for it). The server
 * talks to its store through a relay that sees every query and can hold the rebuild's reads back.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Building the search index again")
class SearchRebuildTest {

  private static final String COMMUNITY = "/communities/demo-warmtepomp";
  /** More than two batches of the rebuild ({@value SearchIndexing#REBUILD_BATCH}). */
  private static final int NOTES = 1_234;

  private static EmbeddedStore store;
  private static StoreWire wire;
  private static final List<String> noteIds = new ArrayList<>();

  @BeforeAll
  static void start(Vertx vertx) {
    store = vertx.executeBlocking(() -> EmbeddedStore.startShared(TestServer.temporaryDataDir(), 16)).await();
    wire = new StoreWire(vertx, Integer.parseInt(store.connectionString()
        .substring(store.connectionString().lastIndexOf(':') + 1)));
    // The demo first, through a server; then Sanne's many notes straight into the store, as a large
    // installation's store holds them (the note, and its id in the community's list).
    TestServer.start(vertx, TestServer.temporaryDataDir(), wire.uri(), true, new MutableClock(), new JsonObject())
        .close();
    MongoClient mongo = MongoClient.create(vertx, new JsonObject().put("connection_string", store.connectionString())
        .put("db_name", "leerkring"));
    try {
      String list = NoteStore.communityList("demo-warmtepomp");
      List<String> listed = new ArrayList<>(new IdLists(mongo).ids(list).await());
      List<JsonObject> notes = new ArrayList<>();
      for (int n = 0; n < NOTES; n++) {
        String id = Ids.newId();
        noteIds.add(id);
        notes.add(NoteStore.toDocument(new Note(id, "demo-warmtepomp", 2, "demo-sanne", "Sanne Bakker",
            NoteKind.OBSERVATION, "Meetpunt " + code(n) + ": aanvoer en retour gemeten met de klemthermometer.", null,
            null, Visibility.COMMUNITY, List.of(), List.of(), null, null, Instant.now(), null)));
      }
      mongo.bulkWrite("notes", notes.stream().map(BulkOperation::createInsert).toList()).await();
      listed.addAll(noteIds);
      mongo.removeDocument("idlists", new JsonObject().put("_id", list)).await();
      mongo.bulkWrite("idlists", IdLists.documents(list, listed).stream().map(BulkOperation::createInsert).toList())
          .await();
    } finally {
      mongo.close().await();
    }
  }

  @AfterAll
  static void stop(Vertx vertx) {
    if (wire != null) {
      wire.close();
    }
    if (store != null) {
      vertx.executeBlocking(() -> {
        store.close();
        return null;
      }).await();
    }
  }

  @Test
  @DisplayName("A server without an index builds it from 1,241 notes of one community, reading them by id at most "
      + "500 at a time and never by a query over all notes; then Sanne finds the first, a middle and the last")
  void inBatches(Vertx vertx) {
    int before = wire.finds().size();
    try (TestServer server = TestServer.start(vertx, TestServer.temporaryDataDir(), wire.uri(), false,
        new MutableClock(), new JsonObject())) {
      List<JsonObject> noteReads = notesRead(wire.finds().subList(before, wire.finds().size()));
      int read = 0;
      for (JsonObject find : noteReads) {
        JsonObject filter = find.getJsonObject("filter", new JsonObject());
        assertEquals(List.of("_id"), List.copyOf(filter.fieldNames()), () -> "a query over all notes: " + find.encode());
        int ids = Math.max(1, inSize(find));
        assertTrue(ids <= SearchIndexing.REBUILD_BATCH, () -> ids + " notes read at once");
        read += ids;
      }
      assertTrue(read >= NOTES + 7, "every note read: " + read);
      Person sanne = server.demo("sanne");
      for (int n : List.of(0, NOTES / 2, NOTES - 1)) {
        JsonObject found = sanne.get(COMMUNITY + "/search?q=" + code(n)).ok();
        assertEquals(List.of(noteIds.get(n)), ids(found), code(n));
      }
    }
  }

  @Test
  // A server that waited for its index before it listened would wait here until the reads were released.
  @Timeout(120)
  @DisplayName("While the index is being built the server already answers: /health says so, search answers 503 "
      + "search_building (the API) and says so on the page in Dutch and English, other pages work; then search finds")
  void answersWhileBuilding(Vertx vertx) {
    // The rebuild's reads of notes (hundreds at a time) wait until released, as on a slow store.
    wire.hold(command -> "notes".equals(command.getString("find")) && inSize(command) > 100);
    TestServer server = TestServer.listening(vertx, TestServer.temporaryDataDir(), wire.uri(), false,
        new MutableClock(), new JsonObject());
    try {
      assertEquals("building", server.anonymous().get("/health").ok().getString("search"));
      Person sanne = server.demo("sanne");
      Response api = sanne.get(COMMUNITY + "/search?q=" + code(0)).expect(503);
      assertEquals("search_building", api.errorCode());
      assertNotNull(api.raw().getHeader("Retry-After"));
      Response page = sanne.page("/c/demo-warmtepomp/search?q=" + code(0)).expect(503);
      assertTrue(page.body().contains("De zoekfunctie wordt klaargezet"), page.body());
      assertTrue(page.body().contains("value=\"" + code(0) + "\""), "the form keeps the words");
      Person mehmet = server.demo("mehmet");
      mehmet.patch("/me", new JsonObject().put("language", "en")).expect(200);
      Response english = mehmet.page("/c/demo-warmtepomp/search?q=" + code(0)).expect(503);
      assertTrue(english.body().contains("Search is being set up"), english.body());
      assertEquals(200, sanne.page("/c/demo-warmtepomp").status(), "the community page");
      sanne.get(COMMUNITY + "/questions").expect(200);

      wire.release();
      server.awaitSearch();
      assertEquals("up", server.anonymous().get("/health").ok().getString("search"));
      assertEquals(List.of(noteIds.get(NOTES - 1)), ids(sanne.get(COMMUNITY + "/search?q=" + code(NOTES - 1)).ok()));
    } finally {
      wire.release();
      server.close();
    }
  }

  /** A word that occurs in one note only. */
  private static String code(int n) {
    return "mp" + (100_000 + n);
  }

  private static List<JsonObject> notesRead(List<JsonObject> finds) {
    return finds.stream().filter(f -> "notes".equals(f.getString("find"))).toList();
  }

  private static int inSize(JsonObject find) {
    Object id = find.getJsonObject("filter", new JsonObject()).getValue("_id");
    JsonArray in = id instanceof JsonObject operators ? operators.getJsonArray("$in") : null;
    return in == null ? 0 : in.size();
  }

  private static List<String> ids(JsonObject results) {
    return results.getJsonArray("items").stream().map(i -> ((JsonObject) i).getString("id")).toList();
  }
}
