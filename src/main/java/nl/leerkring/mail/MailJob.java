package nl.leerkring.mail;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mail.MailAttachment;
import io.vertx.ext.mail.MailMessage;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Settings;
import nl.leerkring.platform.Step;
import nl.leerkring.platform.jobs.DeliveryLog;
import nl.leerkring.platform.jobs.JobHandler;
import nl.leerkring.platform.jobs.Jobs;
import nl.leerkring.platform.jobs.Outcome;

import java.time.Duration;
import java.util.List;

/**
 * Sends one mail to one person. Whether they want this kind, and where, is read now, not when the job was
 * made. An SMTP failure fails the run, which the scheduler retries with growing pauses; after the last try
 * the delivery is recorded as failed, so nothing is lost silently.
 */
public final class MailJob implements JobHandler {

  public static final String KIND = "mail";
  /** Recorded just before the hand-over to SMTP: until "sent" follows, the mail may or may not have gone out. */
  static final String SENDING = "sending";

  /** A session's calendar event for a mail about it (the calendar feature makes it); null when it is gone. */
  public interface CalendarAttachment {
    Future<MailAttachment> of(String sessionId, String language);
  }

  private final Database db;
  private final Mailer mailer;
  private final MailTemplates templates;
  private final MailPreferences preferences;
  private final DeliveryLog deliveries;
  private final CalendarAttachment calendar;
  private final Settings.Mail settings;

  public MailJob(Database db, Mailer mailer, MailTemplates templates, MailPreferences preferences,
                 DeliveryLog deliveries, CalendarAttachment calendar, Settings.Mail settings) {
    this.db = db;
    this.mailer = mailer;
    this.templates = templates;
    this.preferences = preferences;
    this.deliveries = deliveries;
    this.calendar = calendar;
    this.settings = settings;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public int maxTries() {
    return settings.maxAttempts();
  }

  @Override
  public Duration firstRetry() {
    return Duration.ofSeconds(settings.retrySeconds());
  }

  @Override
  public Future<Outcome> run(JsonObject job) {
    JsonObject data = Jobs.data(job);
    String id = job.getString("_id");
    return deliveries.byId(id).compose(done -> {
      if (done != null && "sent".equals(done.getString("status"))) {
        return Future.succeededFuture(Outcome.skipped("already_sent"));
      }
      // An earlier try handed it to the SMTP server and stopped before recording that: it is sent again, with
      // the same Message-ID.
      String again = done != null && SENDING.equals(done.getString("status")) ? "sent_again" : null;
      if (!mailer.enabled()) {
        return Future.succeededFuture(skipped(job, "mail_off"));
      }
      return recipient(data).compose(to -> {
        if (to == null) {
          return Future.succeededFuture(Outcome.skipped("no_person"));
        }
        if (!to.wants()) {
          return Future.succeededFuture(skipped(job, "opted_out"));
        }
        if (to.address() == null) {
          return Future.succeededFuture(skipped(job, "no_address"));
        }
        JsonObject model = data.getJsonObject("model", new JsonObject()).copy().put("name", to.displayName());
        return templates.render(data.getString("template"), to.language(), data.getJsonArray("subjectArgs", new JsonArray()), model)
            .compose(message -> withCalendar(message, data.getString("calendarSessionId"), to.language()))
            .compose(message -> db.writes().apply(record(job, SENDING, null)).map(message))
            .compose(message -> mailer.send(message.setTo(to.address()), id))
            .map(sent -> Outcome.sent(record(job, "sent", again)));
      });
    });
  }

  @Override
  public List<Step> gaveUp(JsonObject job, String error) {
    return record(job, "failed", error);
  }

  /** A person with an account, or, for an invitation, an address and a language. */
  private Future<MailPreferences.Recipient> recipient(JsonObject data) {
    String userId = data.getString("userId");
    if (userId == null) {
      return Future.succeededFuture(new MailPreferences.Recipient(null, data.getString("name", ""), data.getString("to"),
          data.getString("language", "nl"), true));
    }
    return preferences.recipient(userId, kindOf(data));
  }

  private Future<MailMessage> withCalendar(MailMessage message, String sessionId, String language) {
    if (sessionId == null) {
      return Future.succeededFuture(message);
    }
    return calendar.of(sessionId, language)
        .map(attachment -> attachment == null ? message : message.setAttachment(List.of(attachment)));
  }

  private Outcome skipped(JsonObject job, String reason) {
    return Outcome.skipped(reason, record(job, "skipped", reason));
  }

  /** Invitations go to people without an account; their record is the job's own. */
  private List<Step> record(JsonObject job, String status, String reason) {
    JsonObject data = Jobs.data(job);
    if (data.getString("userId") == null) {
      return List.of();
    }
    return DeliveryLog.record(job.getString("_id"), data.getString("refId"), data.getString("userId"), DeliveryLog.EMAIL,
        status, reason, db.now());
  }

  private static MailKind kindOf(JsonObject data) {
    String value = data.getString("mailKind");
    for (MailKind kind : MailKind.values()) {
      if (kind.value().equals(value)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("Unknown mail kind " + value);
  }
}
