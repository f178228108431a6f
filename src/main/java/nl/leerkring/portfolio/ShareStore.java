package nl.leerkring.portfolio;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.IdLists;
import nl.leerkring.platform.Step;
import nl.leerkring.platform.Times;

import java.time.Instant;
import java.util.List;

/**
 * A person's choice of portfolio items shared with their manager: one document per person ({@code _id} their
 * id), absent until they choose. Nothing is shared without it.
 */
public final class ShareStore {

  static final String SHARES = "portfolioShares";

  /** The keys ({@code kind:id}) a person shares with their manager, and when they last chose. */
  public record Shares(String userId, List<String> items, Instant updatedAt) {

    public Shares {
      items = List.copyOf(items);
    }

    static Shares none(String userId) {
      return new Shares(userId, List.of(), null);
    }

    public JsonObject view() {
      return new JsonObject().put("items", new JsonArray(items))
          .put("updatedAt", updatedAt == null ? null : Times.format(updatedAt));
    }
  }

  private final Database db;

  public ShareStore(Database db) {
    this.db = db;
  }

  public Future<Shares> of(String userId) {
    return db.mongo().findOne(SHARES, new JsonObject().put("_id", userId), null)
        .map(doc -> doc == null ? Shares.none(userId) : fromDocument(doc));
  }

  public static Step chosen(Shares shares) {
    return Step.upsert(SHARES, shares.userId(), new JsonObject().put("$set", new JsonObject()
        .put("items", new JsonArray(shares.items()))
        .put("updatedAt", Times.format(shares.updatedAt()))));
  }

  /** Nothing shared any more: a new manager starts with nothing, and the person chooses again. */
  public static Step cleared(String userId, Instant at) {
    return chosen(new Shares(userId, List.of(), at));
  }

  /** Erasure: the choice goes with the person. */
  public Future<Void> forget(String userId) {
    return db.mongo().removeDocument(SHARES, new JsonObject().put("_id", userId)).mapEmpty();
  }

  static Shares fromDocument(JsonObject doc) {
    String at = doc.getString("updatedAt");
    return new Shares(doc.getString("_id"), IdLists.strings(doc.getJsonArray("items", new JsonArray())),
        at == null ? null : Instant.parse(at));
  }
}
