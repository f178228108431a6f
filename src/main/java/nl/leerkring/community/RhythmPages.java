package nl.leerkring.community;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import nl.leerkring.web.Caller;
import nl.leerkring.web.Forms;
import nl.leerkring.web.Page;
import nl.leerkring.web.Pages;
import nl.leerkring.web.Saved;

import java.util.Map;

/** The facilitator sets the community's rhythm in the browser: quiet hours and how early reminders go out. */
public final class RhythmPages {

  private static final String[] TIMES = {"quietFrom", "quietUntil", "zone"};
  private static final String[] HOURS = {"sessionReminderHours", "promptReminderHours"};

  private final Pages pages;
  private final Forms forms;
  private final CommunityService communities;
  private final Rhythm rhythm;

  public RhythmPages(Pages pages, Forms forms, CommunityService communities, Rhythm rhythm) {
    this.pages = pages;
    this.forms = forms;
    this.communities = communities;
    this.rhythm = rhythm;
  }

  public void mount(Router router) {
    router.get("/c/:communityId/rhythm").handler(pages.show(this::page));
    router.post("/c/:communityId/rhythm").handler(pages.form(this::save, this::page));
  }

  private Future<Page> page(RoutingContext ctx) {
    Caller caller = Caller.required(ctx);
    String communityId = ctx.pathParam("communityId");
    return communities.get(caller, communityId).compose(m -> {
      m.requireRole(Role.FACILITATOR);
      return rhythm.get(caller, m.communityId()).map(settings -> Page.of("rhythm", new JsonObject()
          .put("community", CommunityService.summary(m))
          .put("settings", settings)));
    });
  }

  private Future<Page> save(RoutingContext ctx) {
    String communityId = ctx.pathParam("communityId");
    JsonObject body = new JsonObject();
    for (String field : TIMES) {
      Forms.putOptional(body, ctx, field);
    }
    for (String field : HOURS) {
      String typed = Forms.text(ctx, field);
      if (!typed.isEmpty()) {
        body.put(field, typed.matches("[0-9]{1,6}") ? (Object) Integer.valueOf(typed) : typed);
      }
    }
    return forms.check("updateRhythm", Map.of("communityId", communityId), body)
        .compose(valid -> rhythm.update(Caller.required(ctx), communityId, valid))
        .map(saved -> Page.redirect(Saved.after("/c/" + communityId + "/rhythm", "rhythm")));
  }
}
