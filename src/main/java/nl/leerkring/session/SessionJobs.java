package nl.leerkring.session;

import io.vertx.core.json.JsonObject;
import nl.leerkring.platform.Ids;
import nl.leerkring.platform.Step;
import nl.leerkring.platform.Times;
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

  private SessionJobs() {
  }

  /** The reminder job of a newly planned session; it works out its own time from the community's settings. */
  public static Step planned(Session session) {
    return reminder(session.id(), session.startsAt(), session.createdAt());
  }

  /** The session's update from {@code before} to {@code after}, and the jobs that announce the change. */
  public static List<Step> changed(Session before, Session after, String byUserId, Instant now) {
    boolean moved = !after.startsAt().equals(before.startsAt());
    boolean cancelled = after.is(SessionStatus.CANCELLED) && !before.is(SessionStatus.CANCELLED);
    boolean relevant = cancelled || moved || after.durationMinutes() != before.durationMinutes()
        || !Objects.equals(after.place(), before.place()) || !Objects.equals(after.onlineLink(), before.onlineLink());
    List<Step> steps = new ArrayList<>();
    SessionStore.changed(before, after, relevant).ifPresent(steps::add);
    if (relevant) {
      steps.add(Jobs.at("sessionChange:" + after.id() + ":" + Ids.newId(), SessionChanges.KIND, now,
          new JsonObject().put("sessionId", after.id()).put("by", byUserId)));
    }
    if (moved && !cancelled) {
      steps.add(reminder(after.id(), after.startsAt(), now));
    }
    return steps;
  }

  /** One reminder per session and start time: after a move, the old one finds the time changed and stops. */
  private static Step reminder(String sessionId, Instant startsAt, Instant now) {
    String start = Times.format(startsAt);
    return Jobs.at("sessionReminder:" + sessionId + ":" + start, SessionReminders.KIND, now,
        new JsonObject().put("sessionId", sessionId).put("startsAt", start));
  }

  /** Whether a reminder job was made for the session's present start; after a move it was not. */
  static boolean forPresentStart(JsonObject job, Session session) {
    return Times.format(session.startsAt()).equals(Jobs.data(job).getString("startsAt"));
  }
}
