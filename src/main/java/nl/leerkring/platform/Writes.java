package nl.leerkring.platform;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;

/**
 * Multi-document writes without transactions. The steps are first recorded as one intent document, then
 * applied in order, then the intent is removed. A crash in between leaves the intent behind, and
 * {@link #replayPending()} finishes it at start-up. The order of the steps is chosen so that a reader never
 * meets a reference to a document that does not exist yet: documents first, the lists that point to them
 * after.
 */
public final class Writes {

  private static final Logger LOG = LoggerFactory.getLogger(Writes.class);
  static final String INTENTS = "intents";

  private final MongoClient mongo;
  private final Clock clock;

  public Writes(MongoClient mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  public Future<Void> apply(List<Step> steps) {
    if (steps.size() == 1) {
      return run(steps.get(0));
    }
    JsonArray encoded = new JsonArray();
    steps.forEach(step -> encoded.add(step.toJson()));
    String intentId = Ids.newId();
    JsonObject intent = new JsonObject().put("_id", intentId).put("at", Times.now(clock)).put("steps", encoded);
    return mongo.insert(INTENTS, intent)
        .compose(ignored -> runAll(steps, 0))
        .compose(ignored -> mongo.removeDocument(INTENTS, new JsonObject().put("_id", intentId)))
        .mapEmpty();
  }

  public Future<Void> apply(Step... steps) {
    return apply(List.of(steps));
  }

  /** The intents collection only ever holds writes that were under way, so reading it whole is cheap. */
  public Future<Integer> replayPending() {
    return mongo.find(INTENTS, new JsonObject()).compose(intents -> {
      Future<Void> chain = Future.succeededFuture();
      for (JsonObject intent : intents) {
        List<Step> steps = intent.getJsonArray("steps").stream()
            .map(step -> Step.fromJson((JsonObject) step)).toList();
        chain = chain
            .compose(ignored -> runAll(steps, 0))
            .compose(ignored -> mongo.removeDocument(INTENTS, new JsonObject().put("_id", intent.getString("_id"))))
            .mapEmpty();
      }
      if (!intents.isEmpty()) {
        LOG.info("Finished {} interrupted write(s) left by an earlier run", intents.size());
      }
      return chain.map(intents.size());
    });
  }

  private Future<Void> runAll(List<Step> steps, int from) {
    if (from == steps.size()) {
      return Future.succeededFuture();
    }
    return run(steps.get(from)).compose(ignored -> runAll(steps, from + 1));
  }

  private Future<Void> run(Step step) {
    return mongo.updateCollectionWithOptions(step.collection(), step.filter(), step.update(),
        new UpdateOptions().setUpsert(step.upsert())).mapEmpty();
  }
}
