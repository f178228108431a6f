package nl.leerkring.notification;

import io.vertx.ext.web.openapi.router.RouterBuilder;
import nl.leerkring.web.Caller;
import nl.leerkring.web.Api;

/** The JSON API of notifications: mine with the unread count, and marking them read. */
public final class NotificationRoutes {

  private final NotificationService notifications;

  public NotificationRoutes(NotificationService notifications) {
    this.notifications = notifications;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("getMyNotifications").addHandler(Api.ok(ctx -> notifications.mine(Caller.required(ctx))));
    api.getRoute("markNotificationsRead").addHandler(Api.ok(ctx ->
        notifications.markRead(Caller.required(ctx), Api.body(ctx).getJsonArray("ids"))));
  }
}
