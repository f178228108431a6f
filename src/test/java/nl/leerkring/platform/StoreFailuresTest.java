package nl.leerkring.platform;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import nl.leerkring.support.MutableClock;
import nl.leerkring.support.Person;
import nl.leerkring.support.TestServer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
@DisplayName("When the store file fails")
class StoreFailuresTest {

  private static final String NOTES = "/communities/demo-warmtepomp/notes";

  @Test
  @DisplayName("An empty store file stops the start with a clear message instead of becoming a new store")
  void emptyStoreFileStopsTheStart(Vertx vertx, @TempDir Path dataDir) throws Exception {
    Path file = dataDir.resolve(EmbeddedStore.FILE_NAME);
    Files.createFile(file);

    Throwable refused = assertThrows(Throwable.class, () -> TestServer.start(vertx, dataDir, true));

    String message = causes(refused);
    assertTrue(message.contains("is empty (0 bytes)"), message);
    assertTrue(message.contains("restore"), "the message should say how to get the data back: " + message);
    assertEquals(0, Files.size(file), "the empty file was taken as a new store");
  }

  @Test
  @DisplayName("After H2 closed the file on a failed write, health says 503 and writes fail until the file is back; "
      + "then the server serves again without a restart")
  void serverServesAgainAfterTheFileIsBack(Vertx vertx, @TempDir Path parent) throws Exception {
    Path dataDir = parent.resolve("data");
    EmbeddedStore store = vertx.executeBlocking(() -> EmbeddedStore.start(dataDir, 16)).await();
    TestServer server = TestServer.start(vertx, parent.resolve("unused"), store.connectionString(), true,
        new MutableClock(), new JsonObject());
    try {
      Person sanne = server.demo("sanne");
      String before = sanne.post(NOTES, note("voor de storing")).expect(201).json().getString("id");
      assertEquals(200, server.anonymous().get("/health").status());

      // The file is out of reach and H2 has closed the store, as it does when a write fails (disk full).
      Path away = parent.resolve("data-away");
      Files.move(dataDir, away);
      assertThrows(MVStoreException.class, () -> store.mvStore().panic(
          DataUtils.newMVStoreException(DataUtils.ERROR_WRITING_FAILED, "No space left on device")));

      assertNotEquals(201, sanne.post(NOTES, note("tijdens de storing")).status(), "a write was acknowledged");
      waitFor(() -> server.anonymous().get("/health").status() == 503, "health never answered 503");

      Files.move(away, dataDir);
      waitFor(() -> server.anonymous().get("/health").status() == 200, "health stayed 503 once the file was back");
      String after = sanne.post(NOTES, note("na de storing")).expect(201).json().getString("id");
      assertEquals("voor de storing", sanne.get("/notes/" + before).ok().getString("text"));
      assertEquals("na de storing", sanne.get("/notes/" + after).ok().getString("text"));
    } finally {
      server.close();
      vertx.executeBlocking(() -> {
        store.close();
        return null;
      }).await();
    }
  }

  private static JsonObject note(String text) {
    return new JsonObject().put("kind", "observation").put("text", text);
  }

  private static void waitFor(BooleanSupplier condition, String failure) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, failure);
      Thread.sleep(100);
    }
  }

  private static String causes(Throwable error) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = error; t != null; t = t.getCause()) {
      all.append(t.getMessage()).append(" | ");
    }
    return all.toString();
  }
}
