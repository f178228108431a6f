package nl.leerkring.question;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.IdLists;
import nl.leerkring.platform.Step;
import nl.leerkring.platform.Times;
import nl.leerkring.platform.jobs.DeliveryJob;
import nl.leerkring.platform.jobs.Jobs;
import nl.leerkring.platform.jobs.Outcome;
import nl.leerkring.notification.Fanout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Tells the owners of a question that a field note or a lecturer's contribution now feeds it. A private note
 * tells nobody: it exists for its author only.
 */
public final class QuestionNews extends DeliveryJob<QuestionNews.News> {

  static final String KIND = "questionNews";

  private final Database db;

  public QuestionNews(Database db) {
    super(db.clock());
    this.db = db;
  }

  /** The hook for a new field note. */
  public static Step note(String noteId, String now) {
    return Jobs.at("questionNews:note:" + noteId, KIND, Instant.parse(now),
        new JsonObject().put("collection", "notes").put("id", noteId).put("kind", "questionNote"));
  }

  /** The hook for a new contribution. */
  public static Step contribution(String contributionId, String now) {
    return Jobs.at("questionNews:contribution:" + contributionId, KIND, Instant.parse(now),
        new JsonObject().put("collection", "contributions").put("id", contributionId).put("kind", "questionContribution"));
  }

  @Override
  public String kind() {
    return KIND;
  }

  /** The note or contribution, and the questions it feeds. */
  record News(JsonObject thing, List<JsonObject> questions) {
  }

  @Override
  protected Future<News> load(JsonObject job) {
    JsonObject data = Jobs.data(job);
    return db.mongo().findOne(data.getString("collection"), new JsonObject().put("_id", data.getString("id")), null)
        .compose(thing -> thing == null ? Future.succeededFuture() : db.lists()
            .byIds("questions", IdLists.strings(thing.getJsonArray("questionIds", new JsonArray())))
            .map(questions -> new News(thing, questions)));
  }

  @Override
  protected String skipReason(JsonObject job, News news) {
    return news == null || "private".equals(news.thing().getString("visibility")) ? "not_shared" : null;
  }

  @Override
  protected Future<Outcome> deliver(JsonObject job, News news, Instant now) {
    return Future.succeededFuture(tell(job, Jobs.data(job), news.thing(), news.questions(), Times.format(now)));
  }

  private Outcome tell(JsonObject job, JsonObject data, JsonObject thing, List<JsonObject> questions, String now) {
    String author = thing.getString("authorId");
    List<Step> steps = new ArrayList<>();
    for (JsonObject question : questions) {
      Set<String> owners = new LinkedHashSet<>(IdLists.strings(question.getJsonArray("owners", new JsonArray())));
      owners.remove(author);
      String jobId = job.getString("_id") + ":" + question.getString("_id");
      for (String owner : owners) {
        steps.addAll(Fanout.inApp(jobId, question.getString("_id"), owner, data.getString("kind"),
            new JsonArray().add(thing.getString("authorName")).add(question.getString("text")),
            "/questions/" + question.getString("_id"), now));
      }
    }
    return Outcome.sent(steps);
  }
}
