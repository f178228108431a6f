package nl.leerkring.scan;

import io.vertx.ext.web.openapi.router.RouterBuilder;
import nl.leerkring.web.Api;
import nl.leerkring.web.Caller;

/** The scan as JSON: the request's parts go to {@link ScanService} and {@link ScanResults}. */
public final class ScanRoutes {

  private final ScanService scans;
  private final ScanResults results;

  public ScanRoutes(ScanService scans, ScanResults results) {
    this.scans = scans;
    this.results = results;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("openScanRound").addHandler(Api.created(ctx -> scans.open(Caller.required(ctx), Api.body(ctx))));
    api.getRoute("listCommunityScans").addHandler(Api.ok(ctx ->
        scans.list(Caller.required(ctx), Api.path(ctx, "communityId"), null)));
    api.getRoute("listCompanyScans").addHandler(Api.ok(ctx ->
        scans.list(Caller.required(ctx), null, Api.path(ctx, "organisationId"))));
    api.getRoute("getScanRound").addHandler(Api.ok(ctx -> scans.get(Caller.required(ctx), Api.path(ctx, "roundId"))));
    api.getRoute("closeScanRound").addHandler(Api.ok(ctx -> scans.close(Caller.required(ctx), Api.path(ctx, "roundId"))));
    api.getRoute("saveScanDraft").addHandler(Api.ok(ctx -> scans.saveDraft(Caller.required(ctx),
        Api.path(ctx, "roundId"), Api.body(ctx).getJsonObject("answers"))));
    api.getRoute("answerScan").addHandler(Api.created(ctx -> scans.answer(Caller.required(ctx),
        Api.path(ctx, "roundId"), Api.body(ctx).getJsonObject("answers"))));
    api.getRoute("getScanResults").addHandler(ctx -> {
      Caller caller = Caller.required(ctx);
      String roundId = Api.path(ctx, "roundId");
      if ("csv".equals(Api.query(ctx, "format"))) {
        results.csv(caller, roundId, caller.language()).onFailure(ctx::fail).onSuccess(csv -> ScanPages.sendCsv(ctx, csv));
      } else {
        Api.ok(c -> results.json(caller, roundId)).handle(ctx);
      }
    });
  }
}
