package nl.leerkring.scan;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Step;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code scanDrafts} collection: a person's answers while they fill in a round, so they can stop and go on
 * later (_id = round id / user id). Deleted when they send their answers, and for everyone when the round closes.
 */
public final class ScanDraftStore {

  public static final String DRAFTS = "scanDrafts";

  private final Database db;

  public ScanDraftStore(Database db) {
    this.db = db;
  }

  private static String id(String roundId, String userId) {
    return roundId + "/" + userId;
  }

  /** The answers so far; empty when there are none. */
  public Future<Map<String, Integer>> of(String roundId, String userId) {
    return db.mongo().findOne(DRAFTS, new JsonObject().put("_id", id(roundId, userId)), null).map(doc -> {
      Map<String, Integer> answers = new HashMap<>();
      if (doc != null) {
        JsonObject stored = doc.getJsonObject("answers", new JsonObject());
        stored.fieldNames().forEach(key -> answers.put(key, stored.getInteger(key)));
      }
      return answers;
    });
  }

  /** Adds these answers to the draft, replacing earlier ones for the same statements. */
  public static Step saved(String roundId, String userId, Map<String, Integer> answers) {
    JsonObject set = new JsonObject();
    answers.forEach((key, value) -> set.put("answers." + key, value));
    return Step.upsert(DRAFTS, id(roundId, userId), new JsonObject().put("$set", set));
  }

  public Future<Void> remove(String roundId, String userId) {
    return db.mongo().removeDocument(DRAFTS, new JsonObject().put("_id", id(roundId, userId))).mapEmpty();
  }

  /** The drafts of everyone asked in a round, found by their ids. */
  public Future<Void> removeAll(String roundId, List<String> userIds) {
    JsonArray ids = new JsonArray(userIds.stream().map(userId -> id(roundId, userId)).toList());
    return db.mongo().removeDocuments(DRAFTS, new JsonObject().put("_id", new JsonObject().put("$in", ids))).mapEmpty();
  }
}
