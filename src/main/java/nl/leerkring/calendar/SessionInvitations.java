package nl.leerkring.calendar;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.mail.MailAttachment;
import nl.leerkring.community.CommunityStore;
import nl.leerkring.platform.Database;
import nl.leerkring.session.SessionStatus;
import nl.leerkring.session.SessionStore;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A session as the calendar invitation attached to a mail about it: REQUEST adds or updates the event,
 * CANCEL removes it. The organizer is the address mail comes from.
 */
public final class SessionInvitations {

  private static final Pattern ADDRESS = Pattern.compile("<([^>]+)>");

  private final Database db;
  private final SessionStore sessions;
  private final CommunityStore communities;
  private final String organizer;

  /** {@code from} is the mail's sender, with or without a name ("Leerkring &lt;a@b&gt;"). */
  public SessionInvitations(Database db, CommunityStore communities, String from) {
    this.db = db;
    this.sessions = new SessionStore(db);
    this.communities = communities;
    Matcher inBrackets = ADDRESS.matcher(from);
    this.organizer = (inBrackets.find() ? inBrackets.group(1) : from).trim().toLowerCase(Locale.ROOT);
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
