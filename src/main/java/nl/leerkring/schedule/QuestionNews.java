package nl.leerkring.schedule;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.IdLists;
import nl.leerkring.platform.Step;
import nl.leerkring.platform.Times;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Tells the owners of a question that a field note or a lecturer's contribution now feeds it. A private note
 * tells nobody: it exists for its author only.
 */
public final class QuestionNews implements JobHandler {

  static final String KIND = "questionNews";

  private final Database db;

  QuestionNews(Database db) {
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

  @Override
  public Future<Outcome> run(JsonObject job) {
    JsonObject data = Jobs.data(job);
    return db.mongo().findOne(data.getString("collection"), new JsonObject().put("_id", data.getString("id")), null)
        .compose(thing -> {
          if (thing == null || "private".equals(thing.getString("visibility"))) {
            return Future.succeededFuture(Outcome.skipped("not_shared"));
          }
          List<String> questionIds = IdLists.strings(thing.getJsonArray("questionIds", new JsonArray()));
          return db.lists().byIds("questions", questionIds).map(questions -> tell(job, data, thing, questions));
        });
  }

  private Outcome tell(JsonObject job, JsonObject data, JsonObject thing, List<JsonObject> questions) {
    String now = Times.format(db.clock().instant());
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
