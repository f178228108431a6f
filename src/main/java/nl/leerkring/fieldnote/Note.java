package nl.leerkring.fieldnote;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A field note. {@code tried} and {@code happened} belong to an experiment; {@code promptId} names the prompt a
 * note answers; {@code photo} is null when there is none. The photo's stored id and size are not shown in the API.
 */
public record Note(String id, String communityId, int cycle, String authorId, String authorName, NoteKind kind,
                   String text, String tried, String happened, Visibility visibility, List<String> questionIds,
                   List<Edit> edits, Photo photo, String promptId, Instant createdAt, Instant updatedAt) {

  public Note {
    questionIds = List.copyOf(questionIds);
    edits = List.copyOf(edits);
  }

  /** Who changed the note, when. */
  public record Edit(String by, Instant at) {
  }

  /** {@code sizes} is null for a photo stored before there were two sizes. */
  public record Photo(String id, String contentType, int size, PhotoSizes sizes) {
  }

  /** The note after its author's edit; a null field stays as it was. */
  public Note edited(String newText, String newTried, String newHappened, Visibility newVisibility,
                     List<String> newQuestionIds, Edit edit) {
    List<Edit> allEdits = new ArrayList<>(edits);
    allEdits.add(edit);
    return new Note(id, communityId, cycle, authorId, authorName, kind, orKept(newText, text),
        orKept(newTried, tried), orKept(newHappened, happened), orKept(newVisibility, visibility),
        orKept(newQuestionIds, questionIds), allEdits, photo, promptId, createdAt, edit.at());
  }

  private static <T> T orKept(T changed, T kept) {
    return changed == null ? kept : changed;
  }

  public boolean visibleTo(String userId) {
    return visibility == Visibility.COMMUNITY || userId.equals(authorId);
  }

  public JsonObject view() {
    JsonArray editViews = new JsonArray();
    edits.forEach(e -> editViews.add(new JsonObject().put("by", e.by()).put("at", e.at().toString())));
    JsonObject out = new JsonObject()
        .put("id", id)
        .put("communityId", communityId)
        .put("cycle", cycle)
        .put("authorId", authorId)
        .put("authorName", authorName)
        .put("kind", kind.value())
        .put("text", text)
        .put("visibility", visibility.value())
        .put("questionIds", new JsonArray(questionIds))
        .put("edits", editViews)
        .put("createdAt", createdAt.toString());
    putIfPresent(out, "tried", tried);
    putIfPresent(out, "happened", happened);
    putIfPresent(out, "promptId", promptId);
    putIfPresent(out, "updatedAt", updatedAt == null ? null : updatedAt.toString());
    if (photo != null) {
      out.put("photo", PhotoSizes.view(photo.contentType(), "/api/v1/notes/" + id + "/photo", photo.sizes()));
    }
    return out;
  }

  private static void putIfPresent(JsonObject out, String field, String value) {
    if (value != null) {
      out.put(field, value);
    }
  }
}
