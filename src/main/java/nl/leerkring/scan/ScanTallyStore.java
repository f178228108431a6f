package nl.leerkring.scan;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Step;

import java.util.HashMap;
import java.util.Map;

/**
 * The {@code scanTallies} collection: one document per round (_id = round id) with the counts of its answers.
 * An answer is added with one atomic increment of the counts, never as a document of its own: nothing in the
 * store can be read back as one person's answers, nor ordered by when they came.
 */
public final class ScanTallyStore {

  public static final String TALLIES = "scanTallies";

  private final Database db;

  public ScanTallyStore(Database db) {
    this.db = db;
  }

  public Future<Tally> of(String roundId) {
    return db.mongo().findOne(TALLIES, new JsonObject().put("_id", roundId), null)
        .map(doc -> doc == null ? Tally.empty() : fromDocument(doc));
  }

  /**
   * One person's complete answers, as increments. Written on its own (one document, no intent): a multi-document
   * write would mark this document with the same write id as the person's "has answered" mark.
   */
  public static Step added(String roundId, QuestionSet set, Map<String, Integer> answers) {
    JsonObject inc = new JsonObject().put("respondents", 1);
    answers.forEach((key, value) -> inc.put("counts." + key + "." + field(value), 1));
    Tally.answeredBlocks(set, answers).forEach(block -> inc.put("blocks." + block, 1));
    return Step.upsert(TALLIES, roundId, new JsonObject().put("$inc", inc));
  }

  private static String field(int value) {
    return value == Tally.DONT_KNOW ? "dk" : "v" + value;
  }

  public static Tally fromDocument(JsonObject d) {
    Map<String, int[]> counts = new HashMap<>();
    JsonObject stored = d.getJsonObject("counts", new JsonObject());
    for (String key : stored.fieldNames()) {
      JsonObject chosen = stored.getJsonObject(key);
      int[] values = new int[Tally.SCALE + 1];
      for (int v = 0; v <= Tally.SCALE; v++) {
        values[v] = chosen.getInteger(field(v), 0);
      }
      counts.put(key, values);
    }
    Map<String, Integer> blocks = new HashMap<>();
    JsonObject storedBlocks = d.getJsonObject("blocks", new JsonObject());
    storedBlocks.fieldNames().forEach(key -> blocks.put(key, storedBlocks.getInteger(key)));
    return new Tally(d.getInteger("respondents", 0), counts, blocks);
  }
}
