package nl.leerkring.question;

import io.vertx.ext.web.openapi.router.RouterBuilder;
import nl.leerkring.web.Caller;
import nl.leerkring.web.Api;

/** Shared questions as JSON: the request's parts go to {@link QuestionService}, its answer back as JSON. */
public final class QuestionRoutes {

  private final QuestionService questions;

  public QuestionRoutes(QuestionService questions) {
    this.questions = questions;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("listQuestions").addHandler(Api.ok(ctx -> questions.list(Caller.required(ctx),
        Api.path(ctx, "communityId"), Api.query(ctx, "status"))));
    api.getRoute("raiseQuestion").addHandler(Api.created(ctx -> questions.raise(Caller.required(ctx),
        Api.path(ctx, "communityId"), Api.body(ctx), ctx.request().getHeader(Api.IDEMPOTENCY_KEY))));
    api.getRoute("getQuestion").addHandler(Api.ok(ctx -> questions.get(Caller.required(ctx),
        Api.path(ctx, "questionId"))));
    api.getRoute("updateQuestion").addHandler(Api.ok(ctx -> questions.update(Caller.required(ctx),
        Api.path(ctx, "questionId"), Api.body(ctx))));
    api.getRoute("addQuestionOwner").addHandler(Api.ok(ctx -> questions.owner(Caller.required(ctx),
        Api.path(ctx, "questionId"), Api.path(ctx, "userId"), true)));
    api.getRoute("removeQuestionOwner").addHandler(Api.ok(ctx -> questions.owner(Caller.required(ctx),
        Api.path(ctx, "questionId"), Api.path(ctx, "userId"), false)));
    api.getRoute("voteQuestion").addHandler(Api.ok(ctx -> questions.vote(Caller.required(ctx),
        Api.path(ctx, "questionId"), true)));
    api.getRoute("unvoteQuestion").addHandler(Api.ok(ctx -> questions.vote(Caller.required(ctx),
        Api.path(ctx, "questionId"), false)));
  }
}
