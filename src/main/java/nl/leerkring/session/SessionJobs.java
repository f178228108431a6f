package nl.leerkring.session;

import io.vertx.core.json.JsonObject;
import nl.leerkring.platform.Ids;
import nl.leerkring.platform.Step;
import nl.leerkring.platform.jobs.Jobs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The hooks sessions call: a planned session gets its reminder job; a change that matters to a calendar
 * (time, length, place, link, cancellation) raises the session's SEQUENCE and tells its members, and a move
 * gives the session a reminder for its new time. Each goes into the same write as the session itself.
 */
public final class SessionJobs {

  private static final String SESSIONS = "sessions";
  private static final String[] CALENDAR_FIELDS = {"startsAt", "durationMinutes", "place", "onlineLink"};

  private SessionJobs() {
  }

  /** The reminder job of a newly planned session; it works out its own time from the community's settings. */
  public static Step planned(JsonObject session) {
    return reminder(session.getString("_id"), session.getString("startsAt"), Instant.parse(session.getString("createdAt")));
  }

  /** The session's update with {@code set}, and the jobs that announce the change. */
  public static List<Step> changed(JsonObject session, JsonObject set, String byUserId, String now) {
    String id = session.getString("_id");
    boolean moved = set.containsKey("startsAt") && !set.getString("startsAt").equals(session.getString("startsAt"));
    boolean cancelled = "cancelled".equals(set.getString("status")) && !"cancelled".equals(session.getString("status"));
    boolean relevant = cancelled;
    for (String field : CALENDAR_FIELDS) {
      relevant |= set.containsKey(field) && !Objects.equals(set.getValue(field), session.getValue(field));
    }
    JsonObject update = new JsonObject().put("$set", set);
    if (relevant) {
      update.put("$inc", new JsonObject().put("sequence", 1));
    }
    List<Step> steps = new ArrayList<>();
    steps.add(Step.update(SESSIONS, id, update));
    if (relevant) {
      steps.add(Jobs.at("sessionChange:" + id + ":" + Ids.newId(), SessionChanges.KIND, Instant.parse(now),
          new JsonObject().put("sessionId", id).put("by", byUserId)));
    }
    if (moved && !cancelled) {
      steps.add(reminder(id, set.getString("startsAt"), Instant.parse(now)));
    }
    return steps;
  }

  /** One reminder per session and start time: after a move, the old one finds the time changed and stops. */
  private static Step reminder(String sessionId, String startsAt, Instant now) {
    return Jobs.at("sessionReminder:" + sessionId + ":" + startsAt, SessionReminders.KIND, now,
        new JsonObject().put("sessionId", sessionId).put("startsAt", startsAt));
  }
}
