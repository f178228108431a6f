package nl.leerkring.scan;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.platform.ClosedList;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.IdLists;
import nl.leerkring.platform.Step;
import nl.leerkring.platform.Times;

import java.time.Instant;
import java.util.List;

/**
 * The {@code scanRounds} collection, the only class that knows a round document's fields. The rounds of a
 * community or of a company are found through its id list.
 */
public final class ScanRoundStore {

  public static final String ROUNDS = "scanRounds";

  private final Database db;

  public ScanRoundStore(Database db) {
    this.db = db;
  }

  static String listKey(String scopeId) {
    return IdLists.key(scopeId, ROUNDS);
  }

  /** The round, or null when there is none with this id. */
  public Future<ScanRound> byId(String id) {
    return db.mongo().findOne(ROUNDS, new JsonObject().put("_id", id), null)
        .map(doc -> doc == null ? null : fromDocument(doc));
  }

  /** The rounds of a community or a company, oldest first. */
  public Future<List<ScanRound>> ofScope(String scopeId) {
    return db.lists().all(listKey(scopeId), ROUNDS).map(docs -> docs.stream().map(ScanRoundStore::fromDocument).toList());
  }

  public static List<Step> opened(ScanRound round) {
    return List.of(Step.insert(ROUNDS, toDocument(round)), IdLists.add(listKey(round.scopeId()), round.id()));
  }

  public static Step closed(String id, Instant at) {
    return Step.update(ROUNDS, id, new JsonObject().put("$set", new JsonObject().put("closedAt", Times.format(at))));
  }

  public static JsonObject toDocument(ScanRound r) {
    return new JsonObject()
        .put("_id", r.id())
        .put("organisationId", r.organisationId())
        .put("communityId", r.communityId())
        .put("title", r.title())
        .put("kind", r.kind().value())
        .put("questionSet", r.questionSet())
        .put("openedBy", r.openedBy())
        .put("openedByName", r.openedByName())
        .put("openedAt", Times.format(r.openedAt()))
        .put("closedAt", r.closedAt() == null ? null : Times.format(r.closedAt()))
        .put("invitedIds", new JsonArray(r.invitedIds()));
  }

  public static ScanRound fromDocument(JsonObject d) {
    String closedAt = d.getString("closedAt");
    return new ScanRound(d.getString("_id"), d.getString("organisationId"), d.getString("communityId"),
        d.getString("title"), ClosedList.parse(ScanKind.class, d.getString("kind")),
        d.getString("questionSet"), d.getString("openedBy"), d.getString("openedByName"),
        Instant.parse(d.getString("openedAt")), closedAt == null ? null : Instant.parse(closedAt),
        IdLists.strings(d.getJsonArray("invitedIds", new JsonArray())));
  }
}
