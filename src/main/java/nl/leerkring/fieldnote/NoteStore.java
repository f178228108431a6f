package nl.leerkring.fieldnote;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.activity.ActivityLog;
import nl.leerkring.community.Membership;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.IdLists;
import nl.leerkring.platform.Ids;
import nl.leerkring.platform.Step;
import nl.leerkring.question.QuestionStore;
import nl.leerkring.question.QuestionNews;

import java.util.ArrayList;
import java.util.List;

/**
 * Field notes. A private note is seen by its author and nobody else: not the facilitator, not the lecturer,
 * not the employer. Each note is listed in its community's list and in its author's journal.
 */
public final class NoteStore {

  public static final String NOTES = "notes";

  private final Database db;
  private final QuestionStore questions;
  private final ActivityLog activity;

  public NoteStore(Database db, QuestionStore questions, ActivityLog activity) {
    this.db = db;
    this.questions = questions;
    this.activity = activity;
  }

  static String communityList(String communityId) {
    return IdLists.key(communityId, "notes");
  }

  static String journal(String userId) {
    return IdLists.key(userId, "journal");
  }

  public static boolean visibleTo(JsonObject note, String userId) {
    return "community".equals(note.getString("visibility")) || userId.equals(note.getString("authorId"));
  }

  public Future<JsonObject> byId(String id) {
    return db.mongo().findOne(NOTES, new JsonObject().put("_id", id), null);
  }

  /**
   * Writes a note with its links: the note first, then the lists and questions that point to it, so nobody
   * ever follows a link to a note that is not there. Prompt answers come through here too.
   */
  public Future<JsonObject> write(Membership m, JsonObject input, String promptId) {
    return questions.requireInCommunity(m.communityId(), input.getJsonArray("questionIds"), "questionIds")
        .compose(questionIds -> {
          String id = Ids.newId();
          JsonObject note = new JsonObject()
              .put("_id", id)
              .put("communityId", m.communityId())
              .put("cycle", m.currentCycle())
              .put("authorId", m.userId())
              .put("authorName", m.caller().displayName())
              .put("kind", input.getString("kind"))
              .put("text", input.getString("text").trim())
              .put("visibility", input.getString("visibility", "community"))
              .put("questionIds", new JsonArray(questionIds))
              .put("edits", new JsonArray())
              .put("createdAt", db.now());
          putIfPresent(note, input, "tried");
          putIfPresent(note, input, "happened");
          if (promptId != null) {
            note.put("promptId", promptId);
          }
          List<Step> steps = new ArrayList<>();
          steps.add(Step.insert(NOTES, note));
          steps.add(IdLists.add(communityList(m.communityId()), id));
          steps.add(IdLists.add(journal(m.userId()), id));
          questionIds.forEach(q -> steps.add(QuestionStore.link(q, "noteIds", id)));
          if (!questionIds.isEmpty()) {
            steps.add(QuestionNews.note(id, note.getString("createdAt")));
          }
          return entry(m, note).compose(entry -> {
            if (entry != null) {
              steps.add(entry);
            }
            return db.writes().apply(steps);
          }).map(done -> note);
        });
  }

  /** Private notes never enter the activity; a community note is shown there through its id only. */
  private Future<Step> entry(Membership m, JsonObject note) {
    if (!"community".equals(note.getString("visibility"))) {
      return Future.succeededFuture();
    }
    return activity.entry(m.communityId(), "note.written", m.userId(), m.caller().displayName(),
        new JsonObject().put("noteId", note.getString("_id")).put("kind", note.getString("kind")));
  }

  static void putIfPresent(JsonObject note, JsonObject input, String field) {
    String value = input.getString(field);
    if (value != null) {
      note.put(field, value.trim());
    }
  }

  public static JsonObject view(JsonObject note) {
    JsonObject out = note.copy();
    out.put("id", out.remove("_id"));
    JsonObject photo = note.getJsonObject("photo");
    if (photo != null) {
      out.put("photo", new JsonObject().put("contentType", photo.getString("contentType"))
          .put("url", "/api/v1/notes/" + note.getString("_id") + "/photo"));
    }
    return out;
  }
}
