package nl.leerkring.session;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.community.Community;
import nl.leerkring.community.CommunityStore;
import nl.leerkring.community.Recipients;
import nl.leerkring.community.Rhythm;
import nl.leerkring.mail.MailKind;
import nl.leerkring.notification.Fanout;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Step;
import nl.leerkring.platform.jobs.DeliveryJob;
import nl.leerkring.platform.jobs.Outcome;
import nl.leerkring.platform.jobs.Timing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The reminder before a session (24 hours by default, per community), by mail with the session as a
 * calendar invitation. A reminder for a session that was cancelled, moved or is already over is skipped,
 * and that is recorded. Quiet hours hold it back only while it would still arrive before the session.
 */
public final class SessionReminders extends DeliveryJob<SessionChanges.Telling> {

  static final String KIND = "sessionReminder";

  private final SessionStore sessions;
  private final CommunityStore communities;
  private final Rhythm rhythm;
  private final String publicUrl;

  public SessionReminders(Database db, CommunityStore communities, Rhythm rhythm, String publicUrl) {
    super(db.clock());
    this.sessions = new SessionStore(db);
    this.communities = communities;
    this.rhythm = rhythm;
    this.publicUrl = publicUrl;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  protected Future<SessionChanges.Telling> load(JsonObject job) {
    return SessionChanges.telling(sessions, communities, rhythm, job);
  }

  @Override
  protected String skipReason(JsonObject job, SessionChanges.Telling telling) {
    if (telling == null || telling.session().is(SessionStatus.CANCELLED)) {
      return "cancelled";
    }
    return SessionJobs.forPresentStart(job, telling.session()) ? null : "moved";
  }

  @Override
  protected Timing timing(JsonObject job, SessionChanges.Telling telling) {
    Instant start = telling.start();
    return Timing.at(start.minus(telling.settings().sessionReminder())).quiet(telling.settings().quietHours())
        .before(start);
  }

  @Override
  protected Outcome tooLate(JsonObject job, SessionChanges.Telling telling, Instant now) {
    return Outcome.skipped("session_over");
  }

  @Override
  protected Future<Outcome> deliver(JsonObject job, SessionChanges.Telling telling, Instant now) {
    Session session = telling.session();
    Community community = telling.community();
    String sessionId = session.id();
    JsonObject model = SessionChanges.model(session, community, publicUrl);
    List<Step> steps = new ArrayList<>();
    for (String userId : Recipients.of(community, null, null)) {
      steps.add(Fanout.mail(job.getString("_id"), sessionId, userId, MailKind.SESSION_REMINDER, "sessionReminder",
          new JsonArray().add(community.title()), model, sessionId, now));
    }
    return Future.succeededFuture(Outcome.sent(steps));
  }
}
