package nl.leerkring.snack;

import io.vertx.ext.web.openapi.router.RouterBuilder;
import nl.leerkring.web.Api;
import nl.leerkring.web.Caller;

/** Learning snacks as JSON; a snack's photo comes with the page's form (see {@link SnackPages}). */
public final class SnackRoutes {

  private final SnackService snacks;

  public SnackRoutes(SnackService snacks) {
    this.snacks = snacks;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("listSnacks").addHandler(Api.ok(ctx -> snacks.list(Caller.required(ctx),
        Api.path(ctx, "questionId"))));
    api.getRoute("addSnack").addHandler(Api.created(ctx -> snacks.add(Caller.required(ctx),
        Api.path(ctx, "questionId"), Api.body(ctx), null, ctx.request().getHeader(Api.IDEMPOTENCY_KEY))));
    api.getRoute("updateSnack").addHandler(Api.ok(ctx -> snacks.update(Caller.required(ctx),
        Api.path(ctx, "snackId"), Api.body(ctx))));
    api.getRoute("deleteSnack").addHandler(Api.ok(ctx -> snacks.delete(Caller.required(ctx),
        Api.path(ctx, "snackId"))));
  }
}
