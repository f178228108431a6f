package nl.leerkring.prompt;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import nl.leerkring.web.Caller;
import nl.leerkring.community.CommunityService;
import nl.leerkring.community.Role;
import nl.leerkring.web.Forms;
import nl.leerkring.web.Page;
import nl.leerkring.web.Pages;
import nl.leerkring.web.Saved;
import nl.leerkring.web.I18n;
import nl.leerkring.web.Language;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prompts in the browser: the facilitator writes and schedules them and sees who answered; a member reads
 * one and answers it with a reflection in their journal.
 */
public final class PromptPages {

  static final int PAGE = 20;

  private final Pages pages;
  private final Forms forms;
  private final CommunityService communities;
  private final PromptService prompts;

  public PromptPages(Pages pages, Forms forms, CommunityService communities, PromptService prompts) {
    this.pages = pages;
    this.forms = forms;
    this.communities = communities;
    this.prompts = prompts;
  }

  public void mount(Router router) {
    router.get("/c/:communityId/prompts").handler(pages.show(this::list));
    router.post("/c/:communityId/prompts").handler(pages.form(this::schedule, this::list));
    router.get("/prompts/:promptId").handler(pages.show(this::prompt));
    router.post("/prompts/:promptId/answers").handler(pages.form(this::answer, this::prompt));
  }

  private Future<Page> list(RoutingContext ctx) {
    Caller caller = Caller.required(ctx);
    String communityId = ctx.pathParam("communityId");
    int from = offset(ctx);
    return communities.get(caller, communityId).compose(m -> prompts.list(caller, communityId, from, PAGE).map(page -> {
      JsonArray chosen = Forms.all(ctx, "recipientIds");
      JsonArray recipients = new JsonArray();
      m.community().members().stream()
          .filter(member -> !member.userId().equals(caller.userId()))
          .forEach(member -> recipients.add(new JsonObject().put("userId", member.userId())
              .put("displayName", member.displayName())
              .put("chosen", chosen.contains(member.userId()))));
      return Page.of("prompts", new JsonObject()
          .put("community", CommunityService.summary(m))
          .put("facilitator", m.is(Role.FACILITATOR))
          .put("member", m.isMember())
          .put("prompts", page.items())
          .put("next", page.next())
          .put("from", from)
          .put("recipients", recipients)
          .put("zoneName", pages.zone().getDisplayName(TextStyle.FULL, I18n.locale(Language.of(ctx)))));
    }));
  }

  private Future<Page> schedule(RoutingContext ctx) {
    String communityId = ctx.pathParam("communityId");
    JsonObject body = new JsonObject().put("text", Forms.text(ctx, "text"));
    Forms.putOptional(body, ctx, "sendAt");
    if ("chosen".equals(Forms.text(ctx, "to"))) {
      body.put("recipientIds", Forms.all(ctx, "recipientIds"));
    }
    JsonObject repeat = repeat(ctx);
    if (repeat != null) {
      body.put("repeat", repeat);
    }
    return forms.check("schedulePrompt", Map.of("communityId", communityId), body)
        .compose(valid -> prompts.schedule(Caller.required(ctx), communityId, valid))
        .map(done -> Page.redirect(Saved.after("/c/" + communityId + "/prompts", "prompt")));
  }

  /**
   * The repeat the form asks for: every week on the first time's weekday and time, every month on its day of
   * the month (the service takes those from the first time), or some days after each session; null for once.
   */
  private JsonObject repeat(RoutingContext ctx) {
    String every = Forms.text(ctx, "repeat");
    if (!List.of("week", "month", "afterSession").contains(every)) {
      return null;
    }
    JsonObject rule = new JsonObject().put("every", every).put("times", number(Forms.text(ctx, "times")));
    if ("afterSession".equals(every)) {
      rule.put("daysAfter", number(Forms.text(ctx, "daysAfter")));
    }
    if ("week".equals(every)) {
      LocalDateTime first = firstTime(Forms.text(ctx, "sendAt"));
      if (first != null) {
        rule.put("day", first.getDayOfWeek().name().toLowerCase(Locale.ROOT))
            .put("time", first.toLocalTime().truncatedTo(ChronoUnit.MINUTES).toString());
      }
    }
    return rule;
  }

  /** When the prompt first goes out, as typed, or now; null when what was typed is no time (the contract says so). */
  private LocalDateTime firstTime(String sendAt) {
    if (sendAt.isEmpty()) {
      return LocalDateTime.now(pages.zone());
    }
    try {
      return LocalDateTime.parse(sendAt);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** A number as typed; what is not one goes to the contract as text, which then names the field. */
  private static Object number(String typed) {
    return typed.matches("[0-9]{1,6}") ? (Object) Integer.valueOf(typed) : typed;
  }

  private Future<Page> prompt(RoutingContext ctx) {
    return prompts.get(Caller.required(ctx), ctx.pathParam("promptId"))
        .map(prompt -> Page.of("prompt", new JsonObject().put("prompt", prompt)
            // Shown again after a refused answer, the form keeps its token: nothing was made with it yet.
            .put("clientToken", Forms.clientToken(ctx))
            .put("canAnswer", prompt.getBoolean("forMe") && prompt.getBoolean("sent") && !prompt.getBoolean("answeredByMe"))));
  }

  private Future<Page> answer(RoutingContext ctx) {
    String promptId = ctx.pathParam("promptId");
    JsonObject body = new JsonObject()
        .put("text", Forms.text(ctx, "text"))
        .put("visibility", "community".equals(Forms.text(ctx, "visibility")) ? "community" : "private");
    return forms.check("answerPrompt", Map.of("promptId", promptId), body)
        .compose(valid -> prompts.answer(Caller.required(ctx), promptId, valid, Forms.text(ctx, Forms.CLIENT_TOKEN)))
        .map(note -> Page.redirect("/prompts/" + promptId));
  }

  private static int offset(RoutingContext ctx) {
    try {
      return Math.max(0, Integer.parseInt(ctx.request().getParam("from", "0")));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
