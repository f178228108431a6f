package nl.leerkring.question;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("A shared question as stored and as shown")
class QuestionDocumentTest {

  private static final Instant RAISED = Instant.parse("2026-02-10T14:00:00Z");
  private static final Question ANSWERED = new Question("q-1", "c-1", "Welke aanvoertemperatuur?", "techniek",
      Priority.HIGH, QuestionStatus.ANSWERED, true, "Begin op 45 °C.", "u-sanne", "Sanne", 1,
      List.of(new Question.StatusChange(QuestionStatus.OPEN, "u-sanne", "Sanne", RAISED, 1),
          new Question.StatusChange(QuestionStatus.ANSWERED, "u-fenna", "Fenna", RAISED.plusSeconds(86_400), 2)),
      List.of("u-sanne"), List.of("u-mehmet", "u-joost"), List.of("k-1"), RAISED);

  @Test
  @DisplayName("an answered question with its history, owners, votes and links is read back as stored")
  void roundTrip() {
    assertEquals(ANSWERED, QuestionStore.fromDocument(QuestionStore.toDocument(ANSWERED)));
    Question raised = Question.raised("q-2", "c-1", "Buffervat?", "", Priority.MEDIUM, false, "u-joost", "Joost", 2,
        RAISED);
    assertEquals(raised, QuestionStore.fromDocument(QuestionStore.toDocument(raised)));
  }

  @Test
  @DisplayName("a question just raised is open, with one history entry and nobody owning or voting for it")
  void raised() {
    Question q = Question.raised("q-2", "c-1", "Buffervat?", "", Priority.LOW, false, "u-joost", "Joost", 2, RAISED);
    assertTrue(q.isOpen());
    assertEquals(List.of(new Question.StatusChange(QuestionStatus.OPEN, "u-joost", "Joost", RAISED, 2)), q.history());
    assertTrue(q.owners().isEmpty() && q.votes().isEmpty());
    assertFalse(ANSWERED.isOpen());
  }

  @Test
  @DisplayName("the API names owners, counts votes and says whether the reader voted, without the stored ids")
  void view() {
    Map<String, String> names = Map.of("u-sanne", "Sanne Visser");
    JsonObject forMehmet = ANSWERED.view("u-mehmet", names::get);
    assertEquals("Sanne Visser", forMehmet.getJsonArray("owners").getJsonObject(0).getString("displayName"));
    assertEquals(2, forMehmet.getInteger("voteCount"));
    assertTrue(forMehmet.getBoolean("votedByMe"));
    assertFalse(ANSWERED.view("u-bram", names::get).getBoolean("votedByMe"));
    assertFalse(forMehmet.containsKey("_id") || forMehmet.containsKey("votes") || forMehmet.containsKey("noteIds"));
    assertEquals("2026-02-11T14:00:00Z", ANSWERED.historyView().getJsonObject(1).getString("at"));
  }
}
