package nl.leerkring.report;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import nl.leerkring.platform.Problem;
import nl.leerkring.web.Caller;
import nl.leerkring.web.Forms;
import nl.leerkring.web.Language;
import nl.leerkring.web.Page;
import nl.leerkring.web.Pages;

import java.util.Map;

/**
 * The harvest report in the browser, its PDF (the same template, printed), the facilitator's choice of
 * highlights, and the export files of a community.
 */
public final class ReportPages {

  private final Pages pages;
  private final Forms forms;
  private final ReportService reports;
  private final Exports exports;

  public ReportPages(Pages pages, Forms forms, ReportService reports, Exports exports) {
    this.pages = pages;
    this.forms = forms;
    this.reports = reports;
    this.exports = exports;
  }

  public void mount(Router router) {
    router.get("/c/:communityId/cycles/:number/report").handler(pages.show(this::page));
    router.get("/c/:communityId/cycles/:number/report.pdf").handler(this::pdf);
    router.post("/c/:communityId/cycles/:number/highlights").handler(pages.form(this::pick, this::page));
    router.get("/c/:communityId/exports/:dataset").handler(this::export);
  }

  private Future<Page> page(RoutingContext ctx) {
    return reports.report(Caller.required(ctx), ctx.pathParam("communityId"), number(ctx))
        .map(report -> Page.of("report", report));
  }

  private Future<Page> pick(RoutingContext ctx) {
    String communityId = ctx.pathParam("communityId");
    String number = ctx.pathParam("number");
    return forms.check("setCycleHighlights", Map.of("communityId", communityId, "number", number),
            new JsonObject().put("noteIds", Forms.all(ctx, "noteIds")))
        .compose(valid -> reports.pickHighlights(Caller.required(ctx), communityId, number(ctx),
            valid.getJsonArray("noteIds")))
        .map(report -> Page.redirect("/c/" + communityId + "/cycles/" + number + "/report#highlights"));
  }

  /** Files, not pages: failures still go to the page failure handler (login, 404). */
  private void pdf(RoutingContext ctx) {
    try {
      String communityId = ctx.pathParam("communityId");
      int number = number(ctx);
      reports.pdf(Caller.required(ctx), communityId, number, Language.of(ctx)).onFailure(ctx::fail)
          .onSuccess(pdf -> Downloads.send(ctx, "application/pdf",
              Downloads.reportName(communityId, number), pdf));
    } catch (RuntimeException e) {
      ctx.fail(e);
    }
  }

  private void export(RoutingContext ctx) {
    try {
      String communityId = ctx.pathParam("communityId");
      ExportDataset dataset = dataset(ctx.pathParam("dataset"));
      String format = "csv".equals(ctx.request().getParam("format")) ? "csv" : "json";
      String language = Language.of(ctx);
      exports.export(Caller.required(ctx), communityId, dataset, format).onFailure(ctx::fail)
          .onSuccess(table -> Downloads.send(ctx, table, format, language, communityId, dataset));
    } catch (RuntimeException e) {
      ctx.fail(e);
    }
  }

  private static ExportDataset dataset(String value) {
    try {
      return ExportDataset.parse(value);
    } catch (IllegalArgumentException e) {
      throw Problem.notFound("export");
    }
  }

  private static int number(RoutingContext ctx) {
    try {
      int number = Integer.parseInt(ctx.pathParam("number"));
      if (number >= 1) {
        return number;
      }
    } catch (NumberFormatException e) {
      // Not a cycle's number: no such cycle.
    }
    throw Problem.notFound("cycle");
  }
}
