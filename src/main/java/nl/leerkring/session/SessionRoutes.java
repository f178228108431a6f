package nl.leerkring.session;

import io.vertx.ext.web.openapi.router.RouterBuilder;
import nl.leerkring.web.Caller;
import nl.leerkring.web.Api;

/** Sessions as JSON: the request's parts go to {@link SessionService}, its answer back as JSON. */
public final class SessionRoutes {

  private final SessionService sessions;

  public SessionRoutes(SessionService sessions) {
    this.sessions = sessions;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("listSessions").addHandler(Api.ok(ctx -> sessions.list(Caller.required(ctx),
        Api.path(ctx, "communityId"))));
    api.getRoute("planSession").addHandler(Api.created(ctx -> sessions.plan(Caller.required(ctx),
        Api.path(ctx, "communityId"), Api.body(ctx))));
    api.getRoute("getSession").addHandler(Api.ok(ctx -> sessions.get(Caller.required(ctx),
        Api.path(ctx, "sessionId"))));
    api.getRoute("updateSession").addHandler(Api.ok(ctx -> sessions.update(Caller.required(ctx),
        Api.path(ctx, "sessionId"), Api.body(ctx))));
    api.getRoute("recordAttendance").addHandler(Api.ok(ctx -> sessions.recordAttendance(Caller.required(ctx),
        Api.path(ctx, "sessionId"), Api.body(ctx).getJsonArray("present"))));
    api.getRoute("addAgreement").addHandler(Api.created(ctx -> sessions.addAgreement(Caller.required(ctx),
        Api.path(ctx, "sessionId"), Api.body(ctx))));
    api.getRoute("updateAgreement").addHandler(Api.ok(ctx -> sessions.updateAgreement(Caller.required(ctx),
        Api.path(ctx, "sessionId"), Api.path(ctx, "agreementId"), Api.body(ctx).getBoolean("done"))));
    api.getRoute("raiseSessionQuestion").addHandler(Api.created(ctx -> sessions.raiseQuestion(Caller.required(ctx),
        Api.path(ctx, "sessionId"), Api.body(ctx), ctx.request().getHeader(Api.IDEMPOTENCY_KEY))));
  }
}
