package nl.leerkring.audit;

import io.vertx.ext.web.openapi.router.RouterBuilder;
import nl.leerkring.web.Caller;
import nl.leerkring.web.Api;

/** The audit trail as JSON, or as CSV with {@code ?format=csv}. */
public final class AuditRoutes {

  private final AuditTrail audit;

  public AuditRoutes(AuditTrail audit) {
    this.audit = audit;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("getAuditTrail").addHandler(ctx -> {
      Caller caller = Caller.required(ctx);
      audit.of(caller, Api.path(ctx, "organisationId")).onFailure(ctx::fail).onSuccess(records -> {
        if ("csv".equals(Api.query(ctx, "format"))) {
          ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
              .putHeader("Content-Disposition", "attachment; filename=\"audit.csv\"")
              .end(AuditCsv.of(records, caller.language()));
        } else {
          ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
              .end(AuditTrail.toJson(records).encode());
        }
      });
    });
  }
}
