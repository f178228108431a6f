package nl.leerkring.session;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.IdLists;
import nl.leerkring.platform.Step;
import nl.leerkring.platform.Times;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code sessions} collection: the only class that knows a session document's field names (with
 * {@link SessionDocument}). A community's sessions are found through its id list, never by scanning.
 */
public final class SessionStore {

  public static final String SESSIONS = "sessions";
  private static final String REVISION = "revision";
  /** Sessions that community pages list, of the communities in use at one time; one is a kilobyte or two. */
  private static final int KEPT = 5_000;

  private final Database db;

  public SessionStore(Database db) {
    this.db = db;
    db.keepListed(SESSIONS, null, KEPT);
  }

  public static String listKey(String communityId) {
    return IdLists.key(communityId, SESSIONS);
  }

  /** The session, or null when there is none with this id. */
  public Future<Session> byId(String id) {
    return db.mongo().findOne(SESSIONS, new JsonObject().put("_id", id), null)
        .map(doc -> doc == null ? null : SessionDocument.from(doc));
  }

  /** The sessions of these ids that exist, in the order given. */
  public Future<List<Session>> byIds(List<String> ids) {
    return db.lists().byIds(SESSIONS, ids).map(SessionStore::sessions);
  }

  /** In the order they were planned. */
  public Future<List<Session>> ofCommunity(String communityId) {
    return db.lists().all(listKey(communityId), SESSIONS).map(SessionStore::sessions);
  }

  public Future<List<Session>> newestPlanned(String communityId, int limit) {
    return db.lists().newestFirst(listKey(communityId), SESSIONS, 0, limit).map(SessionStore::sessions);
  }

  /** The new session and its place in the community's list. */
  public static List<Step> planned(Session session) {
    return List.of(Step.insert(SESSIONS, SessionDocument.of(session)),
        IdLists.add(listKey(session.communityId()), session.id()));
  }

  /**
   * The fields in which {@code after} differs from {@code before}, as a {@code $set}: an update names exactly
   * what changed, never a copy of a request body.
   */
  public static JsonObject changes(Session before, Session after) {
    JsonObject old = SessionDocument.of(before);
    JsonObject set = new JsonObject();
    SessionDocument.of(after).forEach(field -> {
      if (!Objects.equals(field.getValue(), old.getValue(field.getKey()))) {
        set.put(field.getKey(), field.getValue());
      }
    });
    return set;
  }

  /**
   * The update from {@code before} to {@code after}, raising the session's revision, and the calendar's SEQUENCE
   * when {@code calendarChanged}; empty when nothing changes. A change of status holds only while the status is still the one the change
   * started from: a request that read "live" cannot plan again a session another request just finished.
   */
  static Optional<Step> changed(Session before, Session after, boolean calendarChanged) {
    JsonObject set = changes(before, after);
    if (set.isEmpty() && !calendarChanged) {
      return Optional.empty();
    }
    JsonObject raised = new JsonObject().put(REVISION, 1);
    if (calendarChanged) {
      raised.put("sequence", 1);
    }
    JsonObject update = new JsonObject().put("$inc", raised);
    if (!set.isEmpty()) {
      update.put("$set", set);
    }
    Step step = Step.update(SESSIONS, after.id(), update);
    return Optional.of(set.containsKey("status") ? step.expecting("status", before.status().value()) : step);
  }

  /** The session belongs to another cycle from now on (one planned for after its cycle's close). */
  public static Step movedToCycle(Session session, int cycle) {
    return Step.update(SESSIONS, session.id(),
        raised(new JsonObject().put("$set", new JsonObject().put("cycle", cycle))));
  }

  public static Step agreementAdded(String sessionId, Agreement agreement) {
    return Step.update(SESSIONS, sessionId, raised(new JsonObject()
        .put("$addToSet", new JsonObject().put("agreements", SessionDocument.of(agreement)))));
  }

  public Future<Void> attendance(String sessionId, List<String> present) {
    return db.mongo().updateCollection(SESSIONS, new JsonObject().put("_id", sessionId),
        raised(new JsonObject().put("$set", new JsonObject().put("attendance", new JsonArray(present)))))
        .compose(x -> db.writes().changed(SESSIONS, sessionId));
  }

  /** Marked done at {@code at} (kept for "since last time"), or open again. */
  public Future<Void> agreementDone(String sessionId, String agreementId, boolean done, Instant at) {
    return db.mongo().updateCollection(SESSIONS, new JsonObject().put("_id", sessionId).put("agreements.id", agreementId),
        raised(new JsonObject().put("$set", new JsonObject().put("agreements.$.done", done)
            .put("agreements.$.doneAt", done ? Times.format(at) : null))))
        .compose(x -> db.writes().changed(SESSIONS, sessionId));
  }

  /**
   * The session shows what changed elsewhere (an agreement carried over from an earlier session, marked on its
   * page): what the session's page shows is newer, so its revision rises too.
   */
  public Future<Void> shownChanged(String sessionId) {
    return db.mongo().updateCollection(SESSIONS, new JsonObject().put("_id", sessionId), raised(new JsonObject()))
        .compose(x -> db.writes().changed(SESSIONS, sessionId));
  }

  /** The session remembers a question was named in it. */
  public Future<Void> questionNamed(String sessionId, String questionId) {
    // A repeated request names the same question: the session lists it once.
    return db.mongo().updateCollection(SESSIONS, new JsonObject().put("_id", sessionId),
        raised(new JsonObject().put("$addToSet", new JsonObject().put("questionIds", questionId))))
        .compose(x -> db.writes().changed(SESSIONS, sessionId));
  }

  /**
   * Every write to a session raises its revision, by which the live console orders the answers it gets; also a
   * write from outside (an erasure's pseudonym).
   */
  public static JsonObject raised(JsonObject update) {
    return update.put("$inc", new JsonObject().put(REVISION, 1));
  }

  private static List<Session> sessions(List<JsonObject> documents) {
    return documents.stream().map(SessionDocument::from).toList();
  }
}
