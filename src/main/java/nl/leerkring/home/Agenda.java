package nl.leerkring.home;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.community.Membership;
import nl.leerkring.fieldnote.NoteStore;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.IdLists;
import nl.leerkring.question.Question;
import nl.leerkring.question.QuestionStore;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Read-only views of a community's rhythm for the overview pages: its cycle, sessions, agreements,
 * questions and notes. Every read takes an id list by _id and then a bounded number of documents by _id;
 * the features that write these documents keep their own rules.
 */
public final class Agenda {

  /** Sessions come every two to four weeks: twenty reach back about a year. */
  public static final int RECENT_SESSIONS = 20;
  /** Enough for the questions a community still works on; answered ones pile up at the old end. */
  public static final int RECENT_QUESTIONS = 200;
  /** Notes written since the last session are a few dozen; this bounds a very busy community. */
  public static final int RECENT_NOTES = 300;

  private final Database db;
  private final QuestionStore questions;

  public Agenda(Database db, QuestionStore questions) {
    this.db = db;
    this.questions = questions;
  }

  public Future<JsonObject> currentCycle(Membership m) {
    return db.mongo().findOne("cycles", new JsonObject().put("_id", m.currentCycleId()), null);
  }

  public Future<List<JsonObject>> sessions(String communityId) {
    return db.lists().newestFirst(IdLists.key(communityId, "sessions"), "sessions", 0, RECENT_SESSIONS);
  }

  public Future<List<Question>> questions(String communityId) {
    return questions.newest(communityId, RECENT_QUESTIONS);
  }

  public Future<List<JsonObject>> notes(String communityId) {
    return db.lists().newestFirst(IdLists.key(communityId, "notes"), NoteStore.NOTES, 0, RECENT_NOTES);
  }

  /** Open and investigating questions, the most pressing first. */
  public static List<Question> open(List<Question> questions) {
    return questions.stream().filter(Question::isOpen).sorted(Question.BY_PRIORITY).toList();
  }

  /** The first planned session that has not started yet. */
  public static Optional<JsonObject> next(List<JsonObject> sessions, String now) {
    return sessions.stream()
        .filter(s -> "planned".equals(s.getString("status")) && s.getString("startsAt").compareTo(now) >= 0)
        .min(Comparator.comparing(s -> s.getString("startsAt")));
  }

  /** The latest session that has begun: participation is counted from its start. */
  public static Optional<JsonObject> last(List<JsonObject> sessions, String now) {
    return sessions.stream()
        .filter(s -> s.getString("startsAt").compareTo(now) <= 0)
        .max(Comparator.comparing(s -> s.getString("startsAt")));
  }

  /** Agreements not yet done, each with the session and community it was made in, the earliest due first. */
  public static List<JsonObject> openAgreements(List<JsonObject> sessions) {
    return sessions.stream().flatMap(s -> s.getJsonArray("agreements", new JsonArray()).stream()
            .map(a -> ((JsonObject) a).copy().put("sessionId", s.getString("_id"))
                .put("communityId", s.getString("communityId"))))
        .filter(a -> !a.getBoolean("done", false))
        .sorted(Comparator.comparing(a -> a.getString("due") == null ? "9999" : a.getString("due")))
        .toList();
  }

  /** A session as the pages show it. */
  public static JsonObject session(JsonObject s) {
    return new JsonObject().put("id", s.getString("_id")).put("startsAt", s.getString("startsAt")).put("zone", s.getString("zone"))
        .put("place", s.getString("place")).put("onlineLink", s.getString("onlineLink"))
        .put("cycle", s.getInteger("cycle")).put("communityId", s.getString("communityId"));
  }
}
