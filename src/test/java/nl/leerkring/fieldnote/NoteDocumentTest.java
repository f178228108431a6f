package nl.leerkring.fieldnote;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("A field note as stored and as shown")
class NoteDocumentTest {

  private static final Instant WRITTEN = Instant.parse("2026-02-10T14:00:00Z");
  private static final Note EXPERIMENT = new Note("n-1", "c-1", 1, "u-sanne", "Sanne", NoteKind.EXPERIMENT,
      "Stooklijn verlaagd", "Van 55 naar 47 °C", "Pendelt niet meer", Visibility.COMMUNITY, List.of("q-1"),
      List.of(new Note.Edit("u-sanne", Instant.parse("2026-02-11T08:00:00Z"))),
      new Note.Photo("p-9", "image/jpeg", 123456, new PhotoSizes(1600, 1200, 480, 360)), null, WRITTEN,
      Instant.parse("2026-02-11T08:00:00Z"));

  @Test
  @DisplayName("an experiment with a photo and an edit, and a private prompt answer, are read back as stored")
  void roundTrip() {
    assertEquals(EXPERIMENT, NoteStore.fromDocument(NoteStore.toDocument(EXPERIMENT)));
    Note answer = new Note("n-2", "c-1", 2, "u-bram", "Bram", NoteKind.REFLECTION, "Vaker vragen", null, null,
        Visibility.PRIVATE, List.of(), List.of(), null, "p-1", WRITTEN, null);
    assertEquals(answer, NoteStore.fromDocument(NoteStore.toDocument(answer)));
  }

  @Test
  @DisplayName("a note whose one photo was stored before there were two sizes is read back without sizes")
  void photoOfBefore() {
    JsonObject stored = NoteStore.toDocument(EXPERIMENT);
    stored.put("photo", new JsonObject().put("id", "p-9").put("contentType", "image/jpeg").put("size", 123456));
    Note read = NoteStore.fromDocument(stored);
    assertEquals(new Note.Photo("p-9", "image/jpeg", 123456, null), read.photo());
    assertEquals(new JsonObject().put("contentType", "image/jpeg").put("url", "/api/v1/notes/n-1/photo")
        .put("thumbnail", new JsonObject().put("url", "/api/v1/notes/n-1/photo/thumbnail")),
        read.view().getJsonObject("photo"), "both addresses work; the one photo is sent for both");
  }

  @Test
  @DisplayName("the API shows the photo's two sizes as links with their pixels, never its stored id or bytes")
  void photoAsLink() {
    JsonObject view = EXPERIMENT.view();
    assertEquals(new JsonObject().put("contentType", "image/jpeg").put("url", "/api/v1/notes/n-1/photo")
        .put("thumbnail", new JsonObject().put("url", "/api/v1/notes/n-1/photo/thumbnail").put("width", 480)
            .put("height", 360)).put("width", 1600).put("height", 1200), view.getJsonObject("photo"));
    assertEquals("look-up", NoteKind.LOOK_UP.value());
    assertEquals("experiment", view.getString("kind"));
    assertFalse(view.containsKey("_id"));
  }

  @Test
  @DisplayName("a private note is seen by its author only")
  void privateNote() {
    Note mine = EXPERIMENT.edited(null, null, null, Visibility.PRIVATE, null,
        new Note.Edit("u-sanne", Instant.parse("2026-02-12T08:00:00Z")));
    assertTrue(mine.visibleTo("u-sanne"));
    assertFalse(mine.visibleTo("u-fenna"));
    assertTrue(EXPERIMENT.visibleTo("u-fenna"));
  }

  @Test
  @DisplayName("an edit sets the fields that changed and records who changed it when")
  void edit() {
    Instant at = Instant.parse("2026-02-12T08:00:00Z");
    Note edited = EXPERIMENT.edited("Stooklijn stap voor stap verlaagd", null, null, null, List.of("q-1", "q-2"),
        new Note.Edit("u-sanne", at));
    JsonObject update = NoteStore.edited(EXPERIMENT, edited).update();
    assertEquals(new JsonObject().put("text", "Stooklijn stap voor stap verlaagd")
        .put("questionIds", new JsonArray().add("q-1").add("q-2"))
        .put("updatedAt", "2026-02-12T08:00:00Z"), update.getJsonObject("$set"));
    assertEquals(new JsonObject().put("edits", new JsonObject().put("by", "u-sanne").put("at", "2026-02-12T08:00:00Z")),
        update.getJsonObject("$push"));
    assertNull(update.getJsonObject("$set").getValue("edits"));
  }
}
