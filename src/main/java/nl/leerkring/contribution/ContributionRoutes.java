package nl.leerkring.contribution;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import nl.leerkring.account.Caller;
import nl.leerkring.activity.ActivityLog;
import nl.leerkring.community.Access;
import nl.leerkring.community.Role;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.IdLists;
import nl.leerkring.platform.Ids;
import nl.leerkring.platform.Step;
import nl.leerkring.question.QuestionStore;
import nl.leerkring.schedule.QuestionNews;
import nl.leerkring.web.Api;

import java.util.ArrayList;
import java.util.List;

/** Knowledge a lecturer brings in, linked to the questions it helps answer. */
public final class ContributionRoutes {

  private final Database db;
  private final Access access;
  private final QuestionStore questions;
  private final ActivityLog activity;

  public ContributionRoutes(Database db, Access access, QuestionStore questions, ActivityLog activity) {
    this.db = db;
    this.access = access;
    this.questions = questions;
    this.activity = activity;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("listContributions").addHandler(Api.ok(this::list));
    api.getRoute("addContribution").addHandler(Api.created(this::add));
    api.getRoute("getContribution").addHandler(Api.ok(ctx -> db.mongo()
        .findOne(ContributionStore.CONTRIBUTIONS, new JsonObject().put("_id", Api.path(ctx, "contributionId")), null)
        .compose(c -> access.inCommunityOf(Caller.required(ctx), c, "contribution").map(m -> ContributionStore.view(c)))));
  }

  private Future<JsonArray> list(RoutingContext ctx) {
    return access.in(Caller.required(ctx), Api.path(ctx, "communityId"))
        .compose(m -> db.lists().newestFirst(ContributionStore.listKey(m.communityId()),
            ContributionStore.CONTRIBUTIONS, 0, Integer.MAX_VALUE))
        .map(all -> {
          JsonArray out = new JsonArray();
          all.forEach(c -> out.add(ContributionStore.view(c)));
          return out;
        });
  }

  private Future<JsonObject> add(RoutingContext ctx) {
    JsonObject body = Api.body(ctx);
    return access.in(Caller.required(ctx), Api.path(ctx, "communityId")).compose(m -> {
      m.requireRole(Role.LECTURER);
      return questions.requireInCommunity(m.communityId(), body.getJsonArray("questionIds"), "questionIds")
          .compose(questionIds -> {
            String id = Ids.newId();
            JsonObject contribution = new JsonObject()
                .put("_id", id)
                .put("communityId", m.communityId())
                .put("authorId", m.userId())
                .put("authorName", m.caller().displayName())
                .put("kind", body.getString("kind"))
                .put("text", body.getString("text").trim())
                .put("questionIds", new JsonArray(questionIds))
                .put("references", body.getJsonArray("references", new JsonArray()))
                .put("createdAt", db.now());
            List<Step> steps = new ArrayList<>();
            steps.add(Step.insert(ContributionStore.CONTRIBUTIONS, contribution));
            steps.add(IdLists.add(ContributionStore.listKey(m.communityId()), id));
            questionIds.forEach(q -> steps.add(QuestionStore.link(q, "contributionIds", id)));
            steps.add(QuestionNews.contribution(id, contribution.getString("createdAt")));
            return activity.entry(m.communityId(), "contribution.added", m.userId(), m.caller().displayName(),
                    new JsonObject().put("contributionId", id).put("kind", contribution.getString("kind")))
                .compose(entry -> {
                  steps.add(entry);
                  return db.writes().apply(steps);
                })
                .map(done -> ContributionStore.view(contribution));
          });
    });
  }
}
