package nl.leerkring.audit;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import nl.leerkring.web.Caller;
import nl.leerkring.platform.Problem;
import nl.leerkring.web.Language;
import nl.leerkring.web.Page;
import nl.leerkring.web.Pages;

/** The audit trail for company admins: a page per company, and the same as a CSV file. */
public final class AuditPages {

  private final Pages pages;
  private final AuditTrail audit;

  public AuditPages(Pages pages, AuditTrail audit) {
    this.pages = pages;
    this.audit = audit;
  }

  public void mount(Router router) {
    router.get("/admin/audit").handler(pages.show(this::page));
    router.get("/admin/audit.csv").handler(this::csv);
  }

  /** The company of {@code ?organisation=}, or the caller's first when they administer one only. */
  private static String organisation(RoutingContext ctx) {
    Caller caller = Caller.required(ctx);
    String asked = ctx.request().getParam("organisation");
    if (asked != null) {
      return asked;
    }
    if (caller.adminOf().isEmpty()) {
      throw Problem.forbidden("Only company admins see the audit trail.");
    }
    return caller.adminOf().get(0);
  }

  private Future<Page> page(RoutingContext ctx) {
    String lang = Language.of(ctx);
    String organisationId = organisation(ctx);
    return audit.of(Caller.required(ctx), organisationId).map(records -> {
      JsonArray rows = new JsonArray();
      // Newest first on a phone: what just happened is what one looks for.
      for (int i = records.size() - 1; i >= 0; i--) {
        JsonObject r = records.get(i);
        rows.add(r.copy().put("actionText", AuditCsv.action(lang, r.getString("action")))
            .put("detailsText", r.getJsonObject("details").isEmpty() ? "" : r.getJsonObject("details").encode()));
      }
      return Page.of("audit", new JsonObject().put("organisationId", organisationId).put("records", rows));
    });
  }

  /** A file, not a page: failures still go to the page failure handler (login, 404). */
  private void csv(RoutingContext ctx) {
    try {
      audit.of(Caller.required(ctx), organisation(ctx)).onFailure(ctx::fail).onSuccess(records ->
          ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
              .putHeader("Content-Disposition", "attachment; filename=\"audit.csv\"")
              .end(AuditCsv.of(records, Language.of(ctx))));
    } catch (RuntimeException e) {
      ctx.fail(e);
    }
  }
}
