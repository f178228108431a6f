package nl.leerkring.question;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.platform.Times;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A shared question (a knowledge gap the group named). Owners investigate it; votes say how many want it
 * answered; the contributions that feed it are linked by id, the notes in a list of their own (a question may
 * gather thousands: see {@link QuestionStore#noteIds}); its history records every change of status.
 */
public record Question(String id, String communityId, String text, String category, Priority priority,
                       QuestionStatus status, boolean forLecturer, String answerSummary, String raisedBy,
                       String raisedByName, int raisedInCycle, List<StatusChange> history, List<String> owners,
                       List<String> votes, List<String> contributionIds, Instant createdAt) {

  /** The order in which a group works through its questions: priority, then votes, then age. */
  public static final Comparator<Question> BY_PRIORITY = Comparator.comparing(Question::priority)
      .thenComparing(q -> -q.votes().size())
      .thenComparing(Question::createdAt);

  public Question {
    history = List.copyOf(history);
    owners = List.copyOf(owners);
    votes = List.copyOf(votes);
    contributionIds = List.copyOf(contributionIds);
  }

  /** Who moved the question to which status, when, in which cycle. */
  public record StatusChange(QuestionStatus status, String by, String byName, Instant at, int cycle) {

    JsonObject view() {
      return new JsonObject().put("status", status.value()).put("by", by).put("byName", byName)
          .put("at", Times.format(at)).put("cycle", cycle);
    }
  }

  /** A question as its raiser names it: open, with its first history entry, nobody owning or voting yet. */
  public static Question raised(String id, String communityId, String text, String category, Priority priority,
                                boolean forLecturer, String by, String byName, int cycle, Instant at) {
    return new Question(id, communityId, text, category, priority, QuestionStatus.OPEN, forLecturer, null, by,
        byName, cycle, List.of(new StatusChange(QuestionStatus.OPEN, by, byName, at, cycle)), List.of(), List.of(),
        List.of(), at);
  }

  public boolean isOpen() {
    return status.isOpen();
  }

  /** A question as another feature lists it: what it asks, where it stands and who raised it. */
  public JsonObject summary() {
    return new JsonObject().put("id", id).put("text", text).put("status", status.value())
        .put("raisedByName", raisedByName);
  }

  /** The API's view for one reader: owners by name, the vote count and whether the reader voted. */
  public JsonObject view(String readerId, UnaryOperator<String> memberName) {
    JsonArray ownerViews = new JsonArray();
    owners.forEach(o -> ownerViews.add(new JsonObject().put("userId", o).put("displayName", memberName.apply(o))));
    return new JsonObject()
        .put("id", id)
        .put("communityId", communityId)
        .put("text", text)
        .put("category", category)
        .put("priority", priority.value())
        .put("status", status.value())
        .put("forLecturer", forLecturer)
        .put("answerSummary", answerSummary)
        .put("raisedBy", new JsonObject().put("userId", raisedBy).put("displayName", raisedByName))
        .put("raisedInCycle", raisedInCycle)
        .put("owners", ownerViews)
        .put("voteCount", votes.size())
        .put("votedByMe", votes.contains(readerId))
        .put("contributionCount", contributionIds.size())
        .put("createdAt", Times.format(createdAt));
  }

  public JsonArray historyView() {
    JsonArray out = new JsonArray();
    history.forEach(h -> out.add(h.view()));
    return out;
  }
}
