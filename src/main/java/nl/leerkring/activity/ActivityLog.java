package nl.leerkring.activity;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Kept;
import nl.leerkring.platform.Step;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A community's activity, newest first, in buckets of {@value #BUCKET} entries. Each entry gets the next
 * number of a per-community counter; number n lives in bucket n / {@value #BUCKET}. A page therefore reads
 * the counter and at most two buckets by _id, however much the community or the whole store has written.
 */
public final class ActivityLog {

  public static final String COUNTERS = "activityCounters";
  public static final String BUCKETS = "activity";
  static final int BUCKET = 50;

  /** The communities in use at one time in a large installation. */
  private static final int KEPT = 5_000;
  /** A feed's first page reads its newest bucket or two, of some 15 KB each. */
  private static final int KEPT_BUCKETS = 1_000;

  private final Database db;
  private final MongoClient mongo;
  /** The newest entry's number per community, which every page of its feed starts from, until the next entry. */
  private final Kept<Long> newest;

  public ActivityLog(Database db) {
    this.db = db;
    this.mongo = db.mongo();
    this.newest = db.kept(COUNTERS, KEPT);
    db.keepListed(BUCKETS, null, KEPT_BUCKETS);
  }

  /**
   * Reserves the entry's number now and returns the write that adds it, to run with the writes it reports
   * on. A crash after reserving leaves only a gap in the numbers.
   */
  public Future<Step> entry(String communityId, String type, String actorId, String actorName, JsonObject about) {
    return mongo.findOneAndUpdateWithOptions(COUNTERS, new JsonObject().put("_id", communityId),
            new JsonObject().put("$inc", new JsonObject().put("seq", 1)),
            new FindOptions(), new UpdateOptions().setUpsert(true).setReturningNewDocument(true))
        .compose(counter -> db.writes().changed(COUNTERS, communityId).map(counter))
        .map(counter -> {
          long seq = counter.getLong("seq");
          return Step.upsert(BUCKETS, bucketOf(communityId, seq), new JsonObject().put("$addToSet",
              new JsonObject().put("entries", entry(seq, db.now(), type, actorId, actorName, about))));
        });
  }

  public static JsonObject entry(long seq, String at, String type, String actorId, String actorName,
                                 JsonObject about) {
    return new JsonObject()
        .put("seq", seq)
        .put("at", at)
        .put("type", type)
        .put("actorId", actorId)
        .put("actorName", actorName)
        .put("about", about);
  }

  /** The _id of the bucket that holds entry number {@code seq}. */
  public static String bucketOf(String communityId, long seq) {
    return bucketId(communityId, seq / BUCKET);
  }

  /** A bucket as {@link #entry} writes it, for loading a log in bulk. */
  public static JsonObject bucket(String bucketId, JsonArray entries) {
    return new JsonObject().put("_id", bucketId).put("entries", entries);
  }

  /** A counter as {@link #entry} leaves it after {@code seq} entries, for loading a log in bulk. */
  public static JsonObject counter(String communityId, long seq) {
    // $inc of an int 1 into a fresh counter stores a 32-bit integer; a loaded counter must have the same type.
    return new JsonObject().put("_id", communityId).put("seq", Math.toIntExact(seq));
  }

  public record Page(List<JsonObject> entries, Long next) {
  }

  /** Entries numbered below {@code before} (or the newest), newest first. */
  public Future<Page> page(String communityId, Long before, int limit) {
    return this.newest.get(communityId, () -> mongo.findOne(COUNTERS, new JsonObject().put("_id", communityId), null)
        .map(counter -> counter == null ? null : counter.getLong("seq"))).compose(last -> {
      if (last == null) {
        return Future.succeededFuture(new Page(List.of(), null));
      }
      long newest = before == null ? last : Math.min(before - 1, last);
      if (newest < 1) {
        return Future.succeededFuture(new Page(List.of(), null));
      }
      long oldestWanted = Math.max(1, newest - limit + 1);
      List<String> bucketIds = new ArrayList<>();
      for (long bucket = oldestWanted / BUCKET; bucket <= newest / BUCKET; bucket++) {
        bucketIds.add(bucketId(communityId, bucket));
      }
      return db.lists().byIds(BUCKETS, bucketIds).map(buckets -> {
        List<JsonObject> entries = new ArrayList<>();
        buckets.forEach(bucket -> bucket.getJsonArray("entries").forEach(e -> {
          JsonObject entry = (JsonObject) e;
          long seq = entry.getLong("seq");
          if (seq >= oldestWanted && seq <= newest) {
            entries.add(entry);
          }
        }));
        entries.sort(Comparator.comparing((JsonObject e) -> e.getLong("seq")).reversed());
        return new Page(entries, oldestWanted > 1 ? oldestWanted : null);
      });
    });
  }

  /** Every bucket of a community, for the rare rewrite of all its entries (an erasure's pseudonym). */
  public Future<List<JsonObject>> allBuckets(String communityId) {
    return mongo.findOne(COUNTERS, new JsonObject().put("_id", communityId), null).compose(counter -> {
      long newest = counter == null ? -1 : counter.getLong("seq");
      JsonArray ids = new JsonArray();
      for (long bucket = 0; bucket <= newest / BUCKET && newest >= 0; bucket++) {
        ids.add(bucketId(communityId, bucket));
      }
      return ids.isEmpty() ? Future.succeededFuture(List.<JsonObject>of())
          : mongo.find(BUCKETS, new JsonObject().put("_id", new JsonObject().put("$in", ids)));
    });
  }

  public static String collection() {
    return BUCKETS;
  }

  private static String bucketId(String communityId, long bucket) {
    return communityId + "/" + bucket;
  }
}
