package nl.leerkring.calendar;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import nl.leerkring.web.Caller;
import nl.leerkring.account.UserStore;
import nl.leerkring.community.Access;
import nl.leerkring.community.Community;
import nl.leerkring.community.CommunityStore;
import nl.leerkring.mail.CalendarLink;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Hashes;
import nl.leerkring.platform.IdLists;
import nl.leerkring.platform.Ids;
import nl.leerkring.platform.Problem;
import nl.leerkring.platform.Step;
import nl.leerkring.session.SessionStore;

import java.util.ArrayList;
import java.util.List;

/**
 * A person's private calendar subscription: a secret link that calendar programs poll. The database keeps
 * only the token's hash (as _id, for the lookup) and, per person, which hash is theirs, so making a new link
 * or stopping it revokes the old one.
 */
public final class CalendarFeeds implements CalendarLink {

  static final String FEEDS = "calendarFeeds";

  private final Database db;
  private final MongoClient mongo;
  private final UserStore users;
  private final CommunityStore communities;
  private final SessionStore sessions;
  private final Access access;
  private final String publicUrl;

  public CalendarFeeds(Database db, UserStore users, CommunityStore communities, Access access, String publicUrl) {
    this.db = db;
    this.mongo = db.mongo();
    this.users = users;
    this.communities = communities;
    this.sessions = new SessionStore(db);
    this.access = access;
    this.publicUrl = publicUrl;
  }

  private static String ownerKey(String userId) {
    return "user/" + userId;
  }

  /** Whether the person has a link, and since when; the link itself was shown once, when it was made. */
  @Override
  public Future<JsonObject> status(Caller caller) {
    return mongo.findOne(FEEDS, new JsonObject().put("_id", ownerKey(caller.userId())), null)
        .map(own -> new JsonObject().put("active", own != null).put("createdAt", own == null ? null : own.getString("createdAt")));
  }

  /** A new link; the old one, if any, stops working. */
  @Override
  public Future<JsonObject> renew(Caller caller) {
    String token = Ids.newSecret();
    String hash = Hashes.sha256(token);
    String now = db.now();
    return revoke(caller).compose(x -> db.writes().apply(
            Step.insert(FEEDS, new JsonObject().put("_id", hash).put("userId", caller.userId()).put("createdAt", now)),
            Step.upsert(FEEDS, ownerKey(caller.userId()),
                new JsonObject().put("$set", new JsonObject().put("hash", hash).put("createdAt", now)))))
        .map(x -> new JsonObject().put("active", true).put("createdAt", now)
            .put("url", publicUrl + "/calendar/" + token + ".ics"));
  }

  @Override
  public Future<Void> revoke(Caller caller) {
    return mongo.findOne(FEEDS, new JsonObject().put("_id", ownerKey(caller.userId())), null).compose(own -> own == null
        ? Future.succeededFuture()
        : mongo.removeDocument(FEEDS, new JsonObject().put("_id", own.getString("hash")))
            .compose(x -> mongo.removeDocument(FEEDS, new JsonObject().put("_id", ownerKey(caller.userId()))))
            .mapEmpty());
  }

  /** The subscription behind a token: all sessions of the person's communities. Unknown tokens: 404. */
  public Future<String> feed(String token) {
    return mongo.findOne(FEEDS, new JsonObject().put("_id", Hashes.sha256(token)), null).compose(feed -> {
      if (feed == null || feed.getString("userId") == null) {
        throw Problem.notFound("calendar");
      }
      return users.byId(feed.getString("userId"));
    }).compose(user -> {
      if (user == null) {
        throw Problem.notFound("calendar");
      }
      return communities.byIds(IdLists.strings(user.getJsonArray("communityIds"))).compose(this::entries)
          .map(entries -> CalendarEvents.feed(entries, user.getString("language", "nl"), db.clock().instant()));
    });
  }

  /** One session as an event, for a member to add by hand. */
  public Future<String> session(Caller caller, String sessionId) {
    return sessions.byId(sessionId)
        .compose(session -> access.inCommunityOf(caller, session == null ? null : session.communityId(), "session")
            .map(m -> CalendarEvents.feed(
            List.of(new CalendarEvents.Entry(session, m.community().title())),
            caller.language(), db.clock().instant())));
  }

  private Future<List<CalendarEvents.Entry>> entries(List<Community> all) {
    List<Future<List<CalendarEvents.Entry>>> perCommunity = new ArrayList<>();
    for (Community community : all) {
      String title = community.title();
      perCommunity.add(sessions.ofCommunity(community.id())
          .map(found -> found.stream().map(s -> new CalendarEvents.Entry(s, title)).toList()));
    }
    return Future.all(perCommunity).map(done -> {
      List<CalendarEvents.Entry> out = new ArrayList<>();
      perCommunity.forEach(f -> out.addAll(f.result()));
      return out;
    });
  }
}
