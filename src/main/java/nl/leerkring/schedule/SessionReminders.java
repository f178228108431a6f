package nl.leerkring.schedule;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.community.CommunityStore;
import nl.leerkring.mail.MailKind;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Step;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The reminder before a session (24 hours by default, per community), by mail with the session as a
 * calendar invitation. A reminder for a session that was cancelled, moved or is already over is skipped,
 * and that is recorded.
 */
final class SessionReminders implements JobHandler {

  static final String KIND = "sessionReminder";

  private final Database db;
  private final CommunityStore communities;
  private final Rhythm rhythm;
  private final String publicUrl;

  SessionReminders(Database db, CommunityStore communities, Rhythm rhythm, String publicUrl) {
    this.db = db;
    this.communities = communities;
    this.rhythm = rhythm;
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
      if (session == null || "cancelled".equals(session.getString("status"))) {
        return Future.succeededFuture(Outcome.skipped("cancelled"));
      }
      if (!session.getString("startsAt").equals(data.getString("startsAt"))) {
        return Future.succeededFuture(Outcome.skipped("moved"));
      }
      Instant start = Instant.parse(session.getString("startsAt"));
      if (!now.isBefore(start)) {
        return Future.succeededFuture(Outcome.skipped("session_over"));
      }
      return rhythm.of(session.getString("communityId")).compose(settings -> {
        Instant due = start.minus(settings.sessionReminder());
        if (due.isAfter(now)) {
          return Future.succeededFuture(Outcome.later(due));
        }
        Instant allowed = settings.quietHours().nextAllowed(now);
        if (allowed.isAfter(now) && allowed.isBefore(start)) {
          return Future.succeededFuture(Outcome.later(allowed));
        }
        return communities.byId(session.getString("communityId")).map(community -> remind(job, session, community, now));
      });
    });
  }

  private Outcome remind(JsonObject job, JsonObject session, JsonObject community, Instant now) {
    String sessionId = session.getString("_id");
    JsonObject model = SessionChanges.model(session, community, publicUrl);
    List<Step> steps = new ArrayList<>();
    for (String userId : Recipients.of(community, null, null)) {
      steps.add(Fanout.mail(job.getString("_id"), sessionId, userId, MailKind.SESSION_REMINDER, "sessionReminder",
          new JsonArray().add(Recipients.title(community)), model, sessionId, now));
    }
    return Outcome.sent(steps);
  }
}
