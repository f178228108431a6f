package nl.leerkring.prompt;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.IdLists;
import nl.leerkring.platform.LocalTimes;
import nl.leerkring.platform.Step;
import nl.leerkring.platform.Times;

import java.time.Instant;
import java.util.List;

/**
 * The {@code prompts} collection, the only class that knows a prompt document's fields. A community's prompts
 * are found through its id list, never by scanning.
 */
public final class PromptStore {

  public static final String PROMPTS = "prompts";

  private final Database db;

  public PromptStore(Database db) {
    this.db = db;
  }

  public static String listKey(String communityId) {
    return IdLists.key(communityId, PROMPTS);
  }

  /** The prompt, or null when there is none with this id. */
  public Future<Prompt> byId(String id) {
    return db.mongo().findOne(PROMPTS, new JsonObject().put("_id", id), null)
        .map(doc -> doc == null ? null : fromDocument(doc));
  }

  public Future<List<Prompt>> newestFirst(String communityId, int offset, int limit) {
    return db.lists().newestFirst(listKey(communityId), PROMPTS, offset, limit)
        .map(docs -> docs.stream().map(PromptStore::fromDocument).toList());
  }

  /** The prompt and its place in the community's list. */
  public static List<Step> scheduled(Prompt prompt) {
    return List.of(Step.insert(PROMPTS, toDocument(prompt)), IdLists.add(listKey(prompt.communityId()), prompt.id()));
  }

  /** Goes into the same write as the answer's note, after it. */
  public static Step answered(String promptId, Prompt.Answer answer) {
    return Step.update(PROMPTS, promptId,
        new JsonObject().put("$push", new JsonObject().put("answers", toDocument(answer))));
  }

  public static JsonObject toDocument(Prompt p) {
    JsonArray answers = new JsonArray();
    p.answers().forEach(a -> answers.add(toDocument(a)));
    JsonObject doc = new JsonObject()
        .put("_id", p.id())
        .put("communityId", p.communityId())
        .put("cycle", p.cycle())
        .put("text", p.text())
        .put("sendAt", Times.format(p.sendAt()))
        .put("zone", p.zone().getId())
        .put("recipientIds", p.recipientIds() == null ? null : new JsonArray(p.recipientIds()))
        .put("createdBy", p.createdBy())
        .put("createdByName", p.createdByName())
        .put("createdAt", Times.format(p.createdAt()))
        .put("answers", answers);
    if (p.occurrenceOf() != null) {
      doc.put("occurrenceOf", p.occurrenceOf());
    }
    return doc;
  }

  public static Prompt fromDocument(JsonObject d) {
    JsonArray recipients = d.getJsonArray("recipientIds");
    List<Prompt.Answer> answers = d.getJsonArray("answers", new JsonArray()).stream().map(a -> (JsonObject) a)
        .map(a -> new Prompt.Answer(a.getString("userId"), a.getString("noteId"), Instant.parse(a.getString("at"))))
        .toList();
    return new Prompt(d.getString("_id"), d.getString("communityId"), d.getInteger("cycle"), d.getString("text"),
        Instant.parse(d.getString("sendAt")), LocalTimes.stored(d.getString("zone")),
        recipients == null ? null : IdLists.strings(recipients), d.getString("createdBy"), d.getString("createdByName"),
        Instant.parse(d.getString("createdAt")), answers, d.getString("occurrenceOf"));
  }

  private static JsonObject toDocument(Prompt.Answer a) {
    return new JsonObject().put("userId", a.userId()).put("noteId", a.noteId()).put("at", Times.format(a.at()));
  }
}
