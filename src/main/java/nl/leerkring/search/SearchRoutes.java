package nl.leerkring.search;

import io.vertx.ext.web.openapi.router.RouterBuilder;
import nl.leerkring.web.Api;
import nl.leerkring.web.Caller;

/** Search as JSON: GET /communities/{communityId}/search. */
public final class SearchRoutes {

  private final SearchService search;

  public SearchRoutes(SearchService search) {
    this.search = search;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("searchCommunity").addHandler(Api.ok(ctx -> {
      String cycle = Api.query(ctx, "cycle");
      return search.search(Caller.required(ctx), Api.path(ctx, "communityId"), new SearchService.Request(
          Api.query(ctx, "q"), Api.query(ctx, "kind"), cycle == null ? null : Integer.valueOf(cycle),
          Api.query(ctx, "questionId"), Api.queryInt(ctx, "offset", 0),
          Api.queryInt(ctx, "limit", SearchService.DEFAULT_LIMIT)));
    }));
  }
}
