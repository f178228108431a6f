package nl.leerkring.scan;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Step;

/**
 * The {@code scanAnswered} collection: that a person answered a round (_id = round id / user id), and nothing
 * else: no answers, no time. Its unique id is what refuses a second answer.
 */
public final class ScanAnsweredStore {

  public static final String ANSWERED = "scanAnswered";

  private final Database db;

  public ScanAnsweredStore(Database db) {
    this.db = db;
  }

  private static String id(String roundId, String userId) {
    return roundId + "/" + userId;
  }

  public Future<Boolean> has(String roundId, String userId) {
    return db.mongo().findOne(ANSWERED, new JsonObject().put("_id", id(roundId, userId)), null).map(doc -> doc != null);
  }

  /** Loses ({@link nl.leerkring.platform.Lost}) when the person answered already. */
  public static Step claimed(String roundId, String userId) {
    return Step.claim(ANSWERED, new JsonObject().put("_id", id(roundId, userId)));
  }

  /** Undoes a claim whose answers could not be stored, so the person can send them again. */
  public Future<Void> release(String roundId, String userId) {
    return db.mongo().removeDocument(ANSWERED, new JsonObject().put("_id", id(roundId, userId))).mapEmpty();
  }
}
