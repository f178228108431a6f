package nl.leerkring.question;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import nl.leerkring.account.Caller;
import nl.leerkring.activity.ActivityLog;
import nl.leerkring.community.Access;
import nl.leerkring.community.Membership;
import nl.leerkring.community.Role;
import nl.leerkring.contribution.ContributionStore;
import nl.leerkring.fieldnote.NoteStore;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.IdLists;
import nl.leerkring.platform.Problem;
import nl.leerkring.platform.Step;
import nl.leerkring.web.Api;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Shared questions: raised by any member, investigated by owners, answered with a summary, across cycles. */
public final class QuestionRoutes {

  private static final Map<String, Integer> PRIORITY_ORDER = Map.of("high", 0, "medium", 1, "low", 2);

  private final Database db;
  private final Access access;
  private final QuestionStore questions;
  private final ActivityLog activity;
  private final QuestionService service;

  public QuestionRoutes(Database db, Access access, QuestionStore questions, ActivityLog activity,
                        QuestionService service) {
    this.db = db;
    this.access = access;
    this.questions = questions;
    this.activity = activity;
    this.service = service;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("listQuestions").addHandler(Api.ok(this::list));
    api.getRoute("raiseQuestion").addHandler(Api.created(ctx -> service.raise(Caller.required(ctx),
        Api.path(ctx, "communityId"), Api.body(ctx))));
    api.getRoute("getQuestion").addHandler(Api.ok(this::get));
    api.getRoute("updateQuestion").addHandler(Api.ok(this::update));
    api.getRoute("addQuestionOwner").addHandler(Api.ok(ctx -> owner(ctx, "$addToSet")));
    api.getRoute("removeQuestionOwner").addHandler(Api.ok(ctx -> owner(ctx, "$pull")));
    api.getRoute("voteQuestion").addHandler(Api.ok(ctx -> vote(ctx, "$addToSet")));
    api.getRoute("unvoteQuestion").addHandler(Api.ok(ctx -> vote(ctx, "$pull")));
  }

  private Future<JsonArray> list(RoutingContext ctx) {
    String status = Api.query(ctx, "status");
    return access.in(Caller.required(ctx), Api.path(ctx, "communityId"))
        .compose(m -> questions.ofCommunity(m.communityId()).map(all -> {
          JsonArray out = new JsonArray();
          all.stream()
              .filter(q -> status == null || status.equals(q.getString("status")))
              .sorted(Comparator.comparing((JsonObject q) -> PRIORITY_ORDER.getOrDefault(q.getString("priority"), 1))
                  .thenComparing(q -> -q.getJsonArray("votes").size())
                  .thenComparing(q -> q.getString("createdAt")))
              .forEach(q -> out.add(view(q, m)));
          return out;
        }));
  }

  private Future<JsonObject> get(RoutingContext ctx) {
    return found(ctx).compose(found -> {
      JsonObject q = found.question();
      Membership m = found.membership();
      Future<List<JsonObject>> notes = m.isMember()
          ? db.lists().byIds(NoteStore.NOTES, IdLists.strings(q.getJsonArray("noteIds")))
          : Future.succeededFuture(List.of());
      Future<List<JsonObject>> contributions =
          db.lists().byIds(ContributionStore.CONTRIBUTIONS, IdLists.strings(q.getJsonArray("contributionIds")));
      return Future.all(notes, contributions).map(both -> {
        JsonArray visibleNotes = new JsonArray();
        notes.result().stream().filter(n -> NoteStore.visibleTo(n, m.userId()))
            .forEach(n -> visibleNotes.add(NoteStore.view(n)));
        JsonArray contributionViews = new JsonArray();
        contributions.result().forEach(c -> contributionViews.add(ContributionStore.view(c)));
        return view(q, m)
            .put("history", q.getJsonArray("history"))
            .put("notes", visibleNotes)
            .put("noteCount", visibleNotes.size())
            .put("contributions", contributionViews);
      });
    });
  }

  /**
   * The facilitator, the lecturer and the question's owners move it through its states; whoever raised it
   * may still correct its priority and category.
   */
  private Future<JsonObject> update(RoutingContext ctx) {
    JsonObject body = Api.body(ctx);
    return found(ctx).compose(found -> {
      JsonObject q = found.question();
      Membership m = found.membership().requireMember();
      boolean steers = m.is(Role.FACILITATOR) || m.is(Role.LECTURER) || q.getJsonArray("owners").contains(m.userId());
      boolean raiser = m.userId().equals(q.getString("raisedBy"));
      boolean changesState = body.containsKey("status") || body.containsKey("answerSummary")
          || body.containsKey("forLecturer");
      if (changesState ? !steers : !(steers || raiser)) {
        throw Problem.forbidden("Only the facilitator, the lecturer or the question's owners can change this.");
      }
      String status = body.getString("status", q.getString("status"));
      String summary = body.getString("answerSummary", q.getString("answerSummary"));
      if ("answered".equals(status) && (summary == null || summary.isBlank())) {
        throw Problem.invalidField("answerSummary", "required", "Write a short answer summary when a question is answered.");
      }
      JsonObject set = new JsonObject();
      body.forEach(field -> set.put(field.getKey(), field.getValue() instanceof String s ? s.trim() : field.getValue()));
      JsonObject update = new JsonObject().put("$set", set);
      if (!status.equals(q.getString("status"))) {
        update.put("$push", new JsonObject().put("history", change(status, m, db.now())));
      }
      Future<Void> write = db.mongo().updateCollection(QuestionStore.QUESTIONS,
          new JsonObject().put("_id", q.getString("_id")), update).mapEmpty();
      if (!status.equals(q.getString("status"))) {
        write = activity.entry(m.communityId(), "question.status", m.userId(), m.caller().displayName(),
                new JsonObject().put("questionId", q.getString("_id")).put("text", q.getString("text"))
                    .put("status", status))
            .compose(entry -> write(update, q, entry));
      }
      return write.compose(done -> questions.byId(q.getString("_id"))).map(updated -> view(updated, m)
          .put("history", updated.getJsonArray("history")));
    });
  }

  private Future<Void> write(JsonObject update, JsonObject q, Step entry) {
    return db.writes().apply(Step.update(QuestionStore.QUESTIONS, q.getString("_id"), update), entry);
  }

  private Future<JsonObject> owner(RoutingContext ctx, String operator) {
    String userId = Api.path(ctx, "userId");
    return found(ctx).compose(found -> {
      Membership m = found.membership().requireMember();
      if (!userId.equals(m.userId()) && !m.is(Role.FACILITATOR)) {
        throw Problem.forbidden("You can only take on or hand back a question yourself.");
      }
      if (!m.hasMember(userId)) {
        throw Problem.notFound("member");
      }
      return modify(found, new JsonObject().put(operator, new JsonObject().put("owners", userId)));
    });
  }

  private Future<JsonObject> vote(RoutingContext ctx, String operator) {
    return found(ctx).compose(found -> {
      Membership m = found.membership().requireMember();
      return modify(found, new JsonObject().put(operator, new JsonObject().put("votes", m.userId())));
    });
  }

  private Future<JsonObject> modify(Found found, JsonObject update) {
    String id = found.question().getString("_id");
    return db.mongo().updateCollection(QuestionStore.QUESTIONS, new JsonObject().put("_id", id), update)
        .compose(done -> questions.byId(id))
        .map(q -> view(q, found.membership()));
  }

  private record Found(JsonObject question, Membership membership) {
  }

  private Future<Found> found(RoutingContext ctx) {
    return questions.byId(Api.path(ctx, "questionId")).compose(q ->
        access.inCommunityOf(Caller.required(ctx), q, "question").map(m -> new Found(q, m)));
  }

  static JsonObject change(String status, Membership m, String at) {
    return new JsonObject().put("status", status).put("by", m.userId()).put("byName", m.caller().displayName())
        .put("at", at).put("cycle", m.currentCycle());
  }

  static JsonObject view(JsonObject q, Membership m) {
    JsonArray votes = q.getJsonArray("votes");
    JsonArray owners = new JsonArray();
    q.getJsonArray("owners").forEach(id -> owners.add(new JsonObject().put("userId", id)
        .put("displayName", m.memberName((String) id))));
    return new JsonObject()
        .put("id", q.getString("_id"))
        .put("communityId", q.getString("communityId"))
        .put("text", q.getString("text"))
        .put("category", q.getString("category"))
        .put("priority", q.getString("priority"))
        .put("status", q.getString("status"))
        .put("forLecturer", q.getBoolean("forLecturer"))
        .put("answerSummary", q.getString("answerSummary"))
        .put("raisedBy", new JsonObject().put("userId", q.getString("raisedBy")).put("displayName", q.getString("raisedByName")))
        .put("raisedInCycle", q.getInteger("raisedInCycle"))
        .put("owners", owners)
        .put("voteCount", votes.size())
        .put("votedByMe", votes.contains(m.userId()))
        .put("contributionCount", q.getJsonArray("contributionIds").size())
        .put("createdAt", q.getString("createdAt"));
  }
}
