package nl.leerkring.session;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.community.Access;
import nl.leerkring.community.Membership;
import nl.leerkring.platform.Times;
import nl.leerkring.question.Question;
import nl.leerkring.question.QuestionStore;
import nl.leerkring.web.Caller;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * "Since last time": what the group found between the previous session and this one, per shared question,
 * from every {@link FindingSource}. It fills the session's "share findings" phase and the facilitator's
 * overview.
 */
public final class SinceLastTime {

  /** Per source: more than a session's round of sharing can take up; the rest is on the pages linked. */
  static final int PER_SOURCE = 30;

  private final SessionStore sessions;
  private final Access access;
  private final QuestionStore questions;
  private final List<FindingSource> sources;

  public SinceLastTime(SessionStore sessions, Access access, QuestionStore questions, List<FindingSource> sources) {
    this.sessions = sessions;
    this.access = access;
    this.questions = questions;
    this.sources = List.copyOf(sources);
  }

  /** For a session's page, checked as the session itself is: whoever may see the session. */
  public Future<JsonObject> forSession(Caller caller, String sessionId) {
    return sessions.byId(sessionId).compose(s -> access.inCommunityOf(caller, s == null ? null : s.communityId(),
        "session").compose(m -> sessions.ofCommunity(s.communityId()).compose(all -> forSession(m, s, all))));
  }

  /** The session before this one that was not cancelled; empty for a community's first. */
  public static Optional<Session> previous(List<Session> all, Session session) {
    return all.stream()
        .filter(s -> !s.is(SessionStatus.CANCELLED) && s.startsAt().isBefore(session.startsAt()))
        .max(Comparator.comparing(Session::startsAt));
  }

  /**
   * For a session's page: from the previous session's start until now, or until this session's end once it
   * took place, so its page keeps showing what was shared there.
   */
  private Future<JsonObject> forSession(Membership reader, Session session, List<Session> all) {
    Optional<Session> previous = previous(all, session);
    if (previous.isEmpty()) {
      return Future.succeededFuture(new JsonObject().put("first", true).put("empty", true));
    }
    Instant until = session.is(SessionStatus.DONE)
        ? session.startsAt().plusSeconds(60L * session.durationMinutes()) : null;
    Session before = previous.get();
    return between(reader, before.startsAt(), until).map(found -> found
        .put("previousSessionId", before.id())
        .put("previousStartsAt", Times.format(before.startsAt()))
        .put("previousZone", before.zone().getId()));
  }

  /** What the reader may see of what came about from {@code from} until {@code until} (now when null). */
  public Future<JsonObject> between(Membership reader, Instant from, Instant until) {
    List<Future<List<Finding>>> asked = sources.stream()
        .map(source -> source.between(reader, from, until, PER_SOURCE)).toList();
    return Future.all(asked).compose(done -> {
      List<Finding> found = new ArrayList<>();
      asked.forEach(f -> found.addAll(f.result()));
      Set<String> questionIds = new LinkedHashSet<>();
      found.forEach(f -> questionIds.addAll(f.questionIds()));
      return questions.byIds(List.copyOf(questionIds)).map(named -> grouped(found, named.stream()
          .filter(q -> q.communityId().equals(reader.communityId())).toList()).put("from", Times.format(from)));
    });
  }

  /**
   * Findings per question, the question with the newest finding first, each newest first; a finding that
   * feeds two questions is shown at both, one that feeds none under "other". Totals per kind.
   */
  static JsonObject grouped(List<Finding> found, List<Question> questions) {
    Map<String, Question> byId = new LinkedHashMap<>();
    questions.forEach(q -> byId.put(q.id(), q));
    List<Finding> newestFirst = found.stream().sorted(Comparator.comparing(Finding::at).reversed()).toList();
    Map<String, JsonArray> perQuestion = new LinkedHashMap<>();
    JsonArray other = new JsonArray();
    Map<FindingKind, Integer> totals = new EnumMap<>(FindingKind.class);
    for (Finding f : newestFirst) {
      totals.merge(f.kind(), 1, Integer::sum);
      List<String> fed = f.questionIds().stream().filter(byId::containsKey).toList();
      if (fed.isEmpty()) {
        other.add(f.view());
      }
      fed.forEach(id -> perQuestion.computeIfAbsent(id, x -> new JsonArray()).add(f.view()));
    }
    JsonArray groups = new JsonArray();
    perQuestion.forEach((id, items) -> groups.add(new JsonObject()
        .put("questionId", id)
        .put("questionText", byId.get(id).text())
        .put("questionStatus", byId.get(id).status().value())
        .put("items", items)));
    JsonArray kinds = new JsonArray();
    totals.forEach((kind, count) -> kinds.add(new JsonObject().put("kind", kind.value()).put("count", count)));
    return new JsonObject().put("groups", groups).put("other", other).put("totals", kinds)
        .put("empty", newestFirst.isEmpty());
  }
}
