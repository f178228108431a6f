package nl.leerkring.home;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.web.Caller;
import nl.leerkring.community.CommunityService;
import nl.leerkring.platform.Database;
import nl.leerkring.prompt.PromptService;
import nl.leerkring.session.Session;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What is asked of a person now, across their communities: prompts they have not answered yet, agreements
 * they took on and have not finished, and the next session.
 */
public final class HomeService {

  static final int SHOWN = 10;

  private final Database db;
  private final CommunityService communities;
  private final PromptService prompts;
  private final Agenda agenda;
  /** The installation's zone, in which "overdue" is counted from today. */
  private final ZoneId zone;

  public HomeService(Database db, CommunityService communities, PromptService prompts, Agenda agenda, ZoneId zone) {
    this.db = db;
    this.communities = communities;
    this.prompts = prompts;
    this.agenda = agenda;
    this.zone = zone;
  }

  /** The communities the person is a member of (a company admin's other communities are not theirs to write in). */
  public Future<List<JsonObject>> memberOf(Caller caller) {
    return communities.list(caller).map(all -> all.stream().map(c -> (JsonObject) c)
        .filter(c -> c.getString("myRole") != null).toList());
  }

  public Future<JsonObject> askedOfMe(Caller caller) {
    Future<JsonArray> mine = communities.list(caller);
    Future<JsonArray> delivered = prompts.mine(caller);
    List<Future<List<Session>>> sessions = caller.communityIds().stream().map(agenda::sessions).toList();
    return Future.all(mine, delivered, Future.all(sessions)).map(done -> {
      Instant now = db.clock().instant();
      String today = LocalDate.now(db.clock().withZone(zone)).toString();
      List<JsonObject> summaries = mine.result().stream().map(c -> (JsonObject) c).toList();
      List<Session> all = new ArrayList<>();
      sessions.forEach(f -> all.addAll(f.result()));

      JsonArray openPrompts = new JsonArray();
      delivered.result().stream().map(p -> (JsonObject) p).filter(p -> !p.getBoolean("answeredByMe"))
          .sorted(Comparator.comparing((JsonObject p) -> p.getString("sendAt")).reversed())
          .limit(SHOWN).forEach(openPrompts::add);
      JsonArray agreements = new JsonArray();
      Agenda.openAgreements(all).stream().filter(a -> caller.userId().equals(a.getString("ownerId"))).limit(SHOWN)
          .forEach(a -> agreements.add(a.put("overdue", a.getString("due") != null && a.getString("due").compareTo(today) < 0)
              .put("communityTitle", titleOf(summaries, a.getString("communityId")))));
      JsonObject next = Agenda.next(all, now).map(Agenda::session).orElse(null);
      if (next != null) {
        next.put("communityTitle", titleOf(summaries, next.getString("communityId")));
      }
      boolean facilitator = hasRole(summaries, "facilitator");
      boolean lecturer = hasRole(summaries, "lecturer");
      boolean admin = !caller.adminOf().isEmpty();
      return new JsonObject()
          .put("communities", mine.result())
          .put("openPrompts", openPrompts)
          .put("agreements", agreements)
          .put("nextSession", next)
          .put("facilitator", facilitator)
          .put("lecturer", lecturer)
          .put("admin", admin)
          .put("overviews", facilitator || lecturer || admin);
    });
  }

  private static boolean hasRole(List<JsonObject> summaries, String role) {
    return summaries.stream().anyMatch(c -> role.equals(c.getString("myRole")));
  }

  private static String titleOf(List<JsonObject> summaries, String communityId) {
    return summaries.stream().filter(c -> c.getString("id").equals(communityId)).findFirst()
        .map(c -> c.getString("title")).orElse("");
  }
}
