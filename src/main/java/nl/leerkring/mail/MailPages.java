package nl.leerkring.mail;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import nl.leerkring.web.Caller;
import nl.leerkring.web.Forms;
import nl.leerkring.web.Page;
import nl.leerkring.web.Pages;
import nl.leerkring.web.Saved;

import java.util.Map;

/**
 * The mail settings page, linked from every mail: the address, each kind of mail on or off, and the private
 * calendar link (made anew, shown once, or stopped).
 */
public final class MailPages {

  private final Pages pages;
  private final Forms forms;
  private final MailPreferences preferences;
  private final CalendarLink calendar;

  public MailPages(Pages pages, Forms forms, MailPreferences preferences, CalendarLink calendar) {
    this.pages = pages;
    this.forms = forms;
    this.preferences = preferences;
    this.calendar = calendar;
  }

  public void mount(Router router) {
    router.get("/settings/mail").handler(pages.show(ctx -> page(ctx, null)));
    router.post("/settings/mail").handler(pages.form(this::save, ctx -> page(ctx, null)));
    router.post("/settings/calendar").handler(pages.show(ctx -> calendar.renew(Caller.required(ctx))
        .compose(made -> page(ctx, made.getString("url")))));
    router.post("/settings/calendar/stop").handler(pages.show(ctx -> calendar.revoke(Caller.required(ctx))
        .map(x -> Page.redirect("/settings/mail?calendar=stopped"))));
  }

  /** {@code newLink} is shown once, right after it was made: only its hash is kept. */
  private Future<Page> page(RoutingContext ctx, String newLink) {
    Caller caller = Caller.required(ctx);
    return Future.all(preferences.get(caller), calendar.status(caller)).map(both -> {
      JsonObject prefs = both.resultAt(0);
      JsonArray kinds = new JsonArray();
      prefs.getJsonObject("kinds").forEach(kind -> kinds.add(new JsonObject()
          .put("kind", kind.getKey()).put("on", kind.getValue())));
      return Page.of("mail-settings", new JsonObject()
          .put("email", prefs.getString("email"))
          .put("kinds", kinds)
          .put("calendar", both.<JsonObject>resultAt(1))
          .put("newLink", newLink)
          .put("stopped", "stopped".equals(ctx.request().getParam("calendar"))));
    });
  }

  /** Unticked boxes are not sent by a browser, so every kind not among the ticked ones is off. */
  private Future<Page> save(RoutingContext ctx) {
    JsonArray on = Forms.all(ctx, "on");
    JsonObject kinds = new JsonObject();
    MailKind.names().forEach(kind -> kinds.put(kind, on.contains(kind)));
    JsonObject body = new JsonObject().put("email", Forms.text(ctx, "email")).put("kinds", kinds);
    return forms.check("updateMailPreferences", Map.of(), body)
        .compose(valid -> preferences.update(Caller.required(ctx), valid))
        .map(x -> Page.redirect(Saved.after("/settings/mail", "mail")));
  }
}
