package nl.leerkring.cycle;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

@DisplayName("A cycle as stored and as shown")
class CycleDocumentTest {

  private static final Instant START = Instant.parse("2026-01-05T08:00:00Z");
  private static final Cycle FIRST = Cycle.first("c-1", "Verkennen", START);
  private static final Cycle HARVESTED = FIRST.closed(new Harvest("Stooklijn lager", "We meten nu", "Buffervaten"),
      List.of("Checklist maken"), "u-fenna", Instant.parse("2026-02-20T16:00:00Z"));

  @Test
  @DisplayName("an active and a harvested cycle are read back as they were stored")
  void roundTrip() {
    assertEquals(FIRST, CycleStore.fromDocument(CycleStore.toDocument(FIRST)));
    assertEquals(HARVESTED, CycleStore.fromDocument(CycleStore.toDocument(HARVESTED)));
  }

  @Test
  @DisplayName("the next cycle starts from the next steps and the questions still open, with its own number")
  void next() {
    Cycle next = HARVESTED.next("Checklist proberen", List.of("q-1"), HARVESTED.nextSteps(), START);
    assertEquals("c-1:2", next.id());
    assertEquals(CycleStatus.ACTIVE, next.status());
    assertEquals(next, CycleStore.fromDocument(CycleStore.toDocument(next)));
    JsonObject view = next.view();
    assertEquals(new JsonArray().add("q-1"), view.getJsonArray("carriedQuestionIds"));
    assertEquals(new JsonArray().add("Checklist maken"), view.getJsonObject("startedFrom").getJsonArray("nextSteps"));
    assertNull(view.getValue("harvest"));
    assertFalse(view.containsKey("_id"));
  }
}
