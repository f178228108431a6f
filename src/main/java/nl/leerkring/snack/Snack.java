package nl.leerkring.snack;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.fieldnote.PhotoSizes;
import nl.leerkring.platform.Times;

import java.time.Instant;
import java.util.Arrays;

/**
 * A learning snack: a short item someone in the community (or its lecturer) attaches to a question, shared
 * with the whole community. {@code text} and {@code url} may be null; {@code photo} is null when there is none.
 */
public record Snack(String id, String communityId, String questionId, int cycle, String authorId, String authorName,
                    SnackKind kind, String title, String text, String url, Photo photo, Instant createdAt,
                    Instant updatedAt) {

  /** A stored photo's id, kept out of the API, its type and sizes (null for one stored before there were two). */
  public record Photo(String id, String contentType, PhotoSizes sizes) {
  }

  /** The snack after an edit; a null field stays as it was, an empty text or url is removed. */
  public Snack edited(String newTitle, String newText, String newUrl, Instant at) {
    return new Snack(id, communityId, questionId, cycle, authorId, authorName, kind,
        newTitle == null ? title : newTitle, newText == null ? text : emptyAsNull(newText),
        newUrl == null ? url : emptyAsNull(newUrl), photo, createdAt, at);
  }

  public Snack withoutPhoto() {
    return new Snack(id, communityId, questionId, cycle, authorId, authorName, kind, title, text, url, null,
        createdAt, updatedAt);
  }

  /** A checklist's steps, one a line. */
  public JsonArray steps() {
    JsonArray steps = new JsonArray();
    if (kind == SnackKind.CHECKLIST && text != null) {
      Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).forEach(steps::add);
    }
    return steps;
  }

  public JsonObject view() {
    JsonObject out = new JsonObject()
        .put("id", id)
        .put("communityId", communityId)
        .put("questionId", questionId)
        .put("cycle", cycle)
        .put("authorId", authorId)
        .put("authorName", authorName)
        .put("kind", kind.value())
        .put("title", title)
        .put("createdAt", Times.format(createdAt));
    if (text != null) {
      out.put("text", text);
    }
    if (kind == SnackKind.CHECKLIST) {
      out.put("steps", steps());
    }
    if (url != null) {
      out.put("url", url);
    }
    if (updatedAt != null) {
      out.put("updatedAt", Times.format(updatedAt));
    }
    if (photo != null) {
      out.put("photo", PhotoSizes.view(photo.contentType(), "/snacks/" + id + "/photo", photo.sizes()));
    }
    return out;
  }

  private static String emptyAsNull(String value) {
    return value.isBlank() ? null : value.strip();
  }
}
