package nl.leerkring.notification;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import nl.leerkring.web.Caller;
import nl.leerkring.web.Forms;
import nl.leerkring.web.Page;
import nl.leerkring.web.Pages;

/** The notifications page: newest first, unread ones marked, each can be marked read, or all at once. */
public final class NotificationPages {

  private final Pages pages;
  private final NotificationService notifications;

  public NotificationPages(Pages pages, NotificationService notifications) {
    this.pages = pages;
    this.notifications = notifications;
  }

  public void mount(Router router) {
    router.get("/notifications").handler(pages.show(ctx -> notifications.mine(Caller.required(ctx))
        .map(mine -> Page.of("notifications", mine))));
    router.post("/notifications/read").handler(pages.show(this::markRead));
  }

  private Future<Page> markRead(RoutingContext ctx) {
    String id = Forms.text(ctx, "id");
    JsonArray ids = id.isEmpty() ? null : new JsonArray().add(id);
    return notifications.markRead(Caller.required(ctx), ids).map(x -> Page.redirect("/notifications"));
  }
}
