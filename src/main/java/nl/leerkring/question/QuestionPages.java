package nl.leerkring.question;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import nl.leerkring.web.Caller;
import nl.leerkring.community.CommunityService;
import nl.leerkring.community.Membership;
import nl.leerkring.community.Role;
import nl.leerkring.platform.Problem;
import nl.leerkring.platform.ClosedList;
import nl.leerkring.web.Forms;
import nl.leerkring.web.Page;
import nl.leerkring.web.Pages;
import nl.leerkring.web.Saved;

import java.util.Map;

/** A community's questions: the list by priority, raising one, and one question with all that feeds it. */
public final class QuestionPages {


  private final Pages pages;
  private final Forms forms;
  private final QuestionService questions;
  private final CommunityService communities;

  public QuestionPages(Pages pages, Forms forms, QuestionService questions, CommunityService communities) {
    this.pages = pages;
    this.forms = forms;
    this.questions = questions;
    this.communities = communities;
  }

  public void mount(Router router) {
    router.get("/c/:communityId/questions").handler(pages.show(this::list));
    router.get("/c/:communityId/questions/new").handler(pages.show(this::raiseForm));
    router.post("/c/:communityId/questions").handler(pages.form(this::raise, this::raiseForm));
    router.get("/questions/:questionId").handler(pages.show(this::question));
    // A vote brings the person back where they voted, not to the top of a long page.
    router.post("/questions/:questionId/vote").handler(pages.form(ctx -> act(ctx,
        questions.vote(Caller.required(ctx), ctx.pathParam("questionId"), !"withdraw".equals(Forms.text(ctx, "vote"))),
        "#votes"), this::question));
    router.post("/questions/:questionId/owner").handler(pages.form(ctx -> act(ctx,
        questions.owner(Caller.required(ctx), ctx.pathParam("questionId"), Caller.required(ctx).userId(),
            !"release".equals(Forms.text(ctx, "owner"))), "#owners"), this::question));
    router.post("/questions/:questionId/status").handler(pages.form(this::changeStatus, this::question));
    // The facilitator makes a member an owner, or takes one off (issue 12.6).
    router.post("/questions/:questionId/owners").handler(pages.form(ctx -> assign(ctx, Forms.text(ctx, "userId"), true),
        this::question));
    router.post("/questions/:questionId/owners/:userId/remove").handler(pages.form(ctx -> assign(ctx,
        ctx.pathParam("userId"), false), this::question));
  }

  /** Open questions first by default; everything, answered and parked included, on request. */
  private Future<Page> list(RoutingContext ctx) {
    Caller caller = Caller.required(ctx);
    String communityId = ctx.pathParam("communityId");
    boolean all = "all".equals(ctx.request().getParam("show"));
    return communities.get(caller, communityId).compose(m -> questions.list(caller, communityId, null).map(found -> {
      JsonArray shown = new JsonArray();
      found.stream().map(q -> (JsonObject) q)
          .filter(q -> all || QuestionStatus.isOpen(q.getString("status")))
          .forEach(shown::add);
      return Page.of("questions", new JsonObject()
          .put("communityId", communityId)
          .put("communityTitle", CommunityService.summary(m).getString("title"))
          .put("member", m.isMember())
          .put("all", all)
          .put("questions", shown));
    }));
  }

  private Future<Page> raiseForm(RoutingContext ctx) {
    String communityId = ctx.pathParam("communityId");
    return communities.get(Caller.required(ctx), communityId).map(m -> {
      m.requireMember();
      String priority = isPost(ctx) ? Forms.text(ctx, "priority") : "medium";
      return Page.of("question-new", new JsonObject()
          .put("communityId", communityId)
          .put("clientToken", Forms.clientToken(ctx))
          .put("communityTitle", CommunityService.summary(m).getString("title"))
          .put("forLecturer", isPost(ctx) && ctx.request().getFormAttribute("forLecturer") != null)
          .put("priorities", options(Priority.values(), priority)));
    });
  }

  private Future<Page> raise(RoutingContext ctx) {
    String communityId = ctx.pathParam("communityId");
    JsonObject body = new JsonObject()
        .put("text", Forms.text(ctx, "text"))
        .put("priority", Forms.text(ctx, "priority"))
        .put("forLecturer", ctx.request().getFormAttribute("forLecturer") != null);
    Forms.putOptional(body, ctx, "category");
    return forms.check("raiseQuestion", Map.of("communityId", communityId), body)
        .compose(valid -> questions.raise(Caller.required(ctx), communityId, valid, Forms.text(ctx, Forms.CLIENT_TOKEN)))
        .map(q -> Page.redirect(Saved.after("/questions/" + q.getString("id"), "question")));
  }

  private Future<Page> question(RoutingContext ctx) {
    Caller caller = Caller.required(ctx);
    String questionId = ctx.pathParam("questionId");
    return Future.all(questions.get(caller, questionId), questions.allowed(caller, questionId),
        questions.snacks(caller, questionId)).compose(both -> {
      JsonObject q = both.resultAt(0);
      return communities.get(caller, q.getString("communityId")).map(m -> {
        String status = isPost(ctx) && !Forms.text(ctx, "status").isEmpty() ? Forms.text(ctx, "status")
            : q.getString("status");
        boolean owner = q.getJsonArray("owners").stream()
            .anyMatch(o -> caller.userId().equals(((JsonObject) o).getString("userId")));
        return Page.of("question", new JsonObject()
            .put("question", q)
            .put("communityTitle", CommunityService.summary(m).getString("title"))
            .put("can", both.resultAt(1))
            .put("snacks", both.resultAt(2))
            .put("snackToken", Forms.newClientToken())
            .put("owner", owner)
            .put("assign", m.isMember() && m.is(Role.FACILITATOR))
            .put("candidates", candidates(m, q))
            .put("statuses", options(QuestionStatus.values(), status))
            .put("summary", isPost(ctx) ? Forms.text(ctx, "answerSummary") : q.getString("answerSummary", "")));
      });
    });
  }

  /** The members who are not yet owners, for the facilitator to choose from. */
  private static JsonArray candidates(Membership m, JsonObject q) {
    JsonArray out = new JsonArray();
    m.community().members().stream()
        .filter(member -> q.getJsonArray("owners").stream()
            .noneMatch(o -> member.userId().equals(((JsonObject) o).getString("userId"))))
        .forEach(member -> out.add(new JsonObject().put("userId", member.userId())
            .put("displayName", member.displayName())));
    return out;
  }

  /** The userId is checked as the API checks its path; an empty choice is named at the field. */
  private Future<Page> assign(RoutingContext ctx, String userId, boolean add) {
    String questionId = ctx.pathParam("questionId");
    if (userId.isEmpty()) {
      return Future.failedFuture(Problem.invalidField("userId", "required", "Choose a member."));
    }
    return act(ctx, forms.check(add ? "addQuestionOwner" : "removeQuestionOwner",
            Map.of("questionId", questionId, "userId", userId), new JsonObject())
        .compose(valid -> questions.owner(Caller.required(ctx), questionId, userId, add)), "#owners");
  }

  private Future<Page> changeStatus(RoutingContext ctx) {
    String questionId = ctx.pathParam("questionId");
    JsonObject body = new JsonObject()
        .put("status", Forms.text(ctx, "status"))
        .put("forLecturer", ctx.request().getFormAttribute("forLecturer") != null);
    Forms.putOptional(body, ctx, "answerSummary");
    return forms.check("updateQuestion", Map.of("questionId", questionId), body)
        .compose(valid -> questions.update(Caller.required(ctx), questionId, valid))
        .map(q -> Page.redirect(Saved.after("/questions/" + questionId + "#change", "status")));
  }

  /** After an action the question page is shown again, at the part that changed ({@code anchor}). */
  private static Future<Page> act(RoutingContext ctx, Future<JsonObject> done, String anchor) {
    return done.map(q -> Page.redirect("/questions/" + ctx.pathParam("questionId") + anchor));
  }

  private static JsonArray options(ClosedList[] values, String chosen) {
    JsonArray out = new JsonArray();
    for (ClosedList v : values) {
      out.add(new JsonObject().put("value", v.value()).put("checked", v.value().equals(chosen)));
    }
    return out;
  }

  private static boolean isPost(RoutingContext ctx) {
    return "POST".equals(ctx.request().method().name());
  }
}
