package nl.leerkring.prompt;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("A prompt as stored")
class PromptDocumentTest {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final Instant MONDAY = Instant.parse("2026-03-02T06:30:00Z");

  private static final Prompt TO_TWO = new Prompt("p-1", "c-1", 2, "Wat heb je geleerd?", MONDAY, AMSTERDAM,
      List.of("u-sanne", "u-kees"), "u-fenna", "Fenna", Instant.parse("2026-03-01T09:00:00Z"),
      List.of(new Prompt.Answer("u-sanne", "n-1", Instant.parse("2026-03-02T12:00:00Z"))), null);

  @Test
  @DisplayName("a prompt to some members, with an answer, is read back as it was stored")
  void roundTrip() {
    assertEquals(TO_TWO, PromptStore.fromDocument(PromptStore.toDocument(TO_TWO)));
  }

  @Test
  @DisplayName("a prompt to everyone keeps 'everyone' (no list), also as a repeated occurrence")
  void everyone() {
    Prompt everyone = new Prompt("p-2", "c-1", 2, "Probeer iets nieuws", MONDAY, AMSTERDAM, null, "u-fenna", "Fenna",
        MONDAY, List.of(), null);
    Prompt second = everyone.occurrence(2, MONDAY.plusSeconds(7 * 24 * 3600));
    assertEquals("p-2-2", second.id());
    assertEquals("p-2", second.occurrenceOf());
    assertTrue(second.answers().isEmpty());
    assertEquals(second, PromptStore.fromDocument(PromptStore.toDocument(second)));
    assertTrue(PromptStore.fromDocument(PromptStore.toDocument(everyone)).isFor("u-anyone"));
  }

  @Test
  @DisplayName("a prompt reaches its recipients once its time has come, and knows who answered")
  void reaches() {
    assertTrue(TO_TWO.isFor("u-kees"));
    assertFalse(TO_TWO.isFor("u-priya"));
    assertFalse(TO_TWO.sentBy(MONDAY.minusSeconds(1)));
    assertTrue(TO_TWO.sentBy(MONDAY));
    assertTrue(TO_TWO.answeredBy("u-sanne"));
    assertFalse(TO_TWO.answeredBy("u-kees"));
  }
}
