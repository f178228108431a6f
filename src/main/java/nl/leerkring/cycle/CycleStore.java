package nl.leerkring.cycle;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.community.CommunityStore;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Kept;
import nl.leerkring.platform.IdLists;
import nl.leerkring.platform.Step;
import nl.leerkring.platform.Times;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code cycles} collection, the only class that knows a cycle document's fields. A cycle's id is
 * {@code communityId:number}, so a community's cycles are read by id without a list.
 */
public final class CycleStore {

  public static final String CYCLES = "cycles";

  /** The current cycles of a large installation's communities. */
  private static final int KEPT = 5_000;

  private final Database db;
  private final Kept<Cycle> kept;

  public CycleStore(Database db) {
    this.db = db;
    this.kept = db.kept(CYCLES, KEPT);
  }

  /**
   * The cycle, or null when the community has no cycle with this number. The community page shows its current
   * cycle on every visit, and a cycle changes a few times in its weeks, so those read are kept until they change.
   */
  public Future<Cycle> byNumber(String communityId, int number) {
    String id = CommunityStore.cycleId(communityId, number);
    return kept.get(id, () -> db.mongo().findOne(CYCLES, new JsonObject().put("_id", id), null)
        .map(doc -> doc == null ? null : fromDocument(doc)));
  }

  /** Cycles 1 to {@code last}, first to last. */
  public Future<List<Cycle>> upTo(String communityId, int last) {
    List<String> ids = new ArrayList<>();
    for (int n = 1; n <= last; n++) {
      ids.add(CommunityStore.cycleId(communityId, n));
    }
    return db.lists().byIds(CYCLES, ids).map(docs -> docs.stream().map(CycleStore::fromDocument).toList());
  }

  /** The cycles of these ids (see {@link Cycle#id()}) that exist, in the order given. */
  public Future<List<Cycle>> byIds(List<String> ids) {
    return db.lists().byIds(CYCLES, ids).map(docs -> docs.stream().map(CycleStore::fromDocument).toList());
  }

  public Future<Void> goal(Cycle cycle, String goal) {
    return db.mongo().updateCollection(CYCLES, new JsonObject().put("_id", cycle.id()),
        new JsonObject().put("$set", new JsonObject().put("goal", goal))).compose(x -> db.writes().changed(CYCLES, cycle.id()));
  }

  public static Step started(Cycle cycle) {
    return Step.insert(CYCLES, toDocument(cycle));
  }

  /** Closes the cycle if it is still active; of two closes at once, the second loses. */
  public static Step closed(Cycle cycle) {
    return Step.update(CYCLES, cycle.id(), new JsonObject().put("$set", new JsonObject()
        .put("status", cycle.status().value())
        .put("closedAt", Times.format(cycle.closedAt()))
        .put("closedBy", cycle.closedBy())
        .put("harvest", cycle.harvest().toJson())
        .put("nextSteps", new JsonArray(cycle.nextSteps()))))
        .expecting("status", CycleStatus.ACTIVE.value());
  }

  /** Also for loading data in bulk, as the read benchmark does. */
  public static JsonObject toDocument(Cycle c) {
    JsonObject doc = new JsonObject()
        .put("_id", c.id())
        .put("communityId", c.communityId())
        .put("number", c.number())
        .put("goal", c.goal())
        .put("status", c.status().value())
        .put("startedAt", Times.format(c.startedAt()))
        .put("carriedQuestionIds", new JsonArray(c.carriedQuestionIds()))
        .put("startedFrom", new JsonObject().put("nextSteps", new JsonArray(c.startedFrom())));
    if (c.closedAt() != null) {
      doc.put("closedAt", Times.format(c.closedAt()))
          .put("closedBy", c.closedBy())
          .put("harvest", c.harvest().toJson())
          .put("nextSteps", new JsonArray(c.nextSteps()));
    }
    return doc;
  }

  static Cycle fromDocument(JsonObject d) {
    JsonObject harvest = d.getJsonObject("harvest");
    JsonArray nextSteps = d.getJsonArray("nextSteps");
    return new Cycle(d.getString("communityId"), d.getInteger("number"), d.getString("goal"),
        CycleStatus.parse(d.getString("status")), Instant.parse(d.getString("startedAt")),
        IdLists.strings(d.getJsonArray("carriedQuestionIds", new JsonArray())),
        IdLists.strings(d.getJsonObject("startedFrom", new JsonObject()).getJsonArray("nextSteps", new JsonArray())),
        d.getString("closedAt") == null ? null : Instant.parse(d.getString("closedAt")), d.getString("closedBy"),
        harvest == null ? null : Harvest.of(harvest), nextSteps == null ? null : IdLists.strings(nextSteps));
  }
}
