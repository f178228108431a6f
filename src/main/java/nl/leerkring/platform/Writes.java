package nl.leerkring.platform;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Multi-document writes without transactions. The steps are first recorded as one intent document, then
 * applied in order, then the intent is removed. The order of the steps is chosen so that a reader never meets
 * a reference to a document that does not exist yet: documents first, the lists that point to them after.
 * <p>
 * An intent belongs to the process that wrote it for a lease; one left behind (its process died, or a step
 * failed) is finished by whichever process sees it once the lease has run out. Each step of an intent marks
 * the document it changes and runs only where that mark is missing, so a step that ran before the crash, or
 * that another process runs at the same moment, is never applied twice (a history entry pushed twice, a
 * counter raised twice).
 * <p>
 * A write may start with one conditional {@link Step}; it is the first, so that when it loses nothing else has
 * been written: the intent is dropped, the caller gets {@link Lost}, and a replay that finds the step lost
 * drops the intent the same way instead of finishing it.
 */
public final class Writes {

  private static final Logger LOG = LoggerFactory.getLogger(Writes.class);
  static final String INTENTS = "intents";
  /** A write takes milliseconds; an intent this old has been given up by its process. */
  static final Duration LEASE = Duration.ofSeconds(60);
  /** The field in which a document keeps the marks of the last intent steps that changed it. */
  public static final String MARKS = "_steps";
  /** Replays come within a lease, and a document sees few multi-document writes in that time. */
  private static final int MARKS_KEPT = 16;

  private final MongoClient mongo;
  private final Clock clock;
  private final String owner = Ids.newId();
  private final IdLists lists;
  private final Map<String, List<Function<String, Future<Void>>>> watchers = new ConcurrentHashMap<>();

  public Writes(MongoClient mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
    this.lists = new IdLists(mongo);
  }

  /**
   * After every write that changed a document of {@code collection}, and before the write's answer,
   * {@code then} gets that document's _id: for what is kept elsewhere about such documents.
   */
  public void afterChanging(String collection, Function<String, Future<Void>> then) {
    watchers.computeIfAbsent(collection, c -> new CopyOnWriteArrayList<>()).add(then);
  }

  /**
   * Tells the watchers of {@code collection} that a document changed through a plain single-document write
   * (one made outside {@link #apply}, such as an erasure's), as {@link #apply} does for its steps.
   */
  public Future<Void> changed(String collection, String id) {
    return Future.all(watchers.getOrDefault(collection, List.of()).stream().map(then -> then.apply(id)).toList())
        .mapEmpty();
  }

  /**
   * Applies the steps, then keeps the lists they added to short ({@link IdLists#tidy}). The watchers hear of the
   * steps' documents also when a step failed: those before it changed theirs, and what is kept of them must go.
   */
  public Future<Void> apply(List<Step> steps) {
    return applyInOrder(steps).compose(x -> tidyLists(steps))
        .transform(applied -> tellWatchers(steps).transform(told -> applied.succeeded()
            ? Future.<Void>succeededFuture() : Future.<Void>failedFuture(applied.cause())));
  }

  private Future<Void> tellWatchers(List<Step> steps) {
    List<Future<Void>> told = steps.stream().filter(step -> watchers.containsKey(step.collection()))
        .flatMap(step -> watchers.get(step.collection()).stream().map(then -> then.apply(String.valueOf(step.id()))))
        .toList();
    return Future.all(told).mapEmpty();
  }

  private Future<Void> applyInOrder(List<Step> steps) {
    for (int i = 1; i < steps.size(); i++) {
      if (steps.get(i).conditional()) {
        throw new IllegalArgumentException("Only the first step of a write can be conditional");
      }
    }
    if (steps.size() <= 1) {
      return steps.isEmpty() ? Future.succeededFuture() : run(steps.get(0));
    }
    JsonArray encoded = new JsonArray();
    steps.forEach(step -> encoded.add(step.toJson()));
    String intentId = Ids.newId();
    JsonObject intent = new JsonObject().put("_id", intentId).put("owner", owner).put("at", Times.now(clock))
        .put("leaseUntil", clock.millis() + LEASE.toMillis()).put("steps", encoded);
    return mongo.insert(INTENTS, intent)
        .compose(ignored -> runAll(intentId, steps))
        .compose(applied -> mongo.removeDocument(INTENTS, new JsonObject().put("_id", intentId))
            .compose(removed -> applied ? Future.<Void>succeededFuture() : Future.failedFuture(new Lost(steps.get(0)))));
  }

  public Future<Void> apply(Step... steps) {
    return apply(List.of(steps));
  }

  /** The write is done whatever happens here: a list left long is tidied by its next addition. */
  private Future<Void> tidyLists(List<Step> steps) {
    List<Future<Void>> tidied = steps.stream().filter(IdLists::adds)
        .map(step -> lists.tidy(String.valueOf(step.id()))
            .onFailure(e -> LOG.warn("Could not move the older ids of list {} out of its head", step.id(), e)))
        .toList();
    return Future.join(tidied).<Void>mapEmpty().recover(e -> Future.succeededFuture());
  }

  /**
   * Finishes every intent whose lease ran out, or, with {@code all}, every intent there is: at the start of a
   * process that alone uses its store, whatever is there was left by an earlier run. Each intent is first
   * claimed, so that two processes never finish the same one at once.
   */
  public Future<Integer> finishAbandoned(boolean all) {
    JsonObject abandoned = all ? new JsonObject() : new JsonObject().put("$or", new JsonArray()
        .add(new JsonObject().put("leaseUntil", new JsonObject().put("$lt", clock.millis())))
        .add(new JsonObject().put("leaseUntil", new JsonObject().put("$exists", false))));
    return mongo.findWithOptions(INTENTS, abandoned, new FindOptions().setFields(new JsonObject().put("_id", 1)))
        .compose(found -> {
          List<String> ids = found.stream().map(intent -> intent.getString("_id")).toList();
          Future<Integer> chain = Future.succeededFuture(0);
          for (String id : ids) {
            chain = chain.compose(done -> finish(id, abandoned).map(finished -> done + (finished ? 1 : 0)));
          }
          return chain;
        })
        .onSuccess(finished -> {
          if (finished > 0) {
            LOG.info("Finished {} interrupted write(s)", finished);
          }
        });
  }

  private Future<Boolean> finish(String intentId, JsonObject abandoned) {
    JsonObject claim = abandoned.copy().put("_id", intentId);
    JsonObject renewed = new JsonObject().put("$set", new JsonObject().put("owner", owner)
        .put("leaseUntil", clock.millis() + LEASE.toMillis()));
    return mongo.findOneAndUpdate(INTENTS, claim, renewed).compose(intent -> {
      if (intent == null) {
        return Future.succeededFuture(false);
      }
      List<Step> steps = new ArrayList<>();
      intent.getJsonArray("steps").forEach(step -> steps.add(Step.fromJson((JsonObject) step)));
      return runAll(intentId, steps)
          .compose(applied -> mongo.removeDocument(INTENTS, new JsonObject().put("_id", intentId)))
          .compose(removed -> tellWatchers(steps))
          .map(true);
    });
  }

  /** Whether the steps were applied; false when the first was conditional and lost, and nothing was. */
  private Future<Boolean> runAll(String intentId, List<Step> steps) {
    if (steps.isEmpty()) {
      return Future.succeededFuture(true);
    }
    return runMarked(steps.get(0), intentId + "/0")
        .compose(won -> won ? runRest(intentId, steps, 1).map(true) : Future.succeededFuture(false));
  }

  private Future<Void> runRest(String intentId, List<Step> steps, int from) {
    if (from == steps.size()) {
      return Future.succeededFuture();
    }
    return runMarked(steps.get(from), intentId + "/" + from)
        .compose(ignored -> runRest(intentId, steps, from + 1));
  }

  private Future<Void> run(Step step) {
    if (step.conditional() && step.upsert()) {
      return mongo.insert(step.collection(), step.document()).<Void>mapEmpty()
          .recover(e -> Future.failedFuture(StoreErrors.isDuplicateKey(e) ? new Lost(step) : e));
    }
    return mongo.updateCollectionWithOptions(step.collection(), step.filter(), step.update(),
            new UpdateOptions().setUpsert(step.upsert()))
        .compose(result -> step.conditional() && result.getDocMatched() == 0
            ? Future.failedFuture(new Lost(step)) : Future.succeededFuture());
  }

  /**
   * Runs the step unless its document carries the step's mark, and leaves the mark. The mark is read first
   * rather than made part of the update's filter: the embedded store answers a filter on more than the _id by
   * scanning the whole collection, which made every write slower as the collection grew. Only one process
   * finishes an intent at a time (the claim), so the read and the write meet no other runner of the step
   * unless the intent's own process is still at it a whole lease later.
   */
  private Future<Boolean> runMarked(Step step, String mark) {
    JsonObject update = step.update().copy();
    // A document written as a copy of another (a prompt's next occurrence) must not bring that one's marks.
    update.forEach(operator -> {
      if (operator.getValue() instanceof JsonObject fields) {
        fields.remove(MARKS);
      }
    });
    JsonObject push = update.getJsonObject("$push", new JsonObject()).copy();
    push.put(MARKS, new JsonObject().put("$each", new JsonArray().add(mark)).put("$slice", -MARKS_KEPT));
    update.put("$push", push);
    if (step.conditional()) {
      return runConditional(step, update, mark);
    }
    return mongo.findOne(step.collection(), step.filter(), new JsonObject().put(MARKS, 1)).compose(found -> {
      if (marked(found, mark)) {
        return Future.succeededFuture(true);
      }
      return mongo.updateCollectionWithOptions(step.collection(), step.filter(), update,
          new UpdateOptions().setUpsert(step.upsert())).map(true);
    });
  }

  /**
   * A conditional step won when its document carries its mark afterwards: the mark is written in the same
   * update as the change, so another runner of the same intent that won is told apart from another request.
   */
  private Future<Boolean> runConditional(Step step, JsonObject update, String mark) {
    JsonObject byId = new JsonObject().put("_id", step.id());
    JsonObject fields = new JsonObject().put(MARKS, 1);
    return mongo.findOne(step.collection(), byId, fields).compose(found -> {
      if (marked(found, mark)) {
        return Future.succeededFuture(true);
      }
      if (step.upsert()) {
        return found != null ? Future.succeededFuture(false) : mongo.insert(step.collection(),
                step.document().put(MARKS, new JsonArray().add(mark))).map(true)
            .recover(e -> StoreErrors.isDuplicateKey(e)
                ? mongo.findOne(step.collection(), byId, fields).map(now -> marked(now, mark))
                : Future.failedFuture(e));
      }
      return found == null ? Future.succeededFuture(false)
          : mongo.updateCollection(step.collection(), step.filter(), update)
              .compose(result -> result.getDocMatched() > 0 ? Future.succeededFuture(true)
                  : mongo.findOne(step.collection(), byId, fields).map(now -> marked(now, mark)));
    });
  }

  private static boolean marked(JsonObject document, String mark) {
    return document != null && document.getJsonArray(MARKS, new JsonArray()).contains(mark);
  }

}
