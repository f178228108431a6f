package nl.leerkring.home;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import nl.leerkring.web.Caller;
import nl.leerkring.web.Language;
import nl.leerkring.web.Page;
import nl.leerkring.web.Pages;

import java.util.List;

/**
 * The first page after logging in (my communities and what is asked of me now), the facilitator's overview, and
 * the menu's choice of community for someone in several.
 */
public final class HomePages {

  private final Pages pages;
  private final HomeService home;
  private final FacilitatorService facilitator;

  public HomePages(Pages pages, HomeService home, FacilitatorService facilitator) {
    this.pages = pages;
    this.home = home;
    this.facilitator = facilitator;
  }

  public void mount(Router router) {
    router.get("/").handler(pages.show(this::home));
    router.get("/facilitator").handler(pages.show(ctx -> facilitator.overview(Caller.required(ctx))
        .map(communities -> {
          communities.forEach(c -> counted((JsonObject) c, "unowned", "overdue", "plannedPrompts", "comingSessions"));
          communities.forEach(c -> chart((JsonObject) c, Language.of(ctx)));
          return Page.of("facilitator", new JsonObject().put("communities", communities));
        })));
    router.get("/write").handler(pages.show(ctx -> choose(ctx, "write", "/notes/new")));
    router.get("/questions").handler(pages.show(ctx -> choose(ctx, "questions", "/questions")));
  }

  /**
   * Where the menu's "write a note" and "questions" lead someone in several communities: which one? With one
   * community there is nothing to choose (the menu links it directly, an old link lands there too).
   */
  private Future<Page> choose(RoutingContext ctx, String purpose, String inCommunity) {
    return home.memberOf(Caller.required(ctx)).map(mine -> {
      if (mine.size() == 1) {
        return Page.redirect("/c/" + mine.get(0).getString("id") + inCommunity);
      }
      JsonArray choices = new JsonArray();
      mine.forEach(c -> choices.add(new JsonObject().put("id", c.getString("id")).put("title", c.getString("title"))
          .put("href", "/c/" + c.getString("id") + inCommunity)));
      return Page.of("community-choice", new JsonObject().put("purpose", purpose).put("communities", choices));
    });
  }

  /**
   * The participation chart, and whether it has anything to show: a chart of nothing but zeros is left out for a
   * sentence that says so.
   */
  private static void chart(JsonObject community, String language) {
    List<ParticipationChart.Member> members = community.getJsonArray("participation").stream()
        .map(p -> (JsonObject) p)
        .map(p -> new ParticipationChart.Member(p.getString("displayName"), p.getLong("notes"), p.getLong("answers"),
            p.getLong("attended"), p.getBoolean("quiet")))
        .toList();
    int held = community.getInteger("sessionsHeld");
    boolean anything = held > 0 || members.stream().anyMatch(m -> m.notes() > 0 || m.answers() > 0);
    community.put("hasParticipants", !members.isEmpty()).put("hasParticipation", anything);
    if (anything) {
      community.put("chart", ParticipationChart.svg("chart-" + community.getString("id"), members, held,
          community.getInteger("weeks"), language));
    }
  }

  /** Headings say how many there are, also when there are none. */
  private static void counted(JsonObject community, String... lists) {
    for (String list : lists) {
      community.put(list + "Count", community.getJsonArray(list).size());
    }
  }

  private Future<Page> home(RoutingContext ctx) {
    return home.askedOfMe(Caller.required(ctx)).map(model -> Page.of("home", model));
  }
}
