package nl.leerkring.portfolio;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import nl.leerkring.platform.IdLists;
import nl.leerkring.platform.Problem;
import nl.leerkring.web.Caller;
import nl.leerkring.web.Forms;
import nl.leerkring.web.Language;
import nl.leerkring.web.Page;
import nl.leerkring.web.PageFailures;
import nl.leerkring.web.Pages;
import nl.leerkring.web.RouteNames;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The person's portfolio page: what they learned and did, filtered by community and cycle, with a tick per item
 * to share it with their manager (a plain form: nothing is shared unless ticked, and unticking stops it), and the
 * learning record as PDF or JSON. Also serves the record's JSON Schema.
 */
public final class PortfolioPages {

  private static final String SCHEMA = "webroot/api/learning-record.schema.json";

  private final Pages pages;
  private final PortfolioService portfolio;

  public PortfolioPages(Pages pages, PortfolioService portfolio) {
    this.pages = pages;
    this.portfolio = portfolio;
  }

  public void mount(Router router) {
    router.get("/portfolio").handler(pages.show(this::page));
    router.post("/portfolio/sharing").handler(pages.form(this::share, this::page));
    router.get("/portfolio/record").handler(this::record);
    router.get(LearningRecord.SCHEMA_PATH).handler(RouteNames.named(LearningRecord.SCHEMA_PATH))
        .handler(ctx -> ctx.response().putHeader("Content-Type", "application/schema+json").sendFile(SCHEMA));
  }

  static String fileName(String format) {
    return "leerbewijs." + format;
  }

  private Future<Page> page(RoutingContext ctx) {
    Caller caller = Caller.required(ctx);
    PortfolioService.Filter filter;
    try {
      filter = filter(ctx);
    } catch (Problem problem) {
      return portfolio.mine(caller, PortfolioService.Filter.ALL).map(view -> withError(ctx, model(ctx, view), problem));
    }
    return portfolio.mine(caller, filter).map(view -> Page.of("portfolio", model(ctx, view)))
        .recover(failure -> failure instanceof Problem problem && problem.field() != null
            ? portfolio.mine(caller, PortfolioService.Filter.ALL).map(view -> withError(ctx, model(ctx, view), problem))
            : Future.failedFuture(failure));
  }

  private static Page withError(RoutingContext ctx, JsonObject model, Problem problem) {
    String field = "communityId".equals(problem.field()) ? "community" : problem.field();
    return Page.of("portfolio", model.put("errors", new JsonObject()
        .put(field, PageFailures.message(Language.of(ctx), problem))).put("_status", 400));
  }

  /** The API's view, with the items grouped by kind and the filter's choices, as the template shows them. */
  private static JsonObject model(RoutingContext ctx, JsonObject view) {
    JsonArray groups = new JsonArray();
    for (PortfolioKind kind : PortfolioKind.values()) {
      JsonArray items = new JsonArray(view.getJsonArray("items").stream()
          .filter(i -> kind.value().equals(((JsonObject) i).getString("kind"))).toList());
      groups.add(new JsonObject().put("kind", kind.value()).put("items", items));
    }
    JsonObject filter = view.getJsonObject("filter");
    int cycles = view.getJsonArray("communities").stream().mapToInt(c -> ((JsonObject) c).getInteger("currentCycle"))
        .max().orElse(0);
    JsonArray cycleChoices = new JsonArray();
    for (int n = 1; n <= cycles; n++) {
      cycleChoices.add(n);
    }
    return view.put("groups", groups)
        .put("several", view.getJsonArray("communities").size() > 1)
        .put("cycleChoices", cycleChoices)
        .put("query", query(filter))
        .put("selectedCommunity", filter.getString("communityId"))
        .put("selectedCycle", filter.getInteger("cycle") == null ? null : String.valueOf(filter.getInteger("cycle")))
        .put("done", ctx.request().getParam("done"));
  }

  private static String query(JsonObject filter) {
    List<String> parts = new ArrayList<>();
    if (filter.getString("communityId") != null) {
      parts.add("community=" + URLEncoder.encode(filter.getString("communityId"), StandardCharsets.UTF_8));
    }
    if (filter.getInteger("cycle") != null) {
      parts.add("cycle=" + filter.getInteger("cycle"));
    }
    return String.join("&", parts);
  }

  /** Ticked items are shared; the items the form showed but are not ticked stop being shared. */
  private Future<Page> share(RoutingContext ctx) {
    Caller caller = Caller.required(ctx);
    List<String> shown = IdLists.strings(Forms.all(ctx, "shown"));
    List<String> chosen = IdLists.strings(Forms.all(ctx, "share"));
    String back = query(new JsonObject().put("communityId", blankAsNull(Forms.text(ctx, "community")))
        .put("cycle", cycleOrNull(Forms.text(ctx, "cycle"))));
    return portfolio.share(caller, shown, chosen)
        .map(done -> Page.redirect("/portfolio?" + (back.isEmpty() ? "" : back + "&") + "done=shared#sharing"));
  }

  private void record(RoutingContext ctx) {
    try {
      Caller caller = Caller.required(ctx);
      PortfolioService.Filter filter = filter(ctx);
      boolean sharedOnly = "shared".equals(ctx.request().getParam("items"));
      if ("json".equals(ctx.request().getParam("format"))) {
        portfolio.record(caller, filter, sharedOnly).onFailure(ctx::fail).onSuccess(record ->
            PortfolioRoutes.send(ctx, "application/json; charset=utf-8", fileName("json"),
                io.vertx.core.buffer.Buffer.buffer(record.encodePrettily())));
      } else {
        portfolio.pdf(caller, filter, sharedOnly, Language.of(ctx)).onFailure(ctx::fail)
            .onSuccess(pdf -> PortfolioRoutes.send(ctx, "application/pdf", fileName("pdf"), pdf));
      }
    } catch (RuntimeException e) {
      ctx.fail(e);
    }
  }

  private static PortfolioService.Filter filter(RoutingContext ctx) {
    String cycle = ctx.request().getParam("cycle");
    return new PortfolioService.Filter(blankAsNull(ctx.request().getParam("community")), parsedCycle(cycle));
  }

  private static Integer parsedCycle(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      int number = Integer.parseInt(value.strip());
      if (number >= 1) {
        return number;
      }
    } catch (NumberFormatException e) {
      // Refused below, at the field.
    }
    throw Problem.invalidField("cycle", "minimum", "A cycle is a number from 1.");
  }

  private static Integer cycleOrNull(String value) {
    try {
      return parsedCycle(value);
    } catch (Problem problem) {
      return null;
    }
  }

  private static String blankAsNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
