package nl.leerkring.question;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.web.Caller;
import nl.leerkring.activity.ActivityLog;
import nl.leerkring.community.Access;
import nl.leerkring.community.Membership;
import nl.leerkring.community.Role;
import nl.leerkring.platform.ClientKeys;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Lost;
import nl.leerkring.platform.Ids;
import nl.leerkring.platform.Problem;
import nl.leerkring.platform.Step;

import java.util.ArrayList;
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
  private final Linked linked;

  /**
   * What feeds a question, read by the features that own it (field notes, contributions): they depend on
   * questions, so questions reach them through this rather than through their stores.
   */
  public interface Linked {

    /** The API views of those notes the reader may see, in the order given. */
    Future<JsonArray> notes(List<String> ids, String readerId);

    Future<JsonArray> contributions(List<String> ids);

    /** Learning snacks (#12.4): a member's view of the question's snacks ({@code items}) and the form's {@code kinds}. */
    Future<JsonObject> snacks(Membership m, String questionId);
  }

  public QuestionService(Database db, Access access, QuestionStore questions, ActivityLog activity, Linked linked) {
    this.db = db;
    this.access = access;
    this.questions = questions;
    this.activity = activity;
    this.linked = linked;
  }

  /** By priority, then votes, then age; only those with the given status when one is given. */
  public Future<JsonArray> list(Caller caller, String communityId, String status) {
    return access.in(caller, communityId)
        .compose(m -> questions.listedWithAnswers(m.communityId()).map(all -> {
          JsonArray out = new JsonArray();
          all.stream()
              .filter(q -> status == null || status.equals(q.status().value()))
              .sorted(Question.BY_PRIORITY)
              .forEach(q -> out.add(view(q, m)));
          return out;
        }));
  }

  /** {@code clientToken} (may be null): a repeat with the same token raises nothing new, it gets the first. */
  public Future<JsonObject> raise(Caller caller, String communityId, JsonObject body, String clientToken) {
    return access.in(caller, communityId).compose(m -> {
      m.requireMember();
      String clientKey = ClientKeys.of(m.userId(), clientToken);
      Question question = Question.raised(Ids.newId(), m.communityId(), body.getString("text").trim(),
          body.getString("category", "").trim(), Priority.parse(body.getString("priority", "medium")),
          body.getBoolean("forLecturer", false), m.userId(), m.caller().displayName(), m.currentCycle(),
          db.clock().instant());
      List<Step> steps = new ArrayList<>(QuestionStore.written(question, clientKey));
      return activity.entry(m.communityId(), "question.raised", m.userId(), m.caller().displayName(),
              new JsonObject().put("questionId", question.id()).put("text", question.text()))
          .compose(entry -> {
            steps.add(entry);
            return db.writes().apply(steps);
          })
          .map(done -> question)
          .recover(failure -> failure instanceof Lost && clientKey != null
              ? questions.byClientKey(clientKey).compose(first -> first == null ? Future.failedFuture(failure)
                  : Future.succeededFuture(first))
              : Future.failedFuture(failure))
          .map(raised -> view(raised, m));
    });
  }

  /** The question with its history, the notes the caller may see and the lecturer's contributions. */
  public Future<JsonObject> get(Caller caller, String questionId) {
    return found(caller, questionId).compose(found -> {
      Question q = found.question();
      Membership m = found.membership();
      Future<JsonArray> notes = m.isMember()
          ? questions.noteIds(q.id()).compose(ids -> linked.notes(ids, m.userId()))
          : Future.succeededFuture(new JsonArray());
      Future<JsonArray> contributions = linked.contributions(q.contributionIds());
      return Future.all(notes, contributions).map(both -> view(q, m)
          .put("history", q.historyView())
          .put("notes", notes.result())
          .put("noteCount", notes.result().size())
          .put("contributions", contributions.result()));
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
  private static boolean steers(Question q, Membership m) {
    return m.is(Role.FACILITATOR) || m.is(Role.LECTURER) || q.owners().contains(m.userId());
  }

  /** Whoever raised a question may still correct its priority and category; its state is for those who steer. */
  public Future<JsonObject> update(Caller caller, String questionId, JsonObject body) {
    return found(caller, questionId).compose(found -> {
      Question q = found.question();
      Membership m = found.membership().requireMember();
      boolean steers = steers(q, m);
      boolean raiser = m.userId().equals(q.raisedBy());
      QuestionChange change = QuestionChange.of(body);
      if (change.changesState() ? !steers : !(steers || raiser)) {
        throw Problem.forbidden("Only the facilitator, the lecturer or the question's owners can change this.");
      }
      QuestionStatus before = q.status();
      QuestionStatus status = change.status() == null ? before : change.status();
      String summary = change.answerSummary() == null ? q.answerSummary() : change.answerSummary();
      if (status == QuestionStatus.ANSWERED && (summary == null || summary.isBlank())) {
        throw Problem.invalidField("answerSummary", "required", "Write a short answer summary when a question is answered.");
      }
      boolean moved = status != before;
      Step update = QuestionStore.changed(q.id(), change, moved ? change(status, m) : null);
      // A change of status is recorded in the activity too, in the same write.
      Future<Void> write = !moved
          ? db.writes().apply(update)
          : activity.entry(m.communityId(), "question.status", m.userId(), m.caller().displayName(),
                  new JsonObject().put("questionId", q.id()).put("text", q.text()).put("status", status.value()))
              .compose(entry -> db.writes().apply(update, entry));
      return write.compose(done -> questions.byId(q.id())).map(updated -> view(updated, m)
          .put("history", updated.historyView()));
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
      return modify(found, QuestionStore.owner(found.question().id(), userId, add));
    });
  }

  public Future<JsonObject> vote(Caller caller, String questionId, boolean add) {
    return found(caller, questionId).compose(found -> {
      Membership m = found.membership().requireMember();
      return modify(found, QuestionStore.vote(found.question().id(), m.userId(), add));
    });
  }

  /** The question's learning snacks and the kinds the form offers; nothing for those who are no member. */
  public Future<JsonObject> snacks(Caller caller, String questionId) {
    return found(caller, questionId).compose(found -> found.membership().isMember()
        ? linked.snacks(found.membership(), questionId) : Future.succeededFuture(new JsonObject()));
  }

  private Future<JsonObject> modify(Found found, Step update) {
    return db.writes().apply(update)
        .compose(done -> questions.byId(found.question().id()))
        .map(q -> view(q, found.membership()));
  }

  private record Found(Question question, Membership membership) {
  }

  private Future<Found> found(Caller caller, String questionId) {
    return questions.byId(questionId).compose(q ->
        access.inCommunityOf(caller, q == null ? null : q.communityId(), "question").map(m -> new Found(q, m)));
  }

  private Question.StatusChange change(QuestionStatus status, Membership m) {
    return new Question.StatusChange(status, m.userId(), m.caller().displayName(), db.clock().instant(),
        m.currentCycle());
  }

  static JsonObject view(Question q, Membership m) {
    return q.view(m.userId(), m::memberName);
  }
}
