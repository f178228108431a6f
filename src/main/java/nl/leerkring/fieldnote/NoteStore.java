package nl.leerkring.fieldnote;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.activity.ActivityLog;
import nl.leerkring.community.Membership;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.IdLists;
import nl.leerkring.platform.ClientKeys;
import nl.leerkring.platform.Ids;
import nl.leerkring.platform.Lost;
import nl.leerkring.platform.Step;
import nl.leerkring.question.QuestionStore;
import nl.leerkring.question.QuestionNews;

import nl.leerkring.platform.Times;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Field notes. A private note is seen by its author and nobody else: not the facilitator, not the lecturer,
 * not the employer. Each note is listed in its community's list and in its author's journal.
 */
public final class NoteStore {

  public static final String NOTES = "notes";
  /**
   * What a feed needs of a note for its excerpt and {@link #visibleTo}: no experiment texts, photo, links or edits
   * (those read this way have none).
   */
  /** Notes as feeds show them, of the communities in use at one time; one is under a kilobyte. */
  private static final int KEPT_EXCERPTS = 10_000;
  public static final JsonObject EXCERPTED = new JsonObject().put("communityId", 1).put("cycle", 1)
      .put("authorId", 1).put("authorName", 1).put("kind", 1).put("text", 1).put("visibility", 1).put("createdAt", 1);

  private final Database db;
  private final QuestionStore questions;
  private final ActivityLog activity;

  public NoteStore(Database db, QuestionStore questions, ActivityLog activity) {
    this.db = db;
    db.keepListed(NOTES, EXCERPTED, KEPT_EXCERPTS);
    this.questions = questions;
    this.activity = activity;
  }

  /** The list of a community's notes, private ones included. */
  public static String communityList(String communityId) {
    return IdLists.key(communityId, "notes");
  }

  static String journal(String userId) {
    return IdLists.key(userId, "journal");
  }

  public static boolean visibleTo(JsonObject note, String userId) {
    return fromDocument(note).visibleTo(userId);
  }

  /** The API views of those of the notes the reader may see, in the order given. */
  public Future<JsonArray> visibleViews(List<String> ids, String readerId) {
    return db.lists().byIds(NOTES, ids).map(found -> {
      JsonArray out = new JsonArray();
      found.stream().map(NoteStore::fromDocument).filter(n -> n.visibleTo(readerId)).forEach(n -> out.add(n.view()));
      return out;
    });
  }

  /** The notes of these ids that still exist, in the order given, private ones included: callers filter. */
  public Future<List<Note>> byIds(List<String> ids) {
    return db.lists().byIds(NOTES, ids).map(found -> found.stream().map(NoteStore::fromDocument).toList());
  }

  /** The newest {@code limit} notes of a community, newest first, private ones included: callers filter. */
  public Future<List<Note>> newest(String communityId, int limit) {
    return db.lists().newestFirst(communityList(communityId), NOTES, 0, limit)
        .map(found -> found.stream().map(NoteStore::fromDocument).toList());
  }

  /** A community's notes made from {@code from} until {@code until} (now when null), private ones included. */
  public Future<List<Note>> between(String communityId, Instant from, Instant until, int limit) {
    return db.lists().between(communityList(communityId), NOTES, from, until, limit)
        .map(found -> found.stream().map(NoteStore::fromDocument).toList());
  }

  /** Every note of a community, private ones included: callers filter. */
  public Future<List<Note>> ofCommunity(String communityId) {
    return db.lists().all(communityList(communityId), NOTES)
        .map(found -> found.stream().map(NoteStore::fromDocument).toList());
  }

  /** Every note a person wrote, in any community, private ones and prompt answers included (their journal). */
  public Future<List<Note>> ofAuthor(String userId) {
    return db.lists().all(journal(userId), NOTES)
        .map(found -> found.stream().map(NoteStore::fromDocument).toList());
  }

  public Future<JsonObject> byId(String id) {
    return db.mongo().findOne(NOTES, new JsonObject().put("_id", id), null);
  }

  /**
   * Writes a note with its links: the note first, then the lists and questions that point to it, so nobody
   * ever follows a link to a note that is not there, and {@code after} (given the note's id) last. Prompt
   * answers come through here too. A note is created once per {@code clientKey} (see {@link ClientKeys}) and
   * a prompt's answer once per person: a repeat loses, and one with the same client key gets the first note.
   */
  public Future<Written> write(Membership m, JsonObject input, String promptId, String clientKey,
                               Function<String, List<Step>> after) {
    return questions.requireInCommunity(m.communityId(), input.getJsonArray("questionIds"), "questionIds")
        .compose(questionIds -> {
          Note note = new Note(Ids.newId(), m.communityId(), m.currentCycle(), m.userId(), m.caller().displayName(),
              NoteKind.parse(input.getString("kind")), input.getString("text").trim(), trimmed(input, "tried"),
              trimmed(input, "happened"), Visibility.parse(input.getString("visibility", "community")), questionIds,
              List.of(), null, promptId, db.clock().instant(), null);
          List<Step> steps = new ArrayList<>(written(note));
          JsonObject document = toDocument(note);
          if (clientKey != null || promptId != null) {
            JsonObject once = document.copy();
            if (clientKey != null) {
              once.put(ClientKeys.FIELD, clientKey);
            }
            if (promptId != null) {
              once.put("answerOf", promptId + " " + m.userId());
            }
            steps.set(0, Step.claim(NOTES, once));
          }
          if (!questionIds.isEmpty()) {
            steps.add(QuestionNews.note(note.id(), Times.format(note.createdAt())));
          }
          steps.addAll(after.apply(note.id()));
          return entry(m, note).compose(entry -> {
            if (entry != null) {
              steps.add(entry);
            }
            return db.writes().apply(steps);
          }).map(done -> new Written(document, false)).recover(failure -> failure instanceof Lost && clientKey != null
              ? byClientKey(clientKey).compose(first -> first == null ? Future.failedFuture(failure)
                  : Future.succeededFuture(new Written(first, true)))
              : Future.failedFuture(failure));
        });
  }

  /** The note as stored; {@code repeat} when an earlier request with the same client key made it. */
  public record Written(JsonObject note, boolean repeat) {
  }

  /** The note an earlier request with this client key made (the same person's, as the key says), or null. */
  public Future<JsonObject> byClientKey(String clientKey) {
    return clientKey == null ? Future.succeededFuture()
        : db.mongo().findOne(NOTES, new JsonObject().put(ClientKeys.FIELD, clientKey), null);
  }

  /** The note, its place in its community's list and its author's journal, and the questions it feeds. */
  public static List<Step> written(Note note) {
    List<Step> steps = new ArrayList<>();
    steps.add(Step.insert(NOTES, toDocument(note)));
    steps.add(IdLists.add(communityList(note.communityId()), note.id()));
    steps.add(IdLists.add(journal(note.authorId()), note.id()));
    note.questionIds().forEach(q -> steps.addAll(QuestionStore.noteLinked(q, note.id(), true)));
    return steps;
  }

  /** Private notes never enter the activity; a community note is shown there through its id only. */
  private Future<Step> entry(Membership m, Note note) {
    if (note.visibility() != Visibility.COMMUNITY) {
      return Future.succeededFuture();
    }
    return activity.entry(m.communityId(), "note.written", m.userId(), m.caller().displayName(),
        new JsonObject().put("noteId", note.id()).put("kind", note.kind().value()));
  }

  static String trimmed(JsonObject input, String field) {
    String value = input.getString(field);
    return value == null ? null : value.trim();
  }

  /** The author's edit: the fields that changed, and who changed it when. */
  static Step edited(Note before, Note after) {
    JsonObject old = toDocument(before);
    JsonObject set = new JsonObject();
    toDocument(after).forEach(field -> {
      if (!"edits".equals(field.getKey()) && !Objects.equals(field.getValue(), old.getValue(field.getKey()))) {
        set.put(field.getKey(), field.getValue());
      }
    });
    Note.Edit edit = after.edits().get(after.edits().size() - 1);
    JsonObject update = new JsonObject().put("$push", new JsonObject().put("edits", toDocument(edit)));
    if (!set.isEmpty()) {
      update.put("$set", set);
    }
    return Step.update(NOTES, after.id(), update);
  }

  Future<Void> photo(String noteId, Note.Photo photo) {
    return db.mongo().updateCollection(NOTES, new JsonObject().put("_id", noteId), new JsonObject().put("$set",
        new JsonObject().put("photo", toDocument(photo)))).compose(x -> db.writes().changed(NOTES, noteId));
  }

  /** The API's view of a stored note: built from the record, so only the API's fields are in it. */
  public static JsonObject view(JsonObject note) {
    return fromDocument(note).view();
  }

  public static JsonObject toDocument(Note n) {
    JsonArray edits = new JsonArray();
    n.edits().forEach(e -> edits.add(toDocument(e)));
    JsonObject doc = new JsonObject()
        .put("_id", n.id())
        .put("communityId", n.communityId())
        .put("cycle", n.cycle())
        .put("authorId", n.authorId())
        .put("authorName", n.authorName())
        .put("kind", n.kind().value())
        .put("text", n.text())
        .put("visibility", n.visibility().value())
        .put("questionIds", new JsonArray(n.questionIds()))
        .put("edits", edits)
        .put("createdAt", Times.format(n.createdAt()));
    putIfPresent(doc, "tried", n.tried());
    putIfPresent(doc, "happened", n.happened());
    putIfPresent(doc, "promptId", n.promptId());
    putIfPresent(doc, "updatedAt", n.updatedAt() == null ? null : Times.format(n.updatedAt()));
    if (n.photo() != null) {
      doc.put("photo", toDocument(n.photo()));
    }
    return doc;
  }

  public static Note fromDocument(JsonObject d) {
    JsonObject photo = d.getJsonObject("photo");
    List<Note.Edit> edits = d.getJsonArray("edits", new JsonArray()).stream().map(e -> (JsonObject) e)
        .map(e -> new Note.Edit(e.getString("by"), Instant.parse(e.getString("at")))).toList();
    return new Note(d.getString("_id"), d.getString("communityId"), d.getInteger("cycle"), d.getString("authorId"),
        d.getString("authorName"), NoteKind.parse(d.getString("kind")), d.getString("text"), d.getString("tried"),
        d.getString("happened"), Visibility.parse(d.getString("visibility")),
        IdLists.strings(d.getJsonArray("questionIds", new JsonArray())), edits,
        photo == null ? null : new Note.Photo(photo.getString("id"), photo.getString("contentType"),
            photo.getInteger("size", 0), PhotoSizes.of(photo)),
        d.getString("promptId"), Instant.parse(d.getString("createdAt")),
        d.getString("updatedAt") == null ? null : Instant.parse(d.getString("updatedAt")));
  }

  private static JsonObject toDocument(Note.Edit e) {
    return new JsonObject().put("by", e.by()).put("at", Times.format(e.at()));
  }

  private static JsonObject toDocument(Note.Photo p) {
    JsonObject photo = new JsonObject().put("id", p.id()).put("contentType", p.contentType()).put("size", p.size());
    if (p.sizes() != null) {
      p.sizes().putInto(photo);
    }
    return photo;
  }

  private static void putIfPresent(JsonObject doc, String field, String value) {
    if (value != null) {
      doc.put(field, value);
    }
  }
}
