package nl.leerkring.scan;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import nl.leerkring.platform.Problem;
import nl.leerkring.platform.Times;
import nl.leerkring.web.Caller;
import nl.leerkring.web.Forms;
import nl.leerkring.web.Language;
import nl.leerkring.web.Page;
import nl.leerkring.web.Pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The scan in the browser: a community's (or company's) rounds, opening and closing one, answering it on a
 * phone one building block per step (what is chosen is kept at every step, so a person can stop and go on
 * later), and the results with their chart, table and CSV file.
 */
public final class ScanPages {

  private final Pages pages;
  private final Forms forms;
  private final ScanService scans;
  private final ScanResults results;

  public ScanPages(Pages pages, Forms forms, ScanService scans, ScanResults results) {
    this.pages = pages;
    this.forms = forms;
    this.scans = scans;
    this.results = results;
  }

  public void mount(Router router) {
    router.get("/c/:communityId/scans").handler(pages.show(ctx -> overview(ctx, ctx.pathParam("communityId"), null)));
    router.get("/o/:organisationId/scans").handler(pages.show(ctx -> overview(ctx, null, ctx.pathParam("organisationId"))));
    router.post("/scans").handler(pages.form(this::open, ctx -> overview(ctx, emptyAsNull(Forms.text(ctx, "communityId")),
        emptyAsNull(Forms.text(ctx, "organisationId")))));
    router.get("/scans/:roundId").handler(pages.show(this::step));
    router.post("/scans/:roundId").handler(pages.form(this::answer, this::step));
    router.post("/scans/:roundId/close").handler(pages.show(this::close));
    router.get("/scans/:roundId/results").handler(pages.show(this::results));
    router.get("/scans/:roundId/results.csv").handler(this::csv);
  }

  private Future<Page> overview(RoutingContext ctx, String communityId, String organisationId) {
    return scans.overview(Caller.required(ctx), communityId, organisationId)
        .map(model -> Page.of("scans", model.put("opened", "1".equals(ctx.request().getParam("opened")))));
  }

  private Future<Page> open(RoutingContext ctx) {
    JsonObject body = new JsonObject().put("kind", Forms.text(ctx, "kind"));
    Forms.putOptional(body, ctx, "communityId");
    Forms.putOptional(body, ctx, "organisationId");
    Forms.putOptional(body, ctx, "questionSet");
    return forms.check("openScanRound", Map.of(), body)
        .compose(valid -> scans.open(Caller.required(ctx), valid))
        .map(round -> Page.redirect(round.getString("communityId") != null
            ? "/c/" + round.getString("communityId") + "/scans?opened=1"
            : "/o/" + round.getString("organisationId") + "/scans?opened=1"));
  }

  /**
   * One building block of the round; without {@code ?step=} the first one with a statement not yet answered,
   * so a person who stopped halfway goes on where they were.
   */
  private Future<Page> step(RoutingContext ctx) {
    return scans.get(Caller.required(ctx), ctx.pathParam("roundId")).map(round -> {
      JsonArray blocks = round.getJsonArray("questions");
      JsonObject draft = round.getJsonObject("draft");
      int step = stepOf(ctx, blocks, draft);
      JsonObject block = blocks.getJsonObject(step - 1);
      boolean posted = "POST".equals(ctx.request().method().name());
      JsonArray statements = new JsonArray();
      for (Object s : block.getJsonArray("statements")) {
        JsonObject statement = ((JsonObject) s).copy();
        String key = statement.getString("key");
        String chosen = posted ? Forms.text(ctx, key) : draft.containsKey(key) ? String.valueOf(draft.getValue(key)) : "";
        statement.put("chosen", chosen).put("missing", posted && chosen.isEmpty()).put("options", options(key, chosen));
        statements.add(statement);
      }
      return Page.of("scan", new JsonObject()
          .put("round", round)
          .put("block", block.put("statements", statements))
          .put("step", step)
          .put("steps", blocks.size())
          .put("first", step == 1)
          .put("last", step == blocks.size())
          .put("done", "1".equals(ctx.request().getParam("done")))
          .put("incomplete", "1".equals(ctx.request().getParam("incomplete"))));
    });
  }

  /** The scale and "don't know" as radio buttons, with the person's choice ticked. */
  private static JsonArray options(String key, String chosen) {
    JsonArray options = new JsonArray();
    for (int v = 1; v <= Tally.SCALE; v++) {
      options.add(option(key, v, chosen));
    }
    return options.add(option(key, Tally.DONT_KNOW, chosen));
  }

  private static JsonObject option(String key, int value, String chosen) {
    return new JsonObject().put("id", key + "-" + value).put("value", value)
        .put("label", "scan.scale." + value).put("checked", String.valueOf(value).equals(chosen));
  }

  private static int stepOf(RoutingContext ctx, JsonArray blocks, JsonObject draft) {
    String asked = "POST".equals(ctx.request().method().name()) ? Forms.text(ctx, "step") : ctx.request().getParam("step");
    if (asked != null && asked.matches("\\d{1,2}")) {
      return Math.max(1, Math.min(blocks.size(), Integer.parseInt(asked)));
    }
    return firstIncomplete(blocks, draft);
  }

  /** The first block with a statement the draft has no answer for; the last when all are answered. */
  private static int firstIncomplete(JsonArray blocks, JsonObject draft) {
    for (int i = 0; i < blocks.size(); i++) {
      for (Object s : blocks.getJsonObject(i).getJsonArray("statements")) {
        if (!draft.containsKey(((JsonObject) s).getString("key"))) {
          return i + 1;
        }
      }
    }
    return blocks.size();
  }

  /**
   * Keeps this step's choices in the draft, then goes back, on, or (at the last step) sends the whole draft.
   * Going on needs every statement of the step answered; going back keeps what was chosen.
   */
  private Future<Page> answer(RoutingContext ctx) {
    Caller caller = Caller.required(ctx);
    String roundId = ctx.pathParam("roundId");
    String go = Forms.text(ctx, "go");
    return scans.get(caller, roundId).compose(round -> {
      JsonArray blocks = round.getJsonArray("questions");
      int step = stepOf(ctx, blocks, round.getJsonObject("draft"));
      JsonObject answers = new JsonObject();
      List<String> missing = new ArrayList<>();
      for (Object s : blocks.getJsonObject(step - 1).getJsonArray("statements")) {
        String key = ((JsonObject) s).getString("key");
        String value = Forms.text(ctx, key);
        if (value.isEmpty()) {
          missing.add(key);
        } else {
          answers.put(key, value.matches("\\d") ? Integer.valueOf(value) : value);
        }
      }
      if (!"back".equals(go) && !missing.isEmpty()) {
        throw Problem.invalidField("answers/" + missing.get(0), "required", "Answer every statement (or choose don't know).");
      }
      return forms.check("saveScanDraft", Map.of("roundId", roundId), new JsonObject().put("answers", answers))
          .compose(valid -> scans.saveDraft(caller, roundId, valid.getJsonObject("answers")))
          .compose(saved -> {
            String here = "/scans/" + roundId;
            if ("back".equals(go)) {
              return Future.succeededFuture(Page.redirect(here + "?step=" + Math.max(1, step - 1)));
            }
            if (step < blocks.size()) {
              return Future.succeededFuture(Page.redirect(here + "?step=" + (step + 1)));
            }
            return send(caller, roundId, blocks);
          });
    });
  }

  /** Sends the draft once it answers every statement; otherwise back to the first step that lacks one. */
  private Future<Page> send(Caller caller, String roundId, JsonArray blocks) {
    String here = "/scans/" + roundId;
    return scans.get(caller, roundId).compose(round -> {
      JsonObject draft = round.getJsonObject("draft");
      int incomplete = firstIncomplete(blocks, draft);
      boolean complete = blocks.stream().allMatch(b -> ((JsonObject) b).getJsonArray("statements").stream()
          .allMatch(s -> draft.containsKey(((JsonObject) s).getString("key"))));
      if (!complete) {
        return Future.succeededFuture(Page.redirect(here + "?step=" + incomplete + "&incomplete=1"));
      }
      return scans.answer(caller, roundId, draft).map(done -> Page.redirect(here + "?done=1"));
    });
  }

  private Future<Page> close(RoutingContext ctx) {
    String roundId = ctx.pathParam("roundId");
    return scans.close(Caller.required(ctx), roundId).map(x -> Page.redirect("/scans/" + roundId + "/results"));
  }

  private Future<Page> results(RoutingContext ctx) {
    String language = Language.of(ctx);
    return results.of(Caller.required(ctx), ctx.pathParam("roundId")).map(found -> {
      JsonObject model = ScanResults.toJson(found, language);
      if (found.results() != null && found.results().shown()) {
        ScanTable table = found.table(language);
        model.put("chart", ScanChart.svg("scan-chart", found.results(), found.changes(), language))
            .put("header", new JsonArray(table.header()))
            .put("rows", table.rowsJson())
            .put("attentionBlocks", attention(found, language));
      }
      if (found.before() != null) {
        model.put("beforeOpenedAt", Times.format(found.before().openedAt()));
      }
      return Page.of("scan-results", model);
    });
  }

  private static JsonArray attention(ScanResults.Found found, String language) {
    JsonArray out = new JsonArray();
    found.results().attention().forEach(key -> found.results().blocks().stream()
        .filter(b -> b.block().key().equals(key)).findFirst()
        .ifPresent(b -> out.add(new JsonObject().put("title", b.block().title(language))
            .put("mean", ScanTable.number(b.mean(), language)))));
    return out;
  }

  /** A file, not a page: failures still go to the page failure handler (login, 404). */
  private void csv(RoutingContext ctx) {
    try {
      results.csv(Caller.required(ctx), ctx.pathParam("roundId"), Language.of(ctx))
          .onFailure(ctx::fail).onSuccess(csv -> sendCsv(ctx, csv));
    } catch (RuntimeException e) {
      ctx.fail(e);
    }
  }

  static void sendCsv(RoutingContext ctx, String csv) {
    ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
        .putHeader("Content-Disposition", "attachment; filename=\"leercultuurscan.csv\"")
        .end(csv);
  }

  private static String emptyAsNull(String value) {
    return value.isEmpty() ? null : value;
  }
}
