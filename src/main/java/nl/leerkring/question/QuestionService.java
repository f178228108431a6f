package nl.leerkring.question;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.web.Caller;
import nl.leerkring.activity.ActivityLog;
import nl.leerkring.community.Access;
import nl.leerkring.community.Membership;
import nl.leerkring.community.Role;
import nl.leerkring.contribution.ContributionStore;
import nl.leerkring.fieldnote.NoteStore;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.IdLists;
import nl.leerkring.platform.Ids;
import nl.leerkring.platform.Problem;
import nl.leerkring.platform.Step;

import java.util.List;

/**
 * Shared questions: raised by any member, investigated by owners, answered with a summary, across cycles.
 * The API and the pages both ask here.
 */
public final class QuestionService {

  private final Database db;
  private final Access access;
  private final QuestionStore questions;
  private final ActivityLog activity;

  public QuestionService(Database db, Access access, QuestionStore questions, ActivityLog activity) {
    this.db = db;
    this.access = access;
    this.questions = questions;
    this.activity = activity;
  }

  /** By priority, then votes, then age; only those with the given status when one is given. */
  public Future<JsonArray> list(Caller caller, String communityId, String status) {
    return access.in(caller, communityId)
        .compose(m -> questions.ofCommunity(m.communityId()).map(all -> {
          JsonArray out = new JsonArray();
          all.stream()
              .filter(q -> status == null || status.equals(q.getString("status")))
              .sorted(QuestionStore.BY_PRIORITY)
              .forEach(q -> out.add(view(q, m)));
          return out;
        }));
  }

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
          .put("status", QuestionStatus.OPEN.value())
          .put("forLecturer", body.getBoolean("forLecturer", false))
          .put("raisedBy", m.userId())
          .put("raisedByName", m.caller().displayName())
          .put("raisedInCycle", m.currentCycle())
          .put("history", new JsonArray().add(change(QuestionStatus.OPEN, m, now)))
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
          .map(done -> view(question, m));
    });
  }

  /** The question with its history, the notes the caller may see and the lecturer's contributions. */
  public Future<JsonObject> get(Caller caller, String questionId) {
    return found(caller, questionId).compose(found -> {
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

  /** What the caller may do with this question, so that pages offer exactly the actions the rules allow. */
  public Future<JsonObject> allowed(Caller caller, String questionId) {
    return found(caller, questionId).map(found -> {
      Membership m = found.membership();
      return new JsonObject()
          .put("vote", m.isMember())
          .put("own", m.isMember())
          .put("steer", m.isMember() && steers(found.question(), m));
    });
  }

  /** The facilitator, the lecturer and the question's owners move a question through its states. */
  private static boolean steers(JsonObject q, Membership m) {
    return m.is(Role.FACILITATOR) || m.is(Role.LECTURER) || q.getJsonArray("owners").contains(m.userId());
  }

  /** Whoever raised a question may still correct its priority and category; its state is for those who steer. */
  public Future<JsonObject> update(Caller caller, String questionId, JsonObject body) {
    return found(caller, questionId).compose(found -> {
      JsonObject q = found.question();
      Membership m = found.membership().requireMember();
      boolean steers = steers(q, m);
      boolean raiser = m.userId().equals(q.getString("raisedBy"));
      QuestionChange change = QuestionChange.of(body);
      if (change.changesState() ? !steers : !(steers || raiser)) {
        throw Problem.forbidden("Only the facilitator, the lecturer or the question's owners can change this.");
      }
      QuestionStatus before = QuestionStatus.parse(q.getString("status"));
      QuestionStatus status = change.status() == null ? before : change.status();
      String summary = change.answerSummary() == null ? q.getString("answerSummary") : change.answerSummary();
      if (status == QuestionStatus.ANSWERED && (summary == null || summary.isBlank())) {
        throw Problem.invalidField("answerSummary", "required", "Write a short answer summary when a question is answered.");
      }
      boolean moved = status != before;
      Step update = QuestionStore.changed(q.getString("_id"), change, moved ? change(status, m, db.now()) : null);
      // A change of status is recorded in the activity too, in the same write.
      Future<Void> write = !moved
          ? db.writes().apply(update)
          : activity.entry(m.communityId(), "question.status", m.userId(), m.caller().displayName(),
                  new JsonObject().put("questionId", q.getString("_id")).put("text", q.getString("text"))
                      .put("status", status.value()))
              .compose(entry -> db.writes().apply(update, entry));
      return write.compose(done -> questions.byId(q.getString("_id"))).map(updated -> view(updated, m)
          .put("history", updated.getJsonArray("history")));
    });
  }

  /** Anyone takes on or hands back a question themselves; the facilitator may do it for any member. */
  public Future<JsonObject> owner(Caller caller, String questionId, String userId, boolean add) {
    return found(caller, questionId).compose(found -> {
      Membership m = found.membership().requireMember();
      if (!userId.equals(m.userId()) && !m.is(Role.FACILITATOR)) {
        throw Problem.forbidden("You can only take on or hand back a question yourself.");
      }
      if (!m.hasMember(userId)) {
        throw Problem.notFound("member");
      }
      return modify(found, new JsonObject().put(add ? "$addToSet" : "$pull", new JsonObject().put("owners", userId)));
    });
  }

  public Future<JsonObject> vote(Caller caller, String questionId, boolean add) {
    return found(caller, questionId).compose(found -> {
      Membership m = found.membership().requireMember();
      return modify(found, new JsonObject().put(add ? "$addToSet" : "$pull", new JsonObject().put("votes", m.userId())));
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

  private Future<Found> found(Caller caller, String questionId) {
    return questions.byId(questionId).compose(q ->
        access.inCommunityOf(caller, q, "question").map(m -> new Found(q, m)));
  }

  private static JsonObject change(QuestionStatus status, Membership m, String at) {
    return QuestionStore.statusChange(status, m.userId(), m.caller().displayName(), at, m.currentCycle());
  }

  /** A question as another feature lists it: what it asks, where it stands and who raised it. */
  public static JsonObject summary(JsonObject q) {
    return new JsonObject()
        .put("id", q.getString("_id"))
        .put("text", q.getString("text"))
        .put("status", q.getString("status"))
        .put("raisedByName", q.getString("raisedByName"));
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
