package nl.leerkring.schedule;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.account.Caller;
import nl.leerkring.community.Access;
import nl.leerkring.community.Role;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.IdLists;
import nl.leerkring.platform.Problem;
import nl.leerkring.platform.Step;

import java.util.List;

/**
 * The delivery log: one document per job, person and channel, its _id made of the three. Writing it is
 * idempotent, and a channel checks it before sending, so a job run twice (after a crash, or by two
 * processes) reaches each person once. Each prompt and session keeps the list of its deliveries.
 */
public final class Deliveries {

  static final String DELIVERIES = "deliveries";
  public static final String IN_APP = "inapp";
  public static final String EMAIL = "email";

  private final Database db;
  private final Access access;

  public Deliveries(Database db, Access access) {
    this.db = db;
    this.access = access;
  }

  public static String id(String jobId, String userId, String channel) {
    return jobId + "/" + userId + "/" + channel;
  }

  static String listKey(String refId) {
    return IdLists.key(refId, "deliveries");
  }

  /** Records how one delivery ended: sent, skipped (with the reason) or failed. */
  static List<Step> record(String deliveryId, String refId, String userId, String channel, String status, String reason,
                           String now) {
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

  Future<JsonObject> byId(String deliveryId) {
    return db.mongo().findOne(DELIVERIES, new JsonObject().put("_id", deliveryId), null);
  }

  /** For the facilitator: who a prompt reached, how, and whether they answered (not what). */
  public Future<JsonObject> ofPrompt(Caller caller, String promptId) {
    return db.mongo().findOne("prompts", new JsonObject().put("_id", promptId), null)
        .compose(prompt -> access.inCommunityOf(caller, prompt, "prompt").compose(m -> {
          // The prompt is theirs to see; only the delivery log is the facilitator's.
          if (!m.is(Role.FACILITATOR)) {
            throw Problem.forbidden("Only the facilitator sees who a prompt reached.");
          }
          return db.lists().all(listKey(promptId), DELIVERIES).map(all -> {
            JsonArray deliveries = new JsonArray();
            all.forEach(d -> deliveries.add(new JsonObject()
                .put("userId", d.getString("userId"))
                .put("displayName", m.memberName(d.getString("userId")))
                .put("channel", d.getString("channel"))
                .put("status", d.getString("status"))
                .put("reason", d.getString("reason"))
                .put("at", d.getString("at"))));
            JsonArray answeredBy = new JsonArray();
            prompt.getJsonArray("answers", new JsonArray())
                .forEach(a -> answeredBy.add(((JsonObject) a).getString("userId")));
            return new JsonObject().put("promptId", promptId).put("deliveries", deliveries).put("answeredBy", answeredBy);
          });
        }));
  }
}
