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
import nl.leerkring.platform.Times;
import nl.leerkring.platform.jobs.DeliveryJob;
import nl.leerkring.platform.jobs.Jobs;
import nl.leerkring.platform.jobs.Outcome;
import nl.leerkring.platform.jobs.Timing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells the members that a session moved, changed place or was cancelled: in the app, and by mail with the
 * updated event (same UID, higher SEQUENCE) or its CANCEL, so their calendars follow.
 */
public final class SessionChanges extends DeliveryJob<SessionChanges.Telling> {

  static final String KIND = "sessionChange";

  private final SessionStore sessions;
  private final CommunityStore communities;
  private final Rhythm rhythm;
  private final String publicUrl;

  public SessionChanges(Database db, CommunityStore communities, Rhythm rhythm, String publicUrl) {
    super(db.clock());
    this.sessions = new SessionStore(db);
    this.communities = communities;
    this.rhythm = rhythm;
    this.publicUrl = publicUrl;
  }

  /** The session, its community and the community's rhythm. */
  record Telling(Session session, Community community, Rhythm.Settings settings) {

    Instant start() {
      return session.startsAt();
    }

    Instant end() {
      return session.startsAt().plusSeconds(60L * session.durationMinutes());
    }
  }

  /** What a session's jobs load; null when the session is gone. */
  static Future<Telling> telling(SessionStore sessions, CommunityStore communities, Rhythm rhythm, JsonObject job) {
    return sessions.byId(Jobs.data(job).getString("sessionId"))
        .compose(session -> session == null ? Future.succeededFuture() : communities.byId(session.communityId())
            .compose(community -> rhythm.of(session.communityId())
                .map(settings -> new Telling(session, community, settings))));
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  protected Future<Telling> load(JsonObject job) {
    return telling(sessions, communities, rhythm, job);
  }

  @Override
  protected String skipReason(JsonObject job, Telling telling) {
    return telling == null ? "session_gone" : null;
  }

  @Override
  protected Timing timing(JsonObject job, Telling telling) {
    return Timing.at(Jobs.at(job)).before(telling.end());
  }

  @Override
  protected Outcome tooLate(JsonObject job, Telling telling, Instant now) {
    return Outcome.skipped("session_over");
  }

  @Override
  protected Future<Outcome> deliver(JsonObject job, Telling telling, Instant now) {
    Session session = telling.session();
    Community community = telling.community();
    String sessionId = session.id();
    String kind = session.is(SessionStatus.CANCELLED) ? "sessionCancelled" : "sessionChanged";
    String title = community.title();
    List<Step> steps = new ArrayList<>();
    for (String userId : Recipients.of(community, null, Jobs.data(job).getString("by"))) {
      steps.addAll(Fanout.inApp(job.getString("_id"), sessionId, userId, kind, new JsonArray().add(title),
          sessionLink(sessionId), Times.format(now)));
      steps.add(Fanout.mail(job.getString("_id"), sessionId, userId, MailKind.SESSION_CHANGE, kind,
          new JsonArray().add(title), model(session, community, publicUrl), sessionId, now));
    }
    return Future.succeededFuture(Outcome.sent(steps));
  }

  static String sessionLink(String sessionId) {
    return "/sessions/" + sessionId;
  }

  /** What a session mail shows: when (as an instant, formatted in the reader's language), where, and links. */
  static JsonObject model(Session session, Community community, String publicUrl) {
    return new JsonObject()
        .put("community", community.title())
        .put("startsAt", Times.format(session.startsAt()))
        .put("durationMinutes", session.durationMinutes())
        .put("place", session.place())
        .put("onlineLink", session.onlineLink())
        .put("sessionUrl", publicUrl + sessionLink(session.id()));
  }
}
