package nl.leerkring.prompt;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.web.Caller;
import nl.leerkring.community.Access;
import nl.leerkring.community.Role;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Problem;
import nl.leerkring.platform.jobs.DeliveryLog;

/** For the facilitator: who a prompt reached, how, and whether they answered (not what). */
public final class PromptDeliveries {

  private final Database db;
  private final PromptStore prompts;
  private final Access access;

  public PromptDeliveries(Database db, Access access) {
    this.db = db;
    this.prompts = new PromptStore(db);
    this.access = access;
  }

  public Future<JsonObject> ofPrompt(Caller caller, String promptId) {
    return prompts.byId(promptId)
        .compose(prompt -> access.inCommunityOf(caller, prompt == null ? null : prompt.communityId(), "prompt")
            .compose(m -> {
          // The prompt is theirs to see; only the delivery log is the facilitator's.
          if (!m.is(Role.FACILITATOR)) {
            throw Problem.forbidden("Only the facilitator sees who a prompt reached.");
          }
          return db.lists().all(DeliveryLog.listKey(promptId), DeliveryLog.DELIVERIES).map(all -> {
            JsonArray deliveries = new JsonArray();
            all.forEach(d -> deliveries.add(new JsonObject()
                .put("userId", d.getString("userId"))
                .put("displayName", m.memberName(d.getString("userId")))
                .put("channel", d.getString("channel"))
                .put("status", d.getString("status"))
                .put("reason", d.getString("reason"))
                .put("at", d.getString("at"))));
            JsonArray answeredBy = new JsonArray();
            prompt.answers().forEach(a -> answeredBy.add(a.userId()));
            return new JsonObject().put("promptId", promptId).put("deliveries", deliveries).put("answeredBy", answeredBy);
          });
        }));
  }
}
