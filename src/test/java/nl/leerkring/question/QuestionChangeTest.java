package nl.leerkring.question;

import io.vertx.core.json.JsonObject;
import nl.leerkring.platform.Step;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Changing a shared question")
class QuestionChangeTest {

  @Test
  @DisplayName("the one who raised it corrects priority and category: only those two fields are set, trimmed")
  void correction() {
    QuestionChange change = QuestionChange.of(new JsonObject().put("priority", "high").put("category", " klant "));
    assertFalse(change.changesState());
    Step step = QuestionStore.changed("q-1", change, null);
    assertEquals(new JsonObject().put("$set", new JsonObject().put("priority", "high").put("category", "klant")),
        step.update());
  }

  @Test
  @DisplayName("answering it sets status and summary and adds one history entry")
  void answer() {
    QuestionChange change = QuestionChange.of(new JsonObject().put("status", "answered")
        .put("answerSummary", "Begin op 45 °C. "));
    assertTrue(change.changesState());
    Question.StatusChange entry = new Question.StatusChange(QuestionStatus.ANSWERED, "u-ruben", "Ruben",
        Instant.parse("2026-03-02T10:00:00Z"), 2);
    JsonObject update = QuestionStore.changed("q-1", change, entry).update();
    assertEquals(new JsonObject().put("status", "answered").put("answerSummary", "Begin op 45 °C."),
        update.getJsonObject("$set"));
    assertEquals(new JsonObject().put("history", new JsonObject().put("status", "answered").put("by", "u-ruben")
        .put("byName", "Ruben").put("at", "2026-03-02T10:00:00Z").put("cycle", 2)), update.getJsonObject("$push"));
  }

  @Test
  @DisplayName("asking the lecturer is a change of state, for those who steer")
  void forLecturer() {
    assertTrue(QuestionChange.of(new JsonObject().put("forLecturer", false)).changesState());
  }

  @Test
  @DisplayName("open and investigating questions are still open; answered and parked ones are not")
  void open() {
    assertTrue(QuestionStatus.isOpen("open"));
    assertTrue(QuestionStatus.isOpen("investigating"));
    assertFalse(QuestionStatus.isOpen("answered"));
    assertFalse(QuestionStatus.isOpen("parked"));
    assertFalse(QuestionStatus.isOpen("unknown"));
  }
}
