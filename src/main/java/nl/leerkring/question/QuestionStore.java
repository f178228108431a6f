package nl.leerkring.question;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.platform.ClientKeys;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.IdLists;
import nl.leerkring.platform.Problem;
import nl.leerkring.platform.Step;
import nl.leerkring.platform.Times;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Shared questions; the only code that knows their stored shape. A community's questions are found through its id list, never by scanning. */
public final class QuestionStore {

  public static final String QUESTIONS = "questions";
  private static final String LEGACY_NOTE_IDS = "noteIds";

  private final Database db;

  public QuestionStore(Database db) {
    this.db = db;
    db.keepListed(QUESTIONS, LISTED, KEPT);
    db.keepListed(QUESTIONS, LISTED_WITH_ANSWERS, KEPT);
  }

  public static String listKey(String communityId) {
    return IdLists.key(communityId, "questions");
  }

  public Future<Question> byId(String id) {
    return db.mongo().findOne(QUESTIONS, new JsonObject().put("_id", id), null)
        .map(d -> d == null ? null : fromDocument(d));
  }

  /** In the order of the ids given, skipping those that are gone. */
  public Future<List<Question>> byIds(List<String> ids) {
    return db.lists().byIds(QUESTIONS, ids).map(QuestionStore::fromDocuments);
  }

  public Future<List<Question>> ofCommunity(String communityId) {
    return db.lists().all(listKey(communityId), QUESTIONS).map(QuestionStore::fromDocuments);
  }

  /** What lists of questions show; a question's history and links grow with its life and stay in the store. */
  /** Listed questions of the communities in use at one time; one is under a kilobyte. */
  private static final int KEPT = 10_000;
  private static final JsonObject LISTED = new JsonObject().put("communityId", 1).put("text", 1).put("category", 1)
      .put("priority", 1).put("status", 1).put("forLecturer", 1).put("raisedBy", 1).put("raisedByName", 1)
      .put("raisedInCycle", 1).put("owners", 1).put("votes", 1).put("createdAt", 1);

  /** What the API's question list shows besides: the answer and how many contributions were linked. */
  private static final JsonObject LISTED_WITH_ANSWERS = LISTED.copy().put("answerSummary", 1)
      .put("contributionIds", 1);

  /**
   * Every question of a community as the API lists them, kept like the lists' (the list then reads nothing from
   * the store): without their history (empty in what this returns), which only a single question shows.
   */
  public Future<List<Question>> listedWithAnswers(String communityId) {
    return db.lists().all(listKey(communityId), QUESTIONS, LISTED_WITH_ANSWERS).map(QuestionStore::fromDocuments);
  }

  /**
   * The newest {@code limit} questions of a community, newest first, as lists show them: without their history,
   * answer summary and linked notes and contributions (empty in what this returns).
   */
  public Future<List<Question>> newestListed(String communityId, int limit) {
    return db.lists().newestFirst(listKey(communityId), QUESTIONS, 0, limit, LISTED).map(QuestionStore::fromDocuments);
  }

  /** The newest {@code limit} questions of a community, newest first. */
  public Future<List<Question>> newest(String communityId, int limit) {
    return db.lists().newestFirst(listKey(communityId), QUESTIONS, 0, limit).map(QuestionStore::fromDocuments);
  }

  /** Checks that every id names a question of this community, so a note cannot point into another one. */
  public Future<List<String>> requireInCommunity(String communityId, JsonArray ids, String field) {
    List<String> wanted = ids == null ? List.of() : IdLists.strings(ids);
    return byIds(wanted).map(found -> {
      long ours = found.stream().filter(q -> communityId.equals(q.communityId())).count();
      if (ours != wanted.size()) {
        throw Problem.invalidField(field, "unknown_questions", "One or more questions do not exist in this community.");
      }
      return wanted;
    });
  }

  /** The question and its place in its community's list. */
  public static List<Step> written(Question q) {
    return written(q, null);
  }

  /** The same, raised only once per client key (see {@link ClientKeys}): a repeat loses. */
  public static List<Step> written(Question q, String clientKey) {
    Step question = clientKey == null ? Step.insert(QUESTIONS, toDocument(q))
        : Step.claim(QUESTIONS, toDocument(q).put(ClientKeys.FIELD, clientKey));
    return List.of(question, IdLists.add(listKey(q.communityId()), q.id()));
  }

  /** The question an earlier request with this client key raised, or null. */
  public Future<Question> byClientKey(String clientKey) {
    return db.mongo().findOne(QUESTIONS, new JsonObject().put(ClientKeys.FIELD, clientKey), null)
        .map(d -> d == null ? null : fromDocument(d));
  }

  public static Step owner(String questionId, String userId, boolean add) {
    return Step.update(QUESTIONS, questionId,
        new JsonObject().put(add ? "$addToSet" : "$pull", new JsonObject().put("owners", userId)));
  }

  public static Step vote(String questionId, String userId, boolean add) {
    return Step.update(QUESTIONS, questionId,
        new JsonObject().put(add ? "$addToSet" : "$pull", new JsonObject().put("votes", userId)));
  }

  /**
   * A question's notes are a list of their own ({@link IdLists}): kept in the question, thousands of ids made
   * every list of questions and every note written slower as a community grew. Questions from before December
   * 2026 may still hold some in their {@code noteIds}: an unlink takes the note from both places.
   */
  public static List<Step> noteLinked(String questionId, String noteId, boolean linked) {
    return linked ? List.of(IdLists.add(notesKey(questionId), noteId))
        : List.of(IdLists.remove(notesKey(questionId), noteId), unlink(questionId, LEGACY_NOTE_IDS, noteId));
  }

  public static String notesKey(String questionId) {
    return IdLists.key(questionId, "notes");
  }

  /** The ids of a question's notes, oldest first. */
  public Future<List<String>> noteIds(String questionId) {
    Future<JsonObject> legacy = db.mongo().findOne(QUESTIONS, new JsonObject().put("_id", questionId),
        new JsonObject().put(LEGACY_NOTE_IDS, 1));
    return Future.all(legacy, db.lists().ids(notesKey(questionId))).map(both -> {
      Set<String> ids = new LinkedHashSet<>(legacy.result() == null ? List.of() : strings(legacy.result(), LEGACY_NOTE_IDS));
      ids.addAll(both.<List<String>>resultAt(1));
      return List.copyOf(ids);
    });
  }

  public static Step contributionLinked(String questionId, String contributionId) {
    return link(questionId, "contributionIds", contributionId);
  }

  /** The update for a change: exactly the fields it names, and the history entry when the status moves. */
  public static Step changed(String questionId, QuestionChange change, Question.StatusChange historyEntry) {
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
      update.put("$push", new JsonObject().put("history", toDocument(historyEntry)));
    }
    return Step.update(QUESTIONS, questionId, update);
  }

  private static Step link(String questionId, String field, String id) {
    return Step.update(QUESTIONS, questionId,
        new JsonObject().put("$addToSet", new JsonObject().put(field, id)));
  }

  private static Step unlink(String questionId, String field, String id) {
    return Step.update(QUESTIONS, questionId, new JsonObject().put("$pull", new JsonObject().put(field, id)));
  }

  public static JsonObject toDocument(Question q) {
    JsonArray history = new JsonArray();
    q.history().forEach(h -> history.add(toDocument(h)));
    JsonObject doc = new JsonObject()
        .put("_id", q.id())
        .put("communityId", q.communityId())
        .put("text", q.text())
        .put("category", q.category())
        .put("priority", q.priority().value())
        .put("status", q.status().value())
        .put("forLecturer", q.forLecturer())
        .put("raisedBy", q.raisedBy())
        .put("raisedByName", q.raisedByName())
        .put("raisedInCycle", q.raisedInCycle())
        .put("history", history)
        .put("owners", new JsonArray(q.owners()))
        .put("votes", new JsonArray(q.votes()))
        .put("contributionIds", new JsonArray(q.contributionIds()))
        .put("createdAt", Times.format(q.createdAt()));
    if (q.answerSummary() != null) {
      doc.put("answerSummary", q.answerSummary());
    }
    return doc;
  }

  public static Question fromDocument(JsonObject d) {
    List<Question.StatusChange> history = d.getJsonArray("history", new JsonArray()).stream()
        .map(h -> (JsonObject) h)
        .map(h -> new Question.StatusChange(QuestionStatus.parse(h.getString("status")), h.getString("by"),
            h.getString("byName"), Instant.parse(h.getString("at")), h.getInteger("cycle", 1)))
        .toList();
    // A question without a priority or category (an older document) counts as medium, uncategorised.
    return new Question(d.getString("_id"), d.getString("communityId"), d.getString("text"),
        d.getString("category", ""), Priority.parse(d.getString("priority", Priority.MEDIUM.value())),
        QuestionStatus.parse(d.getString("status")), d.getBoolean("forLecturer", false),
        d.getString("answerSummary"), d.getString("raisedBy"), d.getString("raisedByName"),
        d.getInteger("raisedInCycle", 1), history, strings(d, "owners"), strings(d, "votes"),
        strings(d, "contributionIds"), Instant.parse(d.getString("createdAt")));
  }

  private static List<String> strings(JsonObject d, String field) {
    return IdLists.strings(d.getJsonArray(field, new JsonArray()));
  }

  private static List<Question> fromDocuments(List<JsonObject> documents) {
    return documents.stream().map(QuestionStore::fromDocument).toList();
  }

  private static JsonObject toDocument(Question.StatusChange h) {
    return new JsonObject().put("status", h.status().value()).put("by", h.by()).put("byName", h.byName())
        .put("at", Times.format(h.at())).put("cycle", h.cycle());
  }
}
