package nl.leerkring.contribution;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import nl.leerkring.web.Caller;
import nl.leerkring.community.CommunityService;
import nl.leerkring.platform.Problem;
import nl.leerkring.web.Forms;
import nl.leerkring.web.Page;
import nl.leerkring.web.Pages;
import nl.leerkring.web.Saved;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/** The lecturer's pages: what the communities I serve ask of me, and writing a contribution. */
public final class LecturerPages {

  /** Empty rows for references, so that several can be added without JavaScript. */
  static final int REFERENCE_ROWS = 3;

  private final Pages pages;
  private final Forms forms;
  private final CommunityService communities;
  private final ContributionService contributions;

  public LecturerPages(Pages pages, Forms forms, CommunityService communities, ContributionService contributions) {
    this.pages = pages;
    this.forms = forms;
    this.communities = communities;
    this.contributions = contributions;
  }

  public void mount(Router router) {
    router.get("/lecturer").handler(pages.show(this::overview));
    router.get("/c/:communityId/contributions/new").handler(pages.show(this::form));
    router.post("/c/:communityId/contributions").handler(pages.form(this::add, this::form));
  }

  private Future<Page> overview(RoutingContext ctx) {
    Caller caller = Caller.required(ctx);
    return communities.list(caller).compose(list -> {
      List<Future<JsonObject>> desks = list.stream().map(c -> (JsonObject) c)
          .filter(c -> "lecturer".equals(c.getString("myRole")))
          .map(c -> contributions.desk(caller, c.getString("id")))
          .toList();
      return Future.all(desks).map(done -> Page.of("lecturer", new JsonObject()
          .put("desks", new JsonArray(desks.stream().map(Future::result).toList()))));
    });
  }

  /** The form, empty or (after a refusal) with the questions that were ticked and the references typed. */
  private Future<Page> form(RoutingContext ctx) {
    boolean again = "POST".equals(ctx.request().method().name());
    Set<String> ticked = Set.copyOf(again ? Forms.all(ctx, "questionIds").stream().map(String::valueOf).toList()
        : ctx.queryParam("question"));
    return contributions.desk(Caller.required(ctx), ctx.pathParam("communityId")).map(desk -> {
      desk.getJsonArray("questions").forEach(q -> ((JsonObject) q).put("checked",
          ticked.contains(((JsonObject) q).getString("id"))));
      JsonArray rows = new JsonArray();
      IntStream.range(0, REFERENCE_ROWS).forEach(i -> rows.add(new JsonObject().put("index", i).put("number", i + 1)
          .put("title", again ? Forms.text(ctx, reference(i, "title")) : "")
          .put("url", again ? Forms.text(ctx, reference(i, "url")) : "")));
      // Shown again after a refusal, the form keeps its token: nothing was made with it yet.
      return Page.of("contribution-new", desk.put("references", rows).put("clientToken", Forms.clientToken(ctx)).put("kinds", new JsonArray(Arrays.stream(ContributionKind.values()).map(ContributionKind::value).toList())));
    });
  }

  private Future<Page> add(RoutingContext ctx) {
    String communityId = ctx.pathParam("communityId");
    JsonObject body = new JsonObject()
        .put("kind", Forms.text(ctx, "kind"))
        .put("text", Forms.text(ctx, "text"))
        .put("questionIds", Forms.all(ctx, "questionIds"));
    // Blank rows are left out: three rows are offered so that several fit without JavaScript.
    JsonArray references = new JsonArray();
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < REFERENCE_ROWS; i++) {
      String title = Forms.text(ctx, reference(i, "title"));
      String url = Forms.text(ctx, reference(i, "url"));
      if (title.isEmpty() && url.isEmpty()) {
        continue;
      }
      JsonObject reference = new JsonObject().put("title", title);
      if (!url.isEmpty()) {
        reference.put("url", url);
      }
      references.add(reference);
      rows.add(i);
    }
    if (!references.isEmpty()) {
      body.put("references", references);
    }
    return forms.check("addContribution", Map.of("communityId", communityId), body)
        .recover(failure -> Future.failedFuture(failure instanceof Problem problem
            ? problem.renameFields(field -> onFormRow(field, rows)) : failure))
        .compose(valid -> contributions.add(Caller.required(ctx), communityId, valid,
            Forms.text(ctx, Forms.CLIENT_TOKEN)))
        .map(added -> Page.redirect(Saved.after("/lecturer#contribution-" + added.getString("id"), "contribution")));
  }

  /** references/0/url is the first reference sent, which is on the form's row 2 when row 1 was left blank. */
  private static String onFormRow(String field, List<Integer> rows) {
    String[] steps = field.split("/");
    if (steps.length > 1 && "references".equals(steps[0]) && steps[1].matches("\\d+")
        && Integer.parseInt(steps[1]) < rows.size()) {
      steps[1] = String.valueOf(rows.get(Integer.parseInt(steps[1])));
    }
    return String.join("/", steps);
  }

  private static String reference(int row, String field) {
    return "references." + row + "." + field;
  }
}
