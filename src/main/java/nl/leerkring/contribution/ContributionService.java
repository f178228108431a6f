package nl.leerkring.contribution;

import nl.leerkring.question.QuestionNews;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.web.Caller;
import nl.leerkring.activity.ActivityLog;
import nl.leerkring.community.Access;
import nl.leerkring.community.CommunityService;
import nl.leerkring.community.Membership;
import nl.leerkring.community.Role;
import nl.leerkring.platform.ClientKeys;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Ids;
import nl.leerkring.platform.Lost;
import nl.leerkring.platform.Step;
import nl.leerkring.platform.Times;
import nl.leerkring.question.Question;
import nl.leerkring.question.QuestionStore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Knowledge a lecturer brings in, linked to the questions it helps answer. The API and the pages both ask here. */
public final class ContributionService {

  private final Database db;
  private final Access access;
  private final QuestionStore questions;
  private final ActivityLog activity;

  public ContributionService(Database db, Access access, QuestionStore questions, ActivityLog activity) {
    this.db = db;
    this.access = access;
    this.questions = questions;
    this.activity = activity;
  }

  /** A community's contributions, newest first. */
  public Future<JsonArray> list(Caller caller, String communityId) {
    return access.in(caller, communityId).compose(this::newestFirst).map(all -> {
      JsonArray out = new JsonArray();
      all.forEach(c -> out.add(ContributionStore.view(c)));
      return out;
    });
  }

  public Future<JsonObject> get(Caller caller, String contributionId) {
    return db.mongo().findOne(ContributionStore.CONTRIBUTIONS, new JsonObject().put("_id", contributionId), null)
        .compose(c -> access.inCommunityOf(caller, c, "contribution").map(m -> ContributionStore.view(c)));
  }

  /**
   * Only the community's lecturer contributes, and only to questions of that same community. {@code clientToken}
   * (may be null): a repeat with the same token adds nothing new, it gets the first.
   */
  public Future<JsonObject> add(Caller caller, String communityId, JsonObject body, String clientToken) {
    return access.in(caller, communityId).compose(m -> {
      m.requireRole(Role.LECTURER);
      String clientKey = ClientKeys.of(m.userId(), clientToken);
      return questions.requireInCommunity(m.communityId(), body.getJsonArray("questionIds"), "questionIds")
          .compose(questionIds -> {
            Contribution contribution = new Contribution(Ids.newId(), m.communityId(), m.userId(),
                m.caller().displayName(), ContributionKind.parse(body.getString("kind")),
                body.getString("text").trim(), questionIds, body.getJsonArray("references", new JsonArray()).stream()
                    .map(r -> new Contribution.Reference(((JsonObject) r).getString("title"),
                        ((JsonObject) r).getString("url"))).toList(), db.clock().instant());
            List<Step> steps = new ArrayList<>(ContributionStore.added(contribution, clientKey));
            steps.add(QuestionNews.contribution(contribution.id(), Times.format(contribution.createdAt())));
            return activity.entry(m.communityId(), "contribution.added", m.userId(), m.caller().displayName(),
                    new JsonObject().put("contributionId", contribution.id()).put("kind", contribution.kind().value()))
                .compose(entry -> {
                  steps.add(entry);
                  return db.writes().apply(steps);
                })
                .map(done -> contribution)
                .recover(failure -> failure instanceof Lost && clientKey != null
                    ? ContributionStore.byClientKey(db, clientKey).compose(first -> first == null
                        ? Future.failedFuture(failure) : Future.succeededFuture(first))
                    : Future.failedFuture(failure))
                .map(Contribution::view);
          });
    });
  }

  /**
   * What a lecturer works on in one community: its questions, those marked for the lecturer first and the
   * open ones before the rest ({@code marked} holds only the marked ones), and the lecturer's own
   * contributions, newest first, each with the questions it is linked to.
   */
  public Future<JsonObject> desk(Caller caller, String communityId) {
    return access.in(caller, communityId).compose(m -> {
      m.requireRole(Role.LECTURER);
      Future<List<Question>> asked = questions.ofCommunity(m.communityId());
      Future<List<JsonObject>> given = newestFirst(m);
      return Future.all(asked, given).map(both -> {
        Map<String, JsonObject> byId = new HashMap<>();
        JsonArray all = new JsonArray();
        JsonArray marked = new JsonArray();
        asked.result().stream()
            .map(ContributionService::question)
            .sorted(Comparator.comparing((JsonObject q) -> !q.getBoolean("forLecturer"))
                .thenComparing(q -> !q.getBoolean("open")))
            .forEach(q -> {
              byId.put(q.getString("id"), q);
              all.add(q);
              if (q.getBoolean("forLecturer")) {
                marked.add(q);
              }
            });
        JsonArray mine = new JsonArray();
        given.result().stream()
            .filter(c -> m.userId().equals(c.getString("authorId")))
            .map(ContributionStore::view)
            .forEach(c -> mine.add(c.put("questions", new JsonArray(c.getJsonArray("questionIds").stream()
                .map(byId::get).filter(Objects::nonNull).toList()))));
        return new JsonObject()
            .put("community", CommunityService.summary(m))
            .put("questions", all)
            .put("marked", marked)
            .put("contributions", mine);
      });
    });
  }

  private Future<List<JsonObject>> newestFirst(Membership m) {
    return db.lists().newestFirst(ContributionStore.listKey(m.communityId()), ContributionStore.CONTRIBUTIONS,
        0, Integer.MAX_VALUE);
  }

  private static JsonObject question(Question q) {
    return q.summary()
        .put("open", q.isOpen())
        .put("forLecturer", q.forLecturer())
        .put("contributionCount", q.contributionIds().size());
  }
}
