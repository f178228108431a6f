package nl.leerkring.web;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import nl.leerkring.platform.EmbeddedStore;
import nl.leerkring.support.MutableClock;
import nl.leerkring.support.Person;
import nl.leerkring.support.StoreWire;
import nl.leerkring.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a page costs the store (issue 14): the commands a request sends and the bytes it reads, counted on the wire
 * between the server and its store, for the pages the page benchmark measures. Each bound is what the page needs
 * today; a change that makes a page read more fails here before it shows in the benchmark.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Store commands and bytes per page")
class StoreCommandsTest {

  private static final int REQUESTS = 20;

  private static EmbeddedStore store;
  private static StoreWire wire;
  private static TestServer server;

  @BeforeAll
  static void start(Vertx vertx) {
    // With change streams, as several processes share a store: the server then keeps copies (platform.Kept) as it
    // does on its own embedded store, which it would reach without this relay.
    store = vertx.executeBlocking(() -> EmbeddedStore.startShared(TestServer.temporaryDataDir(), 64)).await();
    wire = new StoreWire(vertx, Integer.parseInt(store.connectionString()
        .substring(store.connectionString().lastIndexOf(':') + 1)));
    // The scheduler stays quiet during the count: its polls would be counted as the pages'.
    server = TestServer.start(vertx, TestServer.temporaryDataDir(), wire.uri(), true, new MutableClock(),
        new JsonObject().put("schedulerPollMillis", 3_600_000));
  }

  @AfterAll
  static void stop(Vertx vertx) {
    if (server != null) {
      server.close();
    }
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

  /** {@code commands}: at most this many on average (the driver's own heartbeats add a few tenths). */
  private record Bound(String target, Function<Person, Integer> request, double commands, int kilobytes) {
  }

  @Test
  @DisplayName("Sanne's community page, home, question list and activity stay within their store commands and bytes")
  void perPage() {
    Person sanne = server.demo("sanne");
    Map<String, Bound> bounds = new LinkedHashMap<>();
    for (Bound bound : new Bound[] {
        // Before the kept copies (December 2026): 10 commands and 14 KiB, 8 and 8.8, 3 and 5.8, 4 and 7.1, 4 and 2.8.
        // Now none: the sessions, the questions, the activity bucket and its notes are kept copies.
        new Bound("community page", p -> p.page("/c/demo-warmtepomp").status(), 0.5, 2),
        // The prompts of her one community (its sessions are kept copies).
        new Bound("home", p -> p.page("/").status(), 1.5, 8),
        // The questions as the API lists them are kept copies too.
        new Bound("question list JSON", p -> p.get("/communities/demo-warmtepomp/questions").status(), 0.5, 8),
        new Bound("activity JSON", p -> p.get("/communities/demo-warmtepomp/activity?limit=20").status(), 0.5, 2),
        new Bound("journal", p -> p.page("/journal").status(), 1.5, 4)}) {
      bounds.put(bound.target(), bound);
    }
    StringBuilder table = new StringBuilder("| target | store commands | KiB read | KiB sent |\n| --- | ---: | ---: | ---: |\n");
    StringBuilder over = new StringBuilder();
    for (Bound bound : bounds.values()) {
      // Twice first, so that the caller and the compiled templates are there, as on a server that has been up.
      assertEquals(200, bound.request().apply(sanne), bound.target());
      assertEquals(200, bound.request().apply(sanne), bound.target());
      StoreWire.Counts before = wire.counts();
      for (int i = 0; i < REQUESTS; i++) {
        bound.request().apply(sanne);
      }
      StoreWire.Counts cost = wire.counts().minus(before);
      double commands = (double) cost.commands() / REQUESTS;
      double read = cost.bytesRead() / 1024.0 / REQUESTS;
      table.append(String.format("| %s | %.1f | %.1f | %.1f |%n", bound.target(), commands, read,
          cost.bytesSent() / 1024.0 / REQUESTS));
      if (commands > bound.commands() || read > bound.kilobytes()) {
        over.append(bound.target()).append(' ');
      }
    }
    System.out.println("Per request, over " + REQUESTS + " requests each:\n" + table);
    assertTrue(over.isEmpty(), () -> "over their bounds: " + over + "\n" + table);
  }
}
