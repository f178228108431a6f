package nl.leerkring.cycle;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import nl.leerkring.web.Caller;
import nl.leerkring.community.CommunityService;
import nl.leerkring.community.Role;
import nl.leerkring.platform.Problem;
import nl.leerkring.web.Forms;
import nl.leerkring.web.Page;
import nl.leerkring.web.Pages;
import nl.leerkring.web.Saved;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** A community's cycles in the browser: their history, and for the facilitator, harvesting and moving on. */
public final class CyclePages {

  private final Pages pages;
  private final Forms forms;
  private final CycleService cycles;
  private final CommunityService communities;

  public CyclePages(Pages pages, Forms forms, CycleService cycles, CommunityService communities) {
    this.pages = pages;
    this.forms = forms;
    this.cycles = cycles;
    this.communities = communities;
  }

  public void mount(Router router) {
    router.get("/c/:communityId/cycles").handler(pages.show(this::listPage));
    router.post("/c/:communityId/cycles/:number/goal").handler(pages.form(this::updateGoal, this::listPage));
    router.post("/c/:communityId/cycles/:number/close").handler(pages.form(this::close, this::listPage));
  }

  private Future<Page> listPage(RoutingContext ctx) {
    Caller caller = Caller.required(ctx);
    return communities.get(caller, ctx.pathParam("communityId")).compose(m -> cycles.list(caller, m.communityId())
        .map(all -> {
          List<Object> newestFirst = new ArrayList<>(all.getList());
          Collections.reverse(newestFirst);
          return Page.of("cycles", new JsonObject()
              .put("community", CommunityService.summary(m))
              .put("facilitates", m.is(Role.FACILITATOR))
              .put("current", all.getJsonObject(all.size() - 1))
              .put("nextNumber", m.currentCycle() + 1)
              .put("cycles", new JsonArray(newestFirst)));
        }));
  }

  private Future<Page> updateGoal(RoutingContext ctx) {
    String communityId = ctx.pathParam("communityId");
    String number = ctx.pathParam("number");
    return forms.check("updateCycle", Map.of("communityId", communityId, "number", number),
            new JsonObject().put("goal", Forms.text(ctx, "goal")))
        .compose(valid -> cycles.updateGoal(Caller.required(ctx), communityId, Integer.parseInt(number),
            valid.getString("goal")))
        .map(cycle -> Page.redirect(Saved.after("/c/" + communityId + "/cycles#cycle-" + number, "goal")));
  }

  /**
   * Closing is final, so a valid form first shows what closing does (cycle-close), with the typed harvest in
   * hidden fields: "confirm=yes" closes, "confirm=no" goes back to the form as it was typed.
   */
  private Future<Page> close(RoutingContext ctx) {
    String communityId = ctx.pathParam("communityId");
    String number = ctx.pathParam("number");
    String confirm = Forms.text(ctx, "confirm");
    if ("no".equals(confirm)) {
      return listPage(ctx).map(page -> {
        page.model().put("values", Pages.values(ctx));
        return page;
      });
    }
    JsonObject body = new JsonObject()
        .put("harvest", new JsonObject()
            .put("learned", Forms.text(ctx, "harvest.learned"))
            .put("changedInWork", Forms.text(ctx, "harvest.changedInWork"))
            .put("stillOpen", Forms.text(ctx, "harvest.stillOpen")))
        .put("nextSteps", new JsonArray(Forms.text(ctx, "nextSteps").lines()
            .map(String::strip).filter(line -> !line.isEmpty()).toList()))
        .put("nextGoal", Forms.text(ctx, "nextGoal"));
    Caller caller = Caller.required(ctx);
    Future<JsonObject> valid = forms.check("closeCycle", Map.of("communityId", communityId, "number", number), body)
        .recover(CyclePages::onNextStepsField);
    if (!"yes".equals(confirm)) {
      return valid.compose(checked -> communities.get(caller, communityId)).map(m -> {
        m.requireRole(Role.FACILITATOR);
        return Page.of("cycle-close", new JsonObject()
            .put("community", CommunityService.summary(m))
            .put("number", Integer.parseInt(number))
            .put("nextNumber", Integer.parseInt(number) + 1)
            .put("closing", body)
            .put("values", Pages.values(ctx)));
      });
    }
    return valid
        .compose(checked -> cycles.close(caller, communityId, Integer.parseInt(number), checked))
        .map(both -> Page.redirect(Saved.after("/c/" + communityId + "/cycles#cycle-"
            + both.getJsonObject("current").getInteger("number"), "cycle")));
  }

  /** The next steps are typed one per line in one field; a problem with any one of them belongs to that field. */
  private static Future<JsonObject> onNextStepsField(Throwable failure) {
    return Future.failedFuture(failure instanceof Problem problem
        ? problem.renameFields(field -> field.startsWith("nextSteps/") ? "nextSteps" : field) : failure);
  }
}
