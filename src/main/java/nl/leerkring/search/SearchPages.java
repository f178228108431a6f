package nl.leerkring.search;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import nl.leerkring.community.CommunityService;
import nl.leerkring.community.Membership;
import nl.leerkring.platform.Problem;
import nl.leerkring.question.QuestionService;
import nl.leerkring.web.Caller;
import nl.leerkring.web.Language;
import nl.leerkring.web.Page;
import nl.leerkring.web.PageFailures;
import nl.leerkring.web.Pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The search page of a community: a GET form (so it works without JavaScript and a result page can be
 * bookmarked or shared), filters by kind, cycle and question, ten results a page.
 */
public final class SearchPages {

  private static final int PER_PAGE = SearchService.DEFAULT_LIMIT;
  private static final int MAX_PAGE = 100;

  private final Pages pages;
  private final SearchService search;
  private final CommunityService communities;
  private final QuestionService questions;

  public SearchPages(Pages pages, SearchService search, CommunityService communities, QuestionService questions) {
    this.pages = pages;
    this.search = search;
    this.communities = communities;
    this.questions = questions;
  }

  public void mount(Router router) {
    router.get("/c/:communityId/search").handler(pages.show(this::page));
  }

  private Future<Page> page(RoutingContext ctx) {
    Caller caller = Caller.required(ctx);
    String communityId = ctx.pathParam("communityId");
    String words = param(ctx, "q");
    String kind = choice(param(ctx, "kind"));
    Integer cycle = number(param(ctx, "cycle"), 1, 1000);
    String questionId = choice(param(ctx, "question"));
    Integer pageNumber = number(param(ctx, "page"), 1, MAX_PAGE);
    int page = pageNumber == null ? 1 : pageNumber;
    return communities.get(caller, communityId).compose(m -> {
      SearchService.requireSearcher(m);
      return questions.list(caller, communityId, null).compose(asked -> {
        JsonObject model = form(m, words, kind, cycle, questionId, asked);
        if (words == null) {
          return Future.succeededFuture(Page.of("search", model));
        }
        String kindOrNull = kind != null && isKind(kind) ? kind : null;
        return search.search(caller, communityId, new SearchService.Request(words, kindOrNull, cycle, questionId,
                (page - 1) * PER_PAGE, PER_PAGE))
            .map(found -> {
              boolean more = found.getValue("next") != null && page < MAX_PAGE;
              return Page.of("search", model.put("searched", true).put("results", found)
                  .put("paging", page > 1 || more)
                  .put("previous", page > 1 ? link(communityId, words, kindOrNull, cycle, questionId, page - 1) : null)
                  .put("next", more ? link(communityId, words, kindOrNull, cycle, questionId, page + 1) : null));
            })
            .recover(failure -> {
              if (failure instanceof Problem problem && problem.status() == 400) {
                // Blank or too long: said next to the search field, in the person's language.
                return Future.succeededFuture(Page.of("search", model.put("errors",
                    new JsonObject().put("q", PageFailures.message(Language.of(ctx), problem))).put("_status", 400)));
              }
              if (failure instanceof Problem problem && SearchService.BUILDING.equals(problem.code())) {
                // The form stays, with what was typed, so that searching again later is one press.
                ctx.response().putHeader("Retry-After", String.valueOf(problem.retryAfterSeconds()));
                return Future.succeededFuture(Page.of("search", model.put("building", true).put("_status", 503)));
              }
              return Future.failedFuture(failure);
            });
      });
    });
  }

  private static JsonObject form(Membership m, String words, String kind, Integer cycle, String questionId,
                                 JsonArray asked) {
    JsonArray kinds = new JsonArray();
    for (SearchKind k : SearchKind.values()) {
      kinds.add(new JsonObject().put("value", k.value()).put("selected", k.value().equals(kind)));
    }
    JsonArray cycles = new JsonArray();
    for (int n = m.currentCycle(); n >= 1; n--) {
      cycles.add(new JsonObject().put("number", n).put("selected", cycle != null && cycle == n));
    }
    JsonArray questionChoices = new JsonArray();
    asked.stream().map(q -> (JsonObject) q).forEach(q -> questionChoices.add(new JsonObject()
        .put("id", q.getString("id")).put("text", q.getString("text"))
        .put("selected", q.getString("id").equals(questionId))));
    return new JsonObject()
        .put("communityId", m.communityId())
        .put("communityTitle", CommunityService.summary(m).getString("title"))
        .put("q", words == null ? "" : words)
        .put("kinds", kinds)
        .put("cycles", cycles)
        .put("questions", questionChoices);
  }

  private static String link(String communityId, String words, String kind, Integer cycle, String questionId, int page) {
    StringBuilder out = new StringBuilder("/c/").append(communityId).append("/search?q=").append(encode(words));
    if (kind != null) {
      out.append("&kind=").append(encode(kind));
    }
    if (cycle != null) {
      out.append("&cycle=").append(cycle);
    }
    if (questionId != null) {
      out.append("&question=").append(encode(questionId));
    }
    return out.append("&page=").append(page).toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static boolean isKind(String value) {
    for (SearchKind k : SearchKind.values()) {
      if (k.value().equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static String param(RoutingContext ctx, String name) {
    return ctx.request().getParam(name);
  }

  /** "All" in a select is an empty value. */
  private static String choice(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  /** A number in range, or null for anything else (a hand-edited address shows all rather than an error). */
  private static Integer number(String value, int min, int max) {
    try {
      int n = Integer.parseInt(value == null ? "" : value.strip());
      return n >= min && n <= max ? n : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
