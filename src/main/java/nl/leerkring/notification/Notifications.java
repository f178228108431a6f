package nl.leerkring.notification;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Kept;
import nl.leerkring.platform.Step;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * In-app notifications: one inbox document per person (_id = their user id) with their latest
 * {@value #KEPT} notifications, so the unread count on every page is one read by _id.
 */
public final class Notifications {

  static final String INBOXES = "inboxes";
  static final int KEPT = 50;

  /** The people who use the site in the same half hour or so. */
  private static final int PEOPLE_KEPT = 10_000;

  private final Database db;
  private final MongoClient mongo;
  /** The unread count every page shows, by person, until their inbox changes. */
  private final Kept<Integer> unread;

  public Notifications(Database db) {
    this.db = db;
    this.mongo = db.mongo();
    this.unread = db.kept(INBOXES, PEOPLE_KEPT);
  }

  /**
   * A notification for one person: {@code kind} picks its text (notification.kind.*), {@code args} fill it,
   * {@code link} is where it leads. The id is chosen by the caller, and adding the same id twice adds it
   * once, so a job that runs again notifies nobody twice.
   */
  public static List<Step> add(String userId, String id, String kind, JsonArray args, String link, String at) {
    JsonObject item = new JsonObject()
        .put("id", id)
        .put("kind", kind)
        .put("args", args)
        .put("link", link)
        .put("at", at)
        .put("read", false);
    return List.of(
        Step.upsert(INBOXES, userId, new JsonObject().put("$setOnInsert", new JsonObject().put("items", new JsonArray()))),
        new Step(INBOXES,
            new JsonObject().put("_id", userId).put("items.id", new JsonObject().put("$ne", id)),
            new JsonObject().put("$push", new JsonObject().put("items", new JsonObject()
                .put("$each", new JsonArray().add(item)).put("$slice", -KEPT))),
            false));
  }

  /** Tells whoever took on an agreement, unless they recorded it themselves. */
  public static List<Step> agreement(JsonObject agreement, String byUserId, String link, String now) {
    String ownerId = agreement.getString("ownerId");
    return ownerId.equals(byUserId) ? List.of()
        : add(ownerId, agreement.getString("id"), "agreement", new JsonArray().add(agreement.getString("what")), link, now);
  }

  public Future<Integer> unread(String userId) {
    return unread.get(userId, () -> inbox(userId).map(items -> (int) items.stream().filter(i -> !i.getBoolean("read")).count()));
  }

  /** Newest first. */
  public Future<List<JsonObject>> list(String userId) {
    return inbox(userId).map(items -> {
      List<JsonObject> newestFirst = new ArrayList<>(items);
      Collections.reverse(newestFirst);
      return newestFirst;
    });
  }

  public Future<Void> markRead(String userId, String id) {
    return mongo.updateCollection(INBOXES, new JsonObject().put("_id", userId).put("items.id", id),
        new JsonObject().put("$set", new JsonObject().put("items.$.read", true))).compose(x -> db.writes().changed(INBOXES, userId));
  }

  /** One by one, so that a notification arriving meanwhile stays unread. */
  public Future<Void> markAllRead(String userId) {
    return inbox(userId).compose(items -> {
      Future<Void> chain = Future.succeededFuture();
      for (JsonObject item : items) {
        if (!item.getBoolean("read")) {
          chain = chain.compose(x -> markRead(userId, item.getString("id")));
        }
      }
      return chain;
    });
  }

  private Future<List<JsonObject>> inbox(String userId) {
    return mongo.findOne(INBOXES, new JsonObject().put("_id", userId), new JsonObject().put("items", 1))
        .map(doc -> {
          List<JsonObject> items = new ArrayList<>();
          if (doc != null) {
            doc.getJsonArray("items", new JsonArray()).forEach(i -> items.add((JsonObject) i));
          }
          return items;
        });
  }
}
