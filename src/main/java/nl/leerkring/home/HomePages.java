package nl.leerkring.home;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import nl.leerkring.account.Caller;
import nl.leerkring.community.CommunityService;
import nl.leerkring.web.Page;
import nl.leerkring.web.Pages;

/** The first page after logging in: my communities and what is asked of me now. */
public final class HomePages {

  private final Pages pages;
  private final CommunityService communities;

  public HomePages(Pages pages, CommunityService communities) {
    this.pages = pages;
    this.communities = communities;
  }

  public void mount(Router router) {
    router.get("/").handler(pages.show(this::home));
  }

  private Future<Page> home(RoutingContext ctx) {
    return communities.list(Caller.required(ctx))
        .map(list -> Page.of("home", new JsonObject().put("communities", list)));
  }
}
