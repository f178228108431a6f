package nl.leerkring.home;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import nl.leerkring.web.Caller;
import nl.leerkring.web.I18n;
import nl.leerkring.web.Page;
import nl.leerkring.web.Pages;

/** The community page: where members see where the group stands and go on to the other screens. */
public final class CommunityPages {

  private final Pages pages;
  private final CommunityOverview overview;

  public CommunityPages(Pages pages, CommunityOverview overview) {
    this.pages = pages;
    this.overview = overview;
  }

  public void mount(Router router) {
    router.get("/c/:communityId").handler(pages.show(this::community));
  }

  private Future<Page> community(RoutingContext ctx) {
    Long before = before(ctx);
    return overview.overview(Caller.required(ctx), ctx.pathParam("communityId"), before).map(model -> {
      model.getJsonObject("activity").getJsonArray("items").forEach(item -> labelled((JsonObject) item));
      return Page.of("community", model.put("before", before));
    });
  }

  /** Entries of kinds this page has no text for yet (a newer feature's) still show, in general words. */
  private static void labelled(JsonObject entry) {
    String key = "community.activity." + entry.getString("type");
    entry.put("label", I18n.has(key) ? key : "community.activity.other");
  }

  /** The "older" link's position; anything else than a positive number means the newest. */
  static Long before(RoutingContext ctx) {
    String value = ctx.request().getParam("before");
    try {
      long before = value == null ? 0 : Long.parseLong(value);
      return before > 0 ? before : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
