package nl.leerkring.prompt;

import io.vertx.ext.web.openapi.router.RouterBuilder;
import nl.leerkring.web.Caller;
import nl.leerkring.web.Api;

/** Prompts as JSON: the request's parts go to {@link PromptService}, its answer back as JSON. */
public final class PromptRoutes {

  private final PromptService prompts;
  private final PromptDeliveries deliveries;

  public PromptRoutes(PromptService prompts, PromptDeliveries deliveries) {
    this.prompts = prompts;
    this.deliveries = deliveries;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("schedulePrompt").addHandler(Api.created(ctx -> prompts.schedule(Caller.required(ctx),
        Api.path(ctx, "communityId"), Api.body(ctx))));
    api.getRoute("listPrompts").addHandler(Api.ok(ctx -> prompts.list(Caller.required(ctx),
        Api.path(ctx, "communityId"), Api.queryInt(ctx, "offset", 0), Api.queryInt(ctx, "limit", 50)).map(PromptService.Page::items)));
    api.getRoute("getMyPrompts").addHandler(Api.ok(ctx -> prompts.mine(Caller.required(ctx))));
    api.getRoute("answerPrompt").addHandler(Api.created(ctx -> prompts.answer(Caller.required(ctx),
        Api.path(ctx, "promptId"), Api.body(ctx), ctx.request().getHeader(Api.IDEMPOTENCY_KEY))));
    api.getRoute("getPromptDeliveries").addHandler(Api.ok(ctx ->
        deliveries.ofPrompt(Caller.required(ctx), Api.path(ctx, "promptId"))));
  }
}
