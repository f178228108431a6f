package nl.leerkring.notification;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.web.Caller;
import nl.leerkring.web.I18n;

/** What the API and the pages show of a person's notifications, in that person's language. */
public final class NotificationService {

  private final Notifications notifications;

  public NotificationService(Notifications notifications) {
    this.notifications = notifications;
  }

  public Future<JsonObject> mine(Caller caller) {
    return notifications.list(caller.userId()).map(items -> {
      JsonArray out = new JsonArray();
      int unread = 0;
      for (JsonObject item : items) {
        unread += item.getBoolean("read") ? 0 : 1;
        out.add(view(item, caller.language()));
      }
      return new JsonObject().put("unread", unread).put("items", out);
    });
  }

  public Future<Integer> unread(Caller caller) {
    return notifications.unread(caller.userId());
  }

  /** The notifications with these ids, or all of them when {@code ids} is null. */
  public Future<JsonObject> markRead(Caller caller, JsonArray ids) {
    Future<Void> marked;
    if (ids == null) {
      marked = notifications.markAllRead(caller.userId());
    } else {
      marked = Future.succeededFuture();
      for (Object id : ids) {
        marked = marked.compose(x -> notifications.markRead(caller.userId(), (String) id));
      }
    }
    return marked.compose(x -> mine(caller));
  }

  static JsonObject view(JsonObject item, String language) {
    return new JsonObject()
        .put("id", item.getString("id"))
        .put("kind", item.getString("kind"))
        .put("text", I18n.text(language, "notification.kind." + item.getString("kind"),
            item.getJsonArray("args", new JsonArray()).getList().toArray()))
        .put("link", item.getString("link"))
        .put("at", item.getString("at"))
        .put("read", item.getBoolean("read"));
  }
}
