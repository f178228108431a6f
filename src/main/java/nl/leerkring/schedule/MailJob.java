package nl.leerkring.schedule;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mail.MailAttachment;
import io.vertx.ext.mail.MailMessage;
import nl.leerkring.calendar.SessionEvents;
import nl.leerkring.community.CommunityStore;
import nl.leerkring.mail.MailKind;
import nl.leerkring.mail.MailPreferences;
import nl.leerkring.mail.MailTemplates;
import nl.leerkring.mail.Mailer;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Settings;
import nl.leerkring.platform.Step;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends one mail to one person. Whether they want this kind, and where, is read now, not when the job was
 * made. An SMTP failure fails the run, which the scheduler retries with growing pauses; after the last try
 * the delivery is recorded as failed, so nothing is lost silently.
 */
final class MailJob implements JobHandler {

  static final String KIND = "mail";
  private static final Pattern ADDRESS = Pattern.compile("<([^>]+)>");

  private final Database db;
  private final Mailer mailer;
  private final MailTemplates templates;
  private final MailPreferences preferences;
  private final Deliveries deliveries;
  private final CommunityStore communities;
  private final Settings.Mail settings;

  MailJob(Database db, Mailer mailer, MailTemplates templates, MailPreferences preferences, Deliveries deliveries,
          CommunityStore communities, Settings.Mail settings) {
    this.db = db;
    this.mailer = mailer;
    this.templates = templates;
    this.preferences = preferences;
    this.deliveries = deliveries;
    this.communities = communities;
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
  public Duration retryDelay(int tries) {
    return Duration.ofSeconds((long) settings.retrySeconds() << (2 * Math.min(tries - 1, 10)));
  }

  @Override
  public Future<Outcome> run(JsonObject job) {
    JsonObject data = Jobs.data(job);
    String id = job.getString("_id");
    return deliveries.byId(id).compose(done -> {
      if (done != null && "sent".equals(done.getString("status"))) {
        return Future.succeededFuture(Outcome.skipped("already_sent"));
      }
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
            .compose(message -> mailer.send(message.setTo(to.address())))
            .map(sent -> Outcome.sent(record(job, "sent", null)));
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
    return db.mongo().findOne("sessions", new JsonObject().put("_id", sessionId), null).compose(session -> session == null
        ? Future.succeededFuture(message)
        : communities.byId(session.getString("communityId")).map(community -> {
          String ics = SessionEvents.invitation(
              new SessionEvents.Entry(session, community.getJsonObject("challenge").getString("title")),
              language, "Leerkring", organizer(), db.clock().instant());
          String method = "cancelled".equals(session.getString("status")) ? "CANCEL" : "REQUEST";
          return message.setAttachment(List.of(MailAttachment.create()
              .setName("bijeenkomst.ics")
              .setContentType("text/calendar; charset=utf-8; method=" + method)
              .setData(Buffer.buffer(ics))));
        }));
  }

  private String organizer() {
    Matcher inBrackets = ADDRESS.matcher(mailer.from());
    return (inBrackets.find() ? inBrackets.group(1) : mailer.from()).trim().toLowerCase(Locale.ROOT);
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
    return Deliveries.record(job.getString("_id"), data.getString("refId"), data.getString("userId"), Deliveries.EMAIL,
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
