package nl.leerkring.question;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.IdLists;
import nl.leerkring.platform.Problem;
import nl.leerkring.platform.Step;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Shared questions; a community's questions are found through its id list, never by scanning. */
public final class QuestionStore {

  /** The order in which a group works through its questions: priority, then votes, then age. */
  public static final Comparator<JsonObject> BY_PRIORITY =
      // A question without a priority (an older document) counts as medium.
      Comparator.comparing((JsonObject q) -> Priority.parse(q.getString("priority", Priority.MEDIUM.value())))
          .thenComparing(q -> -q.getJsonArray("votes", new JsonArray()).size())
          .thenComparing(q -> q.getString("createdAt"));

  public static final String QUESTIONS = "questions";
  public static final Set<String> OPEN = Arrays.stream(QuestionStatus.values()).filter(QuestionStatus::isOpen)
      .map(QuestionStatus::value).collect(Collectors.toUnmodifiableSet());

  private final Database db;

  public QuestionStore(Database db) {
    this.db = db;
  }

  public static String listKey(String communityId) {
    return IdLists.key(communityId, "questions");
  }

  public Future<JsonObject> byId(String id) {
    return db.mongo().findOne(QUESTIONS, new JsonObject().put("_id", id), null);
  }

  /** In the order of the ids given, skipping those that are gone. */
  public Future<List<JsonObject>> byIds(List<String> ids) {
    return db.lists().byIds(QUESTIONS, ids);
  }

  public Future<List<JsonObject>> ofCommunity(String communityId) {
    return db.lists().all(listKey(communityId), QUESTIONS);
  }

  /** Checks that every id names a question of this community, so a note cannot point into another one. */
  public Future<List<String>> requireInCommunity(String communityId, JsonArray ids, String field) {
    List<String> wanted = ids == null ? List.of() : IdLists.strings(ids);
    return db.lists().byIds(QUESTIONS, wanted).map(found -> {
      long ours = found.stream().filter(q -> communityId.equals(q.getString("communityId"))).count();
      if (ours != wanted.size()) {
        throw Problem.invalidField(field, "unknown_questions", "One or more questions do not exist in this community.");
      }
      return wanted;
    });
  }

  /** The update for a change: exactly the fields it names, and the history entry when the status moves. */
  public static Step changed(String questionId, QuestionChange change, JsonObject historyEntry) {
    JsonObject set = new JsonObject();
    if (change.status() != null) {
      set.put("status", change.status().value());
    }
    if (change.answerSummary() != null) {
      set.put("answerSummary", change.answerSummary());
    }
    if (change.priority() != null) {
      set.put("priority", change.priority().value());
    }
    if (change.category() != null) {
      set.put("category", change.category());
    }
    if (change.forLecturer() != null) {
      set.put("forLecturer", change.forLecturer());
    }
    JsonObject update = new JsonObject().put("$set", set);
    if (historyEntry != null) {
      update.put("$push", new JsonObject().put("history", historyEntry));
    }
    return Step.update(QUESTIONS, questionId, update);
  }

  /** One entry of a question's history: who moved it to which status, when, in which cycle. */
  public static JsonObject statusChange(QuestionStatus status, String by, String byName, String at, int cycle) {
    return new JsonObject().put("status", status.value()).put("by", by).put("byName", byName).put("at", at)
        .put("cycle", cycle);
  }

  public static Step link(String questionId, String field, String id) {
    return Step.update(QUESTIONS, questionId,
        new JsonObject().put("$addToSet", new JsonObject().put(field, id)));
  }

  public static Step unlink(String questionId, String field, String id) {
    return Step.update(QUESTIONS, questionId, new JsonObject().put("$pull", new JsonObject().put(field, id)));
  }
}
