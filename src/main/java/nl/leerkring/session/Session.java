package nl.leerkring.session;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * One session of a cycle. {@code questionIds} (the questions named in it) and {@code sequence} (the calendar's
 * revision) are kept for the store and the calendar, not shown in the API. {@code timer} is the current phase's
 * stage timer, or null. {@code revision} rises with every write to the session, so that of two answers about it
 * the one read later can be told apart (the live console shows no older state after a newer one).
 */
public record Session(String id, String communityId, int cycle, Instant startsAt, ZoneId zone, int durationMinutes,
                      String place, String onlineLink, SessionStatus status, Phase phase, List<Phase> phases,
                      List<String> attendance, List<Agreement> agreements, List<String> questionIds, String summary,
                      int sequence, Instant createdAt, StageTimer timer, int revision) {

  public Session {
    phases = List.copyOf(phases);
    attendance = List.copyOf(attendance);
    agreements = List.copyOf(agreements);
    questionIds = List.copyOf(questionIds);
  }

  /**
   * A session without a stage timer (every session before and after it runs, and a live one until one is set), as
   * first written.
   */
  public Session(String id, String communityId, int cycle, Instant startsAt, ZoneId zone, int durationMinutes,
                 String place, String onlineLink, SessionStatus status, Phase phase, List<Phase> phases,
                 List<String> attendance, List<Agreement> agreements, List<String> questionIds, String summary,
                 int sequence, Instant createdAt) {
    this(id, communityId, cycle, startsAt, zone, durationMinutes, place, onlineLink, status, phase, phases,
        attendance, agreements, questionIds, summary, sequence, createdAt, null, 0);
  }

  /** A session just planned: nobody attended yet, nothing agreed, at the first phase of its agenda. */
  public static Session planned(String id, String communityId, int cycle, Instant startsAt, ZoneId zone,
                                int durationMinutes, String place, String onlineLink, List<Phase> phases,
                                Instant createdAt) {
    return new Session(id, communityId, cycle, startsAt, zone, durationMinutes, place, onlineLink,
        SessionStatus.PLANNED, phases.get(0), phases, List.of(), List.of(), List.of(), null, 0, createdAt);
  }

  public boolean is(SessionStatus wanted) {
    return status == wanted;
  }

  /** The start as people there read it on the clock. */
  public String localStart() {
    return startsAt.atZone(zone).toLocalDateTime().toString();
  }

  public JsonObject view() {
    JsonArray agreementViews = new JsonArray();
    agreements.forEach(a -> agreementViews.add(a.view()));
    return new JsonObject()
        .put("id", id)
        .put("communityId", communityId)
        .put("cycle", cycle)
        .put("startsAt", startsAt.toString())
        .put("zone", zone.getId())
        .put("localStart", localStart())
        .put("durationMinutes", durationMinutes)
        .put("place", place)
        .put("onlineLink", onlineLink)
        .put("status", status.value())
        .put("phase", phase.value())
        .put("phases", new JsonArray(phases.stream().map(Phase::value).toList()))
        .put("attendance", new JsonArray(attendance))
        .put("agreements", agreementViews)
        .put("summary", summary)
        .put("createdAt", createdAt.toString())
        .put("timer", timer == null ? null : timer.view());
  }
}
