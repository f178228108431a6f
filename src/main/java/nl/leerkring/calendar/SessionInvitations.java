package nl.leerkring.calendar;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.mail.MailAttachment;
import nl.leerkring.community.CommunityStore;
import nl.leerkring.platform.Database;
import nl.leerkring.session.SessionStatus;
import nl.leerkring.session.SessionStore;


/**
 * A session as the calendar invitation attached to a mail about it: REQUEST adds or updates the event,
 * CANCEL removes it. The organizer is the address mail comes from.
 */
public final class SessionInvitations {

  private final Database db;
  private final SessionStore sessions;
  private final CommunityStore communities;
  private final String organizer;

  /** {@code organizer} is the bare address mail comes from. */
  public SessionInvitations(Database db, CommunityStore communities, String organizer) {
    this.db = db;
    this.sessions = new SessionStore(db);
    this.communities = communities;
    this.organizer = organizer;
  }

  /** Null when the session is gone. */
  public Future<MailAttachment> of(String sessionId, String language) {
    return sessions.byId(sessionId).compose(session -> session == null
        ? Future.succeededFuture()
        : communities.byId(session.communityId()).map(community -> {
          String ics = CalendarEvents.invitation(
              new CalendarEvents.Entry(session, community.title()),
              language, "Leerkring", organizer, db.clock().instant());
          String method = session.is(SessionStatus.CANCELLED) ? "CANCEL" : "REQUEST";
          return MailAttachment.create()
              .setName("bijeenkomst.ics")
              .setContentType("text/calendar; charset=utf-8; method=" + method)
              .setData(Buffer.buffer(ics));
        }));
  }
}
