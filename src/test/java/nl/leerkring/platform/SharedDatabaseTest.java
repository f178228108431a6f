package nl.leerkring.platform;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import nl.leerkring.support.Person;
import nl.leerkring.support.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@ExtendWith(VertxExtension.class)
@DisplayName("Several servers on one database")
class SharedDatabaseTest {

  @Test
  @DisplayName("Two servers starting together on an empty database load the demo once")
  void demoLoadsOnce(Vertx vertx) throws Exception {
    Path dir = TestServer.temporaryDataDir();
    EmbeddedStore store = vertx.executeBlocking(() -> EmbeddedStore.start(dir, EmbeddedStore.defaultCacheMb())).await();
    try {
      var first = CompletableFuture.supplyAsync(() -> TestServer.onMongo(vertx, store.connectionString(), true));
      var second = CompletableFuture.supplyAsync(() -> TestServer.onMongo(vertx, store.connectionString(), true));
      try (TestServer a = first.get(120, TimeUnit.SECONDS); TestServer b = second.get(120, TimeUnit.SECONDS)) {
        // Loaded twice, the demo's activity feed holds each event twice (other servers in this test run may log
        // their own demo loads meanwhile, so the data tells, not the log).
        List<String> events = b.demo("mehmet").get("/communities/demo-warmtepomp/activity?limit=100").ok()
            .getJsonArray("items").stream().map(item -> ((JsonObject) item).copy())
            .peek(item -> List.of("id", "seq", "at").forEach(item::remove)).map(JsonObject::encode).toList();
        assertFalse(events.isEmpty());
        assertEquals(events.size(), new HashSet<>(events).size(), () -> "the demo was loaded more than once: " + events);
        assertEquals(1, b.demo("mehmet").get("/communities").expect(200).array().size());
      }
    } finally {
      vertx.executeBlocking(() -> {
        store.close();
        return null;
      }).await();
    }
  }

  @Test
  @DisplayName("A login made on one server works on the other, and a note written on one is read on the other")
  void statelessServers(Vertx vertx) {
    Path dir = TestServer.temporaryDataDir();
    EmbeddedStore store = vertx.executeBlocking(() -> EmbeddedStore.start(dir, EmbeddedStore.defaultCacheMb())).await();
    try (TestServer first = TestServer.onMongo(vertx, store.connectionString(), true);
         TestServer second = TestServer.onMongo(vertx, store.connectionString(), true)) {
      Person sanne = first.demo("sanne");
      String noteId = sanne.post("/communities/demo-warmtepomp/notes", new JsonObject().put("kind", "observation")
          .put("text", "Geschreven via server één")).expect(201).json().getString("id");

      Person sanneOnSecond = second.anonymous().adopt(sanne.me());
      sanneOnSecond.copyLoginFrom(sanne);
      assertEquals("Geschreven via server één", sanneOnSecond.get("/notes/" + noteId).ok().getString("text"));
      assertEquals(1, second.demo("mehmet").get("/communities").expect(200).array().size(),
          "the second server found the demo already there and loaded it no second time");
    } finally {
      vertx.executeBlocking(() -> {
        store.close();
        return null;
      }).await();
    }
  }
}
