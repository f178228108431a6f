package nl.leerkring.home;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import nl.leerkring.web.Caller;
import nl.leerkring.web.Page;
import nl.leerkring.web.Pages;

/** The first page after logging in (my communities and what is asked of me now), and the facilitator's overview. */
public final class HomePages {

  private final Pages pages;
  private final HomeService home;
  private final FacilitatorService facilitator;

  public HomePages(Pages pages, HomeService home, FacilitatorService facilitator) {
    this.pages = pages;
    this.home = home;
    this.facilitator = facilitator;
  }

  public void mount(Router router) {
    router.get("/").handler(pages.show(this::home));
    router.get("/facilitator").handler(pages.show(ctx -> facilitator.overview(Caller.required(ctx))
        .map(communities -> {
          communities.forEach(c -> counted((JsonObject) c, "unowned", "overdue", "plannedPrompts", "comingSessions"));
          return Page.of("facilitator", new JsonObject().put("communities", communities));
        })));
  }

  /** Headings say how many there are, also when there are none. */
  private static void counted(JsonObject community, String... lists) {
    for (String list : lists) {
      community.put(list + "Count", community.getJsonArray(list).size());
    }
  }

  private Future<Page> home(RoutingContext ctx) {
    return home.askedOfMe(Caller.required(ctx)).map(model -> Page.of("home", model));
  }
}
