package nl.leerkring.report;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.community.CommunityStore;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.IdLists;
import nl.leerkring.platform.Step;
import nl.leerkring.platform.Times;

import java.time.Instant;

/** The {@code highlights} collection, one document per cycle ({@code _id} is the cycle's id), read by _id only. */
public final class HighlightStore {

  static final String HIGHLIGHTS = "highlights";

  private final Database db;

  public HighlightStore(Database db) {
    this.db = db;
  }

  /** The cycle's highlights; none when the facilitator has picked none yet. */
  public Future<Highlights> of(String communityId, int cycle) {
    String id = CommunityStore.cycleId(communityId, cycle);
    return db.mongo().findOne(HIGHLIGHTS, new JsonObject().put("_id", id), null)
        .map(doc -> doc == null ? Highlights.none(id, communityId, cycle) : fromDocument(doc));
  }

  /** The facilitator's new choice replaces the one before. */
  public static Step picked(Highlights h) {
    JsonObject fields = toDocument(h);
    fields.remove("_id");
    return Step.upsert(HIGHLIGHTS, h.cycleId(), new JsonObject().put("$set", fields));
  }

  static JsonObject toDocument(Highlights h) {
    return new JsonObject()
        .put("_id", h.cycleId())
        .put("communityId", h.communityId())
        .put("cycle", h.cycle())
        .put("noteIds", new JsonArray(h.noteIds()))
        .put("pickedBy", h.pickedBy())
        .put("pickedAt", h.pickedAt() == null ? null : Times.format(h.pickedAt()));
  }

  static Highlights fromDocument(JsonObject d) {
    String at = d.getString("pickedAt");
    return new Highlights(d.getString("_id"), d.getString("communityId"), d.getInteger("cycle"),
        IdLists.strings(d.getJsonArray("noteIds", new JsonArray())), d.getString("pickedBy"),
        at == null ? null : Instant.parse(at));
  }
}
