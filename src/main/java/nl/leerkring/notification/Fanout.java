package nl.leerkring.notification;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.mail.MailJob;
import nl.leerkring.mail.MailKind;
import nl.leerkring.platform.Hashes;
import nl.leerkring.platform.Step;
import nl.leerkring.platform.jobs.DeliveryLog;
import nl.leerkring.platform.jobs.Jobs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The writes that take one job to one person: an in-app notification (written and logged at once) and a
 * mail job of its own, so that each mail is retried on its own and a person's opt-out is read when it is
 * sent. All ids derive from the job's id, so a job run twice writes the same documents again.
 */
public final class Fanout {

  private Fanout() {
  }

  public static List<Step> inApp(String jobId, String refId, String userId, String kind, JsonArray args, String link,
                          String now) {
    List<Step> steps = new ArrayList<>(Notifications.add(userId, notificationId(jobId), kind, args, link, now));
    steps.addAll(DeliveryLog.record(DeliveryLog.id(jobId, userId, DeliveryLog.IN_APP), refId, userId, DeliveryLog.IN_APP,
        "sent", null, now));
    return steps;
  }

  /** {@code calendarSessionId}, when given, attaches that session as an iCalendar invitation. */
  public static Step mail(String jobId, String refId, String userId, MailKind kind, String template, JsonArray subjectArgs,
                   JsonObject model, String calendarSessionId, Instant now) {
    return Jobs.at(DeliveryLog.id(jobId, userId, DeliveryLog.EMAIL), MailJob.KIND, now, new JsonObject()
        .put("refId", refId)
        .put("userId", userId)
        .put("mailKind", kind.value())
        .put("template", template)
        .put("subjectArgs", subjectArgs)
        .put("model", model)
        .put("calendarSessionId", calendarSessionId));
  }

  /** Notification ids appear in the API, whose ids are plain letters and digits. */
  private static String notificationId(String jobId) {
    return Hashes.sha256(jobId).substring(0, 24);
  }
}
