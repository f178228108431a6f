package nl.leerkring.web;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import nl.leerkring.platform.Problem;

import java.net.URLEncoder;
import java.util.List;
import java.nio.charset.StandardCharsets;

/** Failures on pages: a friendly page in the person's language with a way back, never a stack trace. */
public final class PageFailures implements Handler<RoutingContext> {

  private final Pages pages;

  public PageFailures(Pages pages) {
    this.pages = pages;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (ctx.response().ended()) {
      return;
    }
    Problem problem = Failures.toProblem(ctx);
    if (problem.status() == 401) {
      Pages.redirect(ctx, "/login?next=" + URLEncoder.encode(ctx.request().uri(), StandardCharsets.UTF_8));
      return;
    }
    Failures.retryAfter(ctx, problem);
    String lang = Language.of(ctx);
    String kind = switch (problem.status()) {
      case 403, 404 -> String.valueOf(problem.status());
      case 400, 409, 413, 415, 429 -> "400";
      default -> "500";
    };
    pages.render(ctx, problem.status(), "error", new JsonObject()
        .put("kind", kind)
        .put("message", message(lang, problem)));
  }

  /**
   * A problem in the person's language: a field problem by its field's name and reason
   * (error.field.password.minLength; challenge/title gives error.field.title.minLength) or by its reason alone
   * (error.field.maxLength), anything else by its code (error.username_taken), and the general text of its
   * status when there is no such key.
   */
  public static String message(String lang, Problem problem) {
    for (String key : keys(problem)) {
      if (I18n.has(key)) {
        return I18n.text(lang, key);
      }
    }
    return I18n.text(lang, problem.field() != null ? "error.field.invalid" : "error.status." + bucket(problem.status()));
  }

  /**
   * Most specific first: a field may say more than the general reason ("at least 8 characters" for a short
   * password), and a group of fields (the references of a contribution) may have one sentence for all its parts.
   */
  private static List<String> keys(Problem problem) {
    if (problem.field() == null || problem.reason() == null) {
      return List.of("error." + problem.code());
    }
    String field = problem.field();
    String last = field.substring(field.lastIndexOf('/') + 1);
    String group = field.contains("/") ? field.substring(0, field.indexOf('/')) : field;
    return List.of("error.field." + last + "." + problem.reason(), "error.field." + group + ".group",
        "error.field." + problem.reason(), "error." + problem.code());
  }

  private static int bucket(int status) {
    return switch (status) {
      case 403, 404, 409, 413, 429 -> status;
      default -> status >= 500 ? 500 : 400;
    };
  }
}
