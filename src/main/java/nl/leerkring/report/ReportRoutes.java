package nl.leerkring.report;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import nl.leerkring.web.Api;
import nl.leerkring.web.Caller;

/** Harvest reports and exports through the API: JSON, or a file with {@code ?format=pdf} or {@code csv}. */
public final class ReportRoutes {

  private final ReportService reports;
  private final Exports exports;

  public ReportRoutes(ReportService reports, Exports exports) {
    this.reports = reports;
    this.exports = exports;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("getCycleReport").addHandler(ctx -> {
      Caller caller = Caller.required(ctx);
      String communityId = Api.path(ctx, "communityId");
      int number = Api.pathInt(ctx, "number");
      if ("pdf".equals(Api.query(ctx, "format"))) {
        reports.pdf(caller, communityId, number, caller.language()).onFailure(ctx::fail)
            .onSuccess(pdf -> Downloads.send(ctx, "application/pdf",
              Downloads.reportName(communityId, number), pdf));
      } else {
        Api.ok(c -> reports.report(caller, communityId, number)).handle(ctx);
      }
    });
    api.getRoute("setCycleHighlights").addHandler(Api.ok(ctx -> reports.pickHighlights(Caller.required(ctx),
        Api.path(ctx, "communityId"), Api.pathInt(ctx, "number"), Api.body(ctx).getJsonArray("noteIds"))));
    api.getRoute("exportCommunity").addHandler(ctx -> export(ctx, Caller.required(ctx)));
  }

  private void export(RoutingContext ctx, Caller caller) {
    String communityId = Api.path(ctx, "communityId");
    ExportDataset dataset = ExportDataset.parse(Api.path(ctx, "dataset"));
    String format = "csv".equals(Api.query(ctx, "format")) ? "csv" : "json";
    exports.export(caller, communityId, dataset, format).onFailure(ctx::fail)
        .onSuccess(table -> Downloads.send(ctx, table, format, caller.language(), communityId, dataset));
  }
}
