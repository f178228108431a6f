package nl.leerkring.portfolio;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import nl.leerkring.platform.IdLists;
import nl.leerkring.web.Api;
import nl.leerkring.web.Caller;

/** The portfolio through the API: read it, choose what the manager sees, and take the learning record. */
public final class PortfolioRoutes {

  private final PortfolioService portfolio;

  public PortfolioRoutes(PortfolioService portfolio) {
    this.portfolio = portfolio;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("getMyPortfolio").addHandler(Api.ok(ctx -> portfolio.mine(Caller.required(ctx), filter(ctx))));
    api.getRoute("shareMyPortfolio").addHandler(Api.ok(ctx -> portfolio.share(Caller.required(ctx), null,
        IdLists.strings(Api.body(ctx).getJsonArray("items")))));
    api.getRoute("exportMyPortfolio").addHandler(this::export);
  }

  private void export(RoutingContext ctx) {
    Caller caller = Caller.required(ctx);
    boolean sharedOnly = "shared".equals(Api.query(ctx, "items"));
    if ("pdf".equals(Api.query(ctx, "format"))) {
      portfolio.pdf(caller, filter(ctx), sharedOnly, caller.language()).onFailure(ctx::fail)
          .onSuccess(pdf -> send(ctx, "application/pdf", PortfolioPages.fileName("pdf"), pdf));
    } else {
      portfolio.record(caller, filter(ctx), sharedOnly).onFailure(ctx::fail)
          .onSuccess(record -> send(ctx, "application/json; charset=utf-8", PortfolioPages.fileName("json"),
              Buffer.buffer(record.encodePrettily())));
    }
  }

  static void send(RoutingContext ctx, String contentType, String fileName, Buffer body) {
    if (!ctx.response().ended()) {
      ctx.response().putHeader("Content-Type", contentType)
          .putHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
          .putHeader("Cache-Control", "no-store")
          .end(body);
    }
  }

  private static PortfolioService.Filter filter(RoutingContext ctx) {
    String cycle = Api.query(ctx, "cycle");
    return new PortfolioService.Filter(Api.query(ctx, "communityId"), cycle == null ? null : Integer.valueOf(cycle));
  }
}
