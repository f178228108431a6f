package nl.leerkring.home;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.web.Caller;
import nl.leerkring.activity.ActivityLog;
import nl.leerkring.community.Access;
import nl.leerkring.community.Membership;
import nl.leerkring.fieldnote.NoteStore;
import nl.leerkring.platform.Database;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The community's recent activity. Note entries carry only the note's id; the text is looked up when shown,
 * so a note made private later disappears from the feed, and company admins see that a note was written but
 * not what it says.
 */
public final class ActivityService {

  private static final int EXCERPT = 140;

  private final Database db;
  private final Access access;
  private final ActivityLog log;

  public ActivityService(Database db, Access access, ActivityLog log) {
    this.db = db;
    this.access = access;
    this.log = log;
  }

  /** Entries numbered below {@code before} (the newest when null), and {@code next} for the page after. */
  public Future<JsonObject> page(Caller caller, String communityId, Long before, int limit) {
    return access.in(caller, communityId).compose(m -> page(m, before, limit));
  }

  public Future<JsonObject> page(Membership m, Long before, int limit) {
    return log.page(m.communityId(), before, limit).compose(page -> withNotes(m, page));
  }

  private Future<JsonObject> withNotes(Membership m, ActivityLog.Page page) {
    List<String> noteIds = page.entries().stream()
        .map(e -> e.getJsonObject("about").getString("noteId")).filter(id -> id != null).toList();
    Future<List<JsonObject>> notes = noteIds.isEmpty()
        ? Future.succeededFuture(List.of()) : db.lists().byIds(NoteStore.NOTES, noteIds, NoteStore.EXCERPTED);
    return notes.map(found -> {
      Map<String, JsonObject> byId = new HashMap<>();
      found.forEach(n -> byId.put(n.getString("_id"), n));
      JsonArray items = new JsonArray();
      for (JsonObject entry : page.entries()) {
        String noteId = entry.getJsonObject("about").getString("noteId");
        if (noteId != null) {
          JsonObject note = byId.get(noteId);
          if (note == null || !NoteStore.visibleTo(note, m.userId())) {
            continue;
          }
          if (m.isMember()) {
            String text = note.getString("text");
            entry.getJsonObject("about").put("excerpt", text.length() > EXCERPT ? text.substring(0, EXCERPT) + "…" : text);
          }
        }
        items.add(entry);
      }
      return new JsonObject().put("items", items).put("next", page.next());
    });
  }
}
