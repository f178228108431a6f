package nl.leerkring.snack;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import nl.leerkring.fieldnote.PhotoStorage;
import nl.leerkring.platform.Problem;
import nl.leerkring.question.QuestionService;
import nl.leerkring.web.Caller;
import nl.leerkring.web.Forms;
import nl.leerkring.web.Page;
import nl.leerkring.web.Pages;
import nl.leerkring.web.Saved;

import java.util.Map;

/**
 * Learning snacks in the browser: the form to attach one to a question (also shown on the question's page),
 * editing and deleting one, and a snack's photo.
 */
public final class SnackPages {

  /** The snack form's fields are snack-title and so on, as it shares the question's page with other forms. */
  private static final String FIELD_ID_PREFIX = "snack-";

  private final Pages pages;
  private final Forms forms;
  private final SnackService snacks;
  private final QuestionService questions;

  public SnackPages(Pages pages, Forms forms, SnackService snacks, QuestionService questions) {
    this.pages = pages;
    this.forms = forms;
    this.snacks = snacks;
    this.questions = questions;
  }

  public void mount(Router router) {
    router.get("/questions/:questionId/snacks/new").handler(pages.show(this::newForm));
    router.post("/questions/:questionId/snacks").handler(pages.form(this::add, this::newForm));
    router.get("/snacks/:snackId/edit").handler(pages.show(this::editForm));
    router.post("/snacks/:snackId/edit").handler(pages.form(this::edit, this::editForm));
    router.post("/snacks/:snackId/delete").handler(pages.form(this::delete, this::editForm));
    router.get("/snacks/:snackId/photo").handler(ctx -> photo(ctx, false));
    router.get("/snacks/:snackId/photo/thumbnail").handler(ctx -> photo(ctx, true));
  }

  /** The form on a page of its own: where a refused snack comes back with the errors next to the fields. */
  private Future<Page> newForm(RoutingContext ctx) {
    String questionId = ctx.pathParam("questionId");
    return questions.get(Caller.required(ctx), questionId).compose(q ->
        // Listing the snacks checks that the caller is a member (company admins read no snacks).
        snacks.list(Caller.required(ctx), questionId).map(list -> Page.of("snack-new", new JsonObject()
            .put("question", new JsonObject().put("id", q.getString("id")).put("text", q.getString("text")))
            // Shown again after a refusal, the form keeps its token: nothing was made with it yet.
            .put("clientToken", Forms.clientToken(ctx))
            .put("kinds", kinds(isPost(ctx) ? Forms.text(ctx, "kind") : "tip"))
            .put("fieldIdPrefix", FIELD_ID_PREFIX))));
  }

  /** The kinds of snack the form offers, {@code chosen} ticked. */
  public static JsonArray kinds(String chosen) {
    JsonArray out = new JsonArray();
    for (SnackKind kind : SnackKind.values()) {
      out.add(new JsonObject().put("value", kind.value()).put("checked", kind.value().equals(chosen)));
    }
    return out;
  }

  private Future<Page> add(RoutingContext ctx) {
    String questionId = ctx.pathParam("questionId");
    JsonObject body = new JsonObject().put("kind", Forms.text(ctx, "kind")).put("title", Forms.text(ctx, "title"));
    Forms.putOptional(body, ctx, "text");
    Forms.putOptional(body, ctx, "url");
    return forms.check("addSnack", Map.of("questionId", questionId), body)
        .compose(valid -> PhotoStorage.uploaded(ctx)
            .compose(photo -> snacks.add(Caller.required(ctx), questionId, valid, photo,
                Forms.text(ctx, Forms.CLIENT_TOKEN))))
        .recover(PhotoStorage::problemOnItsField)
        .map(snack -> Page.redirect(Saved.after("/questions/" + questionId + "#snack-" + snack.getString("id"), "snack")));
  }

  private Future<Page> editForm(RoutingContext ctx) {
    return snacks.forEditing(Caller.required(ctx), ctx.pathParam("snackId"))
        .map(snack -> Page.of("snack-edit", new JsonObject().put("snack", snack).put("fieldIdPrefix", FIELD_ID_PREFIX)));
  }

  private Future<Page> edit(RoutingContext ctx) {
    String snackId = ctx.pathParam("snackId");
    JsonObject body = new JsonObject().put("title", Forms.text(ctx, "title"))
        .put("text", Forms.text(ctx, "text")).put("url", Forms.text(ctx, "url"));
    return forms.check("updateSnack", Map.of("snackId", snackId), body)
        .compose(valid -> snacks.update(Caller.required(ctx), snackId, valid))
        .map(snack -> Page.redirect(Saved.after("/questions/" + snack.getString("questionId") + "#snack-" + snackId, "snack")));
  }

  private Future<Page> delete(RoutingContext ctx) {
    String snackId = ctx.pathParam("snackId");
    return snacks.forEditing(Caller.required(ctx), snackId).compose(snack -> snacks.delete(Caller.required(ctx), snackId)
        .map(x -> Page.redirect("/questions/" + snack.getString("questionId") + "#snacks")));
  }

  /** The photo for a page's img, either size: the same reading rules as the snack itself. */
  private void photo(RoutingContext ctx, boolean thumbnail) {
    Caller caller = Caller.optional(ctx);
    if (caller == null) {
      ctx.fail(Problem.unauthenticated());
      return;
    }
    snacks.photo(caller, ctx.pathParam("snackId"), thumbnail).onFailure(ctx::fail)
        .onSuccess(photo -> PhotoStorage.send(ctx, photo));
  }

  private static boolean isPost(RoutingContext ctx) {
    return "POST".equals(ctx.request().method().name());
  }
}
