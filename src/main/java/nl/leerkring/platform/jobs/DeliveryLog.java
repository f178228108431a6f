package nl.leerkring.platform.jobs;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.IdLists;
import nl.leerkring.platform.Step;

import java.util.List;

/**
 * The delivery log: one document per job, person and channel, its _id made of the three. Writing it is
 * idempotent, and a channel checks it before sending, so a job run twice (after a crash, or by two
 * processes) reaches each person once. Each prompt and session keeps the list of its deliveries.
 */
public final class DeliveryLog {

  public static final String DELIVERIES = "deliveries";
  public static final String IN_APP = "inapp";
  public static final String EMAIL = "email";

  private final Database db;

  public DeliveryLog(Database db) {
    this.db = db;
  }

  public static String id(String jobId, String userId, String channel) {
    return jobId + "/" + userId + "/" + channel;
  }

  /** The list of deliveries of one prompt or session. */
  public static String listKey(String refId) {
    return IdLists.key(refId, "deliveries");
  }

  /** Records how one delivery ended: sent, skipped (with the reason) or failed. */
  public static List<Step> record(String deliveryId, String refId, String userId, String channel, String status,
                                  String reason, String now) {
    return List.of(
        Step.upsert(DELIVERIES, deliveryId, new JsonObject().put("$set", new JsonObject()
            .put("refId", refId)
            .put("userId", userId)
            .put("channel", channel)
            .put("status", status)
            .put("reason", reason)
            .put("at", now))),
        IdLists.add(listKey(refId), deliveryId));
  }

  public Future<JsonObject> byId(String deliveryId) {
    return db.mongo().findOne(DELIVERIES, new JsonObject().put("_id", deliveryId), null);
  }
}
