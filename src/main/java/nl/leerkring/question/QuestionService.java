package nl.leerkring.question;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.account.Caller;
import nl.leerkring.activity.ActivityLog;
import nl.leerkring.community.Access;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.IdLists;
import nl.leerkring.platform.Ids;
import nl.leerkring.platform.Step;

/** Rules for shared questions that more than one way in uses: the API, the pages, a live session. */
public final class QuestionService {

  private final Database db;
  private final Access access;
  private final ActivityLog activity;

  public QuestionService(Database db, Access access, ActivityLog activity) {
    this.db = db;
    this.access = access;
    this.activity = activity;
  }

  /** Any member may name a knowledge gap; it starts open, in the community's current cycle. */
  public Future<JsonObject> raise(Caller caller, String communityId, JsonObject body) {
    return access.in(caller, communityId).compose(m -> {
      m.requireMember();
      String id = Ids.newId();
      String now = db.now();
      JsonObject question = new JsonObject()
          .put("_id", id)
          .put("communityId", m.communityId())
          .put("text", body.getString("text").trim())
          .put("category", body.getString("category", "").trim())
          .put("priority", body.getString("priority", "medium"))
          .put("status", "open")
          .put("forLecturer", body.getBoolean("forLecturer", false))
          .put("raisedBy", m.userId())
          .put("raisedByName", m.caller().displayName())
          .put("raisedInCycle", m.currentCycle())
          .put("history", new JsonArray().add(QuestionRoutes.change("open", m, now)))
          .put("owners", new JsonArray())
          .put("votes", new JsonArray())
          .put("noteIds", new JsonArray())
          .put("contributionIds", new JsonArray())
          .put("createdAt", now);
      return activity.entry(m.communityId(), "question.raised", m.userId(), m.caller().displayName(),
              new JsonObject().put("questionId", id).put("text", question.getString("text")))
          .compose(entry -> db.writes().apply(
              Step.insert(QuestionStore.QUESTIONS, question),
              IdLists.add(QuestionStore.listKey(m.communityId()), id),
              entry))
          .map(done -> QuestionRoutes.view(question, m));
    });
  }
}
