package nl.leerkring.community;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import nl.leerkring.web.Caller;
import nl.leerkring.community.Access;
import nl.leerkring.community.Role;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.LocalTimes;
import nl.leerkring.platform.Problem;
import nl.leerkring.platform.jobs.QuietHours;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * A community's rhythm settings, which its facilitator may change: quiet hours, how long before a session
 * the reminder goes out, and how long after a prompt a member who has not answered gets one reminder.
 */
public final class Rhythm {

  static final String RHYTHMS = "rhythms";

  public record Settings(QuietHours quietHours, int sessionReminderHours, int promptReminderHours) {

    public Duration sessionReminder() {
      return Duration.ofHours(sessionReminderHours);
    }

    public Duration promptReminder() {
      return Duration.ofHours(promptReminderHours);
    }

    JsonObject toJson() {
      return new JsonObject()
          .put("quietFrom", quietHours.from().toString())
          .put("quietUntil", quietHours.until().toString())
          .put("zone", quietHours.zone().getId())
          .put("sessionReminderHours", sessionReminderHours)
          .put("promptReminderHours", promptReminderHours);
    }
  }

  private final Database db;
  private final MongoClient mongo;
  private final Access access;
  /** The installation's zone, for a community that did not choose one. */
  private final ZoneId zone;

  public Rhythm(Database db, Access access, ZoneId zone) {
    this.db = db;
    this.mongo = db.mongo();
    this.access = access;
    this.zone = zone;
  }

  public Future<Settings> of(String communityId) {
    return mongo.findOne(RHYTHMS, new JsonObject().put("_id", communityId), null)
        .map(doc -> from(doc == null ? new JsonObject() : doc));
  }

  public Future<JsonObject> get(Caller caller, String communityId) {
    return access.in(caller, communityId).compose(m -> of(m.communityId())).map(Settings::toJson);
  }

  /** {@code changes} has been validated against the contract (updateRhythm). */
  public Future<JsonObject> update(Caller caller, String communityId, JsonObject changes) {
    return access.in(caller, communityId).compose(m -> {
      m.requireRole(Role.FACILITATOR);
      time(changes.getString("quietFrom"), "quietFrom");
      time(changes.getString("quietUntil"), "quietUntil");
      if (changes.containsKey("zone")) {
        LocalTimes.zone(changes.getString("zone"), zone, "zone");
      }
      return mongo.updateCollectionWithOptions(RHYTHMS, new JsonObject().put("_id", m.communityId()),
              new JsonObject().put("$set", changes), new UpdateOptions().setUpsert(true))
          .compose(x -> of(m.communityId()));
    }).map(Settings::toJson);
  }

  private static void time(String value, String field) {
    if (value == null) {
      return;
    }
    try {
      LocalTime.parse(value);
    } catch (DateTimeParseException e) {
      throw Problem.invalidField(field, "bad_time", "Not a time of day: " + value + ".");
    }
  }

  private Settings from(JsonObject doc) {
    ZoneId at = LocalTimes.stored(doc.getString("zone"), zone);
    LocalTime from = doc.getString("quietFrom") == null ? QuietHours.DEFAULT_FROM : LocalTime.parse(doc.getString("quietFrom"));
    LocalTime until = doc.getString("quietUntil") == null ? QuietHours.DEFAULT_UNTIL : LocalTime.parse(doc.getString("quietUntil"));
    return new Settings(new QuietHours(from, until, at),
        doc.getInteger("sessionReminderHours", 24),
        doc.getInteger("promptReminderHours", 48));
  }
}
