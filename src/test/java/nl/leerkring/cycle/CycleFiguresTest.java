package nl.leerkring.cycle;

import nl.leerkring.question.Priority;
import nl.leerkring.question.Question;
import nl.leerkring.question.QuestionStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Which questions a cycle counts, and in which status")
class CycleFiguresTest {

  private static final Instant AT = Instant.parse("2026-10-01T08:00:00Z");

  /** Raised in {@code raisedIn}, then moved to each status in its cycle, in this order. */
  private static Question question(int raisedIn, Object... moves) {
    Question q = Question.raised("q", "c", "Waarom?", "", Priority.MEDIUM, false, "u", "U", raisedIn, AT);
    List<Question.StatusChange> history = new ArrayList<>(q.history());
    for (int i = 0; i < moves.length; i += 2) {
      history.add(new Question.StatusChange((QuestionStatus) moves[i], "u", "U", AT, (Integer) moves[i + 1]));
    }
    QuestionStatus now = history.get(history.size() - 1).status();
    return new Question(q.id(), q.communityId(), q.text(), q.category(), q.priority(), now, false, null, "u", "U",
        raisedIn, history, List.of(), List.of(), List.of(), AT);
  }

  @Test
  @DisplayName("A question answered in cycle 2 was still open at the end of cycle 1, and counts in cycle 2, not 3")
  void answeredLater() {
    Question q = question(1, QuestionStatus.INVESTIGATING, 1, QuestionStatus.ANSWERED, 2);
    assertEquals(QuestionStatus.INVESTIGATING, CycleFigures.statusAtEnd(q, 1));
    assertEquals(QuestionStatus.ANSWERED, CycleFigures.statusAtEnd(q, 2));
    assertTrue(CycleFigures.inCycle(q, 2), "carried into cycle 2 open");
    assertTrue(CycleFigures.reachedIn(q, 2, QuestionStatus.ANSWERED));
    assertFalse(CycleFigures.reachedIn(q, 1, QuestionStatus.ANSWERED));
    assertFalse(CycleFigures.inCycle(q, 3), "answered before cycle 3 and not touched in it");
  }

  @Test
  @DisplayName("A question raised in cycle 2 is not in cycle 1; one answered and opened again counts as reopened")
  void raisedLaterAndReopened() {
    assertFalse(CycleFigures.inCycle(question(2), 1));
    Question reopened = question(1, QuestionStatus.ANSWERED, 1, QuestionStatus.OPEN, 1);
    assertEquals(QuestionStatus.OPEN, CycleFigures.statusAtEnd(reopened, 1));
    assertFalse(CycleFigures.reachedIn(reopened, 1, QuestionStatus.ANSWERED), "no longer answered at the end");
  }
}
