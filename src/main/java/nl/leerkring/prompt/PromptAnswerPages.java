package nl.leerkring.prompt;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import nl.leerkring.account.Caller;
import nl.leerkring.platform.Ids;
import nl.leerkring.platform.Problem;
import nl.leerkring.web.Forms;
import nl.leerkring.web.Page;
import nl.leerkring.web.Pages;

import java.util.Map;

/** Where the link in a prompt mail leads: the prompt and a form to answer it, private unless shared. */
public final class PromptAnswerPages {

  private final Pages pages;
  private final Forms forms;
  private final PromptRoutes prompts;

  public PromptAnswerPages(Pages pages, Forms forms, PromptRoutes prompts) {
    this.pages = pages;
    this.forms = forms;
    this.prompts = prompts;
  }

  public void mount(Router router) {
    router.get("/prompts/:promptId/answer").handler(pages.show(this::form));
    router.post("/prompts/:promptId/answer").handler(pages.form(this::answer, this::form));
  }

  private static String promptId(RoutingContext ctx) {
    String id = ctx.pathParam("promptId");
    if (!Ids.looksLikeId(id)) {
      throw Problem.notFound("prompt");
    }
    return id;
  }

  private Future<Page> form(RoutingContext ctx) {
    return prompts.get(Caller.required(ctx), promptId(ctx)).map(prompt -> Page.of("prompt-answer", new JsonObject()
        .put("prompt", prompt)
        .put("answered", "1".equals(ctx.request().getParam("answered")))));
  }

  private Future<Page> answer(RoutingContext ctx) {
    String id = promptId(ctx);
    JsonObject body = new JsonObject()
        .put("text", Forms.text(ctx, "text"))
        .put("visibility", "community".equals(Forms.text(ctx, "visibility")) ? "community" : "private");
    return forms.check("answerPrompt", Map.of("promptId", id), body)
        .compose(valid -> prompts.answer(Caller.required(ctx), id, valid))
        .map(note -> Page.redirect("/prompts/" + id + "/answer?answered=1"));
  }
}
