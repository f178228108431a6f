package nl.leerkring.schedule;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.community.CommunityStore;
import nl.leerkring.mail.MailKind;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Step;
import nl.leerkring.platform.Times;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells the members that a session moved, changed place or was cancelled: in the app, and by mail with the
 * updated event (same UID, higher SEQUENCE) or its CANCEL, so their calendars follow.
 */
final class SessionChanges implements JobHandler {

  static final String KIND = "sessionChange";

  private final Database db;
  private final CommunityStore communities;
  private final String publicUrl;

  SessionChanges(Database db, CommunityStore communities, String publicUrl) {
    this.db = db;
    this.communities = communities;
    this.publicUrl = publicUrl;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Future<Outcome> run(JsonObject job) {
    JsonObject data = Jobs.data(job);
    Instant now = db.clock().instant();
    return db.mongo().findOne("sessions", new JsonObject().put("_id", data.getString("sessionId")), null).compose(session -> {
      if (session == null) {
        return Future.succeededFuture(Outcome.skipped("session_gone"));
      }
      Instant end = Instant.parse(session.getString("startsAt")).plusSeconds(60L * session.getInteger("durationMinutes", 120));
      if (now.isAfter(end)) {
        return Future.succeededFuture(Outcome.skipped("session_over"));
      }
      return communities.byId(session.getString("communityId")).map(community -> tell(job, session, community, now));
    });
  }

  private Outcome tell(JsonObject job, JsonObject session, JsonObject community, Instant now) {
    String sessionId = session.getString("_id");
    boolean cancelled = "cancelled".equals(session.getString("status"));
    String kind = cancelled ? "sessionCancelled" : "sessionChanged";
    String title = Recipients.title(community);
    List<Step> steps = new ArrayList<>();
    for (String userId : Recipients.of(community, null, Jobs.data(job).getString("by"))) {
      steps.addAll(Fanout.inApp(job.getString("_id"), sessionId, userId, kind, new JsonArray().add(title),
          sessionLink(sessionId), Times.format(now)));
      steps.add(Fanout.mail(job.getString("_id"), sessionId, userId, MailKind.SESSION_CHANGE, kind,
          new JsonArray().add(title), model(session, community, publicUrl), sessionId, now));
    }
    return Outcome.sent(steps);
  }

  static String sessionLink(String sessionId) {
    return "/sessions/" + sessionId;
  }

  /** What a session mail shows: when (as an instant, formatted in the reader's language), where, and links. */
  static JsonObject model(JsonObject session, JsonObject community, String publicUrl) {
    return new JsonObject()
        .put("community", Recipients.title(community))
        .put("startsAt", session.getString("startsAt"))
        .put("durationMinutes", session.getInteger("durationMinutes", 120))
        .put("place", session.getString("place"))
        .put("onlineLink", session.getString("onlineLink"))
        .put("sessionUrl", publicUrl + sessionLink(session.getString("_id")));
  }
}
