package nl.leerkring.fieldnote;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.web.Caller;
import nl.leerkring.community.Access;
import nl.leerkring.community.Membership;
import nl.leerkring.platform.ClientKeys;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.IdLists;
import nl.leerkring.platform.Problem;
import nl.leerkring.platform.Step;
import nl.leerkring.question.Question;
import nl.leerkring.question.QuestionStore;

import java.util.ArrayList;
import java.util.List;

/**
 * Writing, reading and editing field notes, their photos, and a person's own journal. The API and the pages
 * both ask here.
 */
public final class NoteService {

  private final Database db;
  private final Access access;
  private final NoteStore notes;
  private final QuestionStore questions;
  private final PhotoStorage photos;

  public NoteService(Database db, Access access, NoteStore notes, QuestionStore questions, PhotoStorage photos) {
    this.db = db;
    this.access = access;
    this.notes = notes;
    this.questions = questions;
    this.photos = photos;
  }

  public Future<JsonObject> list(Caller caller, String communityId, int offset, int limit) {
    return access.in(caller, communityId).compose(m -> {
      m.requireMember();
      return db.lists().newestFirst(NoteStore.communityList(m.communityId()), NoteStore.NOTES, offset, limit)
          .map(page -> {
            JsonArray items = new JsonArray();
            page.stream().filter(n -> NoteStore.visibleTo(n, m.userId())).forEach(n -> items.add(NoteStore.view(n)));
            return new JsonObject().put("items", items)
                .put("next", page.size() == limit ? offset + limit : null);
          });
    });
  }

  /** {@code clientToken} (may be null): a repeat with the same token makes no second note, it gets the first. */
  public Future<JsonObject> write(Caller caller, String communityId, JsonObject body, String clientToken) {
    return access.in(caller, communityId)
        .compose(m -> notes.write(m.requireMember(), body, null, ClientKeys.of(m.userId(), clientToken),
            id -> List.of()))
        .map(written -> NoteStore.view(written.note()));
  }

  /**
   * A note with its photo in one go, as the page's form sends them. The photo is checked and cleaned first,
   * so a photo that is refused leaves no note behind.
   */
  public Future<JsonObject> writeWithPhoto(Caller caller, String communityId, JsonObject body, Buffer photo,
                                          String clientToken) {
    return access.in(caller, communityId).compose(m -> {
      m.requireMember();
      String clientKey = ClientKeys.of(m.userId(), clientToken);
      return photos.clean(photo).compose(clean -> notes.write(m, body, null, clientKey, id -> List.of())
          // A repeat gets the first note as it is: the first request brings the photo.
          .compose(written -> written.repeat() ? Future.succeededFuture(NoteStore.view(written.note()))
              : store(written.note(), clean)));
    });
  }

  public Future<JsonObject> get(Caller caller, String noteId) {
    return readable(caller, noteId).map(found -> NoteStore.view(found.note()));
  }

  /** The questions a note feeds, for showing them by their text. */
  public Future<List<Question>> linkedQuestions(JsonObject note) {
    return questions.byIds(IdLists.strings(note.getJsonArray("questionIds")));
  }

  private record Found(JsonObject note, Membership membership) {
  }

  /** A private note does not exist for anyone but its author; company admins read no notes at all. */
  private Future<Found> readable(Caller caller, String noteId) {
    return notes.byId(noteId).compose(note -> {
      if (note != null && !NoteStore.visibleTo(note, caller.userId())) {
        return Future.failedFuture(Problem.notFound("field note"));
      }
      return access.inCommunityOf(caller, note, "field note").map(m -> {
        if (!m.isMember() && !m.userId().equals(note.getString("authorId"))) {
          throw Problem.forbidden("Field notes are for the community's members.");
        }
        return new Found(note, m);
      });
    });
  }

  private Future<Found> ownNote(Caller caller, String noteId) {
    return readable(caller, noteId).map(found -> {
      if (!found.membership().userId().equals(found.note().getString("authorId"))) {
        throw Problem.forbidden("Only the author can change a field note.");
      }
      return found;
    });
  }

  /** The note to edit; only its author gets it. */
  public Future<JsonObject> forEditing(Caller caller, String noteId) {
    return ownNote(caller, noteId).map(found -> NoteStore.view(found.note()));
  }

  /** Edits keep who wrote the note and when; each edit adds who changed it and when. */
  public Future<JsonObject> edit(Caller caller, String noteId, JsonObject body) {
    return ownNote(caller, noteId).compose(found -> {
      JsonObject note = found.note();
      Membership m = found.membership();
      Future<List<String>> linked = body.containsKey("questionIds")
          ? questions.requireInCommunity(m.communityId(), body.getJsonArray("questionIds"), "questionIds")
          : Future.succeededFuture(IdLists.strings(note.getJsonArray("questionIds")));
      return linked.compose(questionIds -> {
        String id = note.getString("_id");
        Note stored = NoteStore.fromDocument(note);
        Note after = stored.edited(NoteStore.trimmed(body, "text"), NoteStore.trimmed(body, "tried"),
            NoteStore.trimmed(body, "happened"),
            body.containsKey("visibility") ? Visibility.parse(body.getString("visibility")) : null, questionIds,
            new Note.Edit(m.userId(), db.clock().instant()));
        List<Step> steps = new ArrayList<>();
        steps.add(NoteStore.edited(stored, after));
        questionIds.stream().filter(q -> !stored.questionIds().contains(q))
            .forEach(q -> steps.addAll(QuestionStore.noteLinked(q, id, true)));
        stored.questionIds().stream().filter(q -> !questionIds.contains(q))
            .forEach(q -> steps.addAll(QuestionStore.noteLinked(q, id, false)));
        return db.writes().apply(steps).compose(done -> notes.byId(id)).map(NoteStore::view);
      });
    });
  }

  /** All my notes and prompt answers, private ones included, newest first; optionally of one community. */
  public Future<JsonArray> journal(Caller caller, String communityId) {
    return db.lists().newestFirst(NoteStore.journal(caller.userId()), NoteStore.NOTES, 0, Integer.MAX_VALUE)
        .map(all -> {
          JsonArray out = new JsonArray();
          all.stream()
              .filter(n -> communityId == null || communityId.equals(n.getString("communityId")))
              .forEach(n -> out.add(NoteStore.view(n)));
          return out;
        });
  }

  public Future<JsonObject> putPhoto(Caller caller, String noteId, Buffer bytes) {
    return photos.checkSize(bytes).compose(ok -> ownNote(caller, noteId))
        .compose(found -> photos.clean(bytes).compose(clean -> store(found.note(), clean)));
  }

  private Future<JsonObject> store(JsonObject note, PhotoStorage.Clean clean) {
    String noteId = note.getString("_id");
    JsonObject previous = note.getJsonObject("photo");
    // The new photo is stored before the note points to it; the old one goes only after.
    return photos.store("noteId", noteId, clean)
        .compose(photoId -> notes.photo(noteId, new Note.Photo(photoId, clean.contentType(), clean.display().length,
            clean.sizes())))
        .compose(done -> previous == null ? Future.succeededFuture() : photos.remove(previous.getString("id")))
        .compose(done -> notes.byId(noteId))
        .map(NoteStore::view);
  }

  /** The note's photo, its {@code thumbnail} or display size, for those who may read the note. */
  public Future<PhotoStorage.StoredPhoto> photo(Caller caller, String noteId, boolean thumbnail) {
    return readable(caller, noteId).compose(found -> {
      Note.Photo photo = NoteStore.fromDocument(found.note()).photo();
      if (photo == null) {
        throw Problem.notFound("photo");
      }
      return photos.read(photo.id(), thumbnail);
    }).map(photo -> {
      if (photo == null) {
        throw Problem.notFound("photo");
      }
      return photo;
    });
  }
}
