package nl.leerkring.question;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The order in which a group works through its questions, on the pages and in the API alike. */
@DisplayName("Question order")
class QuestionOrderTest {

  /** As stored, so that an older document without a priority is read the way the store reads it. */
  private static Question question(String id, String priority, int votes, String createdAt) {
    JsonArray voters = new JsonArray();
    for (int i = 0; i < votes; i++) {
      voters.add("member-" + i);
    }
    JsonObject q = new JsonObject().put("_id", id).put("status", "open").put("votes", voters)
        .put("createdAt", createdAt);
    return QuestionStore.fromDocument(priority == null ? q : q.put("priority", priority));
  }

  private static List<String> ordered(Question... questions) {
    return Stream.of(questions).sorted(Question.BY_PRIORITY).map(Question::id).toList();
  }

  @Test
  @DisplayName("A high-priority question comes before a medium one, and that before a low one, whatever the votes")
  void priorityFirst() {
    assertEquals(List.of("high", "medium", "low"), ordered(
        question("low", "low", 9, "2026-01-01T00:00:00Z"),
        question("medium", "medium", 5, "2026-01-02T00:00:00Z"),
        question("high", "high", 0, "2026-01-03T00:00:00Z")));
  }

  @Test
  @DisplayName("Of two questions with the same priority, the one with more votes comes first")
  void moreVotesFirst() {
    assertEquals(List.of("three", "one"), ordered(
        question("one", "medium", 1, "2026-01-01T00:00:00Z"),
        question("three", "medium", 3, "2026-01-02T00:00:00Z")));
  }

  @Test
  @DisplayName("With the same priority and votes, the question raised first comes first")
  void olderFirst() {
    assertEquals(List.of("older", "newer"), ordered(
        question("newer", "high", 2, "2026-03-01T10:00:00Z"),
        question("older", "high", 2, "2026-02-01T10:00:00Z")));
  }

  @Test
  @DisplayName("A question without a priority counts as medium, and one nobody voted for as no votes")
  void missingPriorityIsMedium() {
    Question unvoted = QuestionStore.fromDocument(new JsonObject().put("_id", "unvoted").put("status", "open")
        .put("priority", "medium").put("createdAt", "2026-01-01T00:00:00Z"));
    assertEquals(List.of("high", "none", "unvoted", "low"), ordered(
        question("low", "low", 4, "2026-01-01T00:00:00Z"),
        unvoted,
        question("none", null, 1, "2026-01-05T00:00:00Z"),
        question("high", "high", 0, "2026-01-09T00:00:00Z")));
  }
}
