package nl.leerkring.schedule;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.community.CommunityStore;
import nl.leerkring.mail.MailKind;
import nl.leerkring.platform.LocalTimes;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.IdLists;
import nl.leerkring.platform.Step;
import nl.leerkring.platform.Times;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Sends prompts: each occurrence in-app and by mail to its recipients, outside quiet hours. A recurring
 * prompt (every week on a day and time, or some days after each session) becomes a new prompt for every
 * occurrence after the first, so each can be answered; each occurrence also schedules its one reminder.
 */
public final class PromptJobs implements JobHandler {

  static final String KIND = "prompt";
  private static final String PROMPTS = "prompts";
  private static final Duration TOO_LATE = Duration.ofDays(3);
  /** With no session planned yet, a prompt that follows sessions looks again after this long. */
  private static final Duration LOOK_AGAIN = Duration.ofHours(6);
  private static final int DEFAULT_TIMES = 26;

  private final Database db;
  private final CommunityStore communities;
  private final Rhythm rhythm;
  private final String publicUrl;

  PromptJobs(Database db, CommunityStore communities, Rhythm rhythm, String publicUrl) {
    this.db = db;
    this.communities = communities;
    this.rhythm = rhythm;
    this.publicUrl = publicUrl;
  }

  /** The hook for a new prompt: its first occurrence, at the prompt's own time, and the rule for the rest. */
  public static Step first(JsonObject prompt, JsonObject body) {
    JsonObject data = new JsonObject()
        .put("promptId", prompt.getString("_id"))
        .put("communityId", prompt.getString("communityId"))
        .put("zone", prompt.getString("zone"))
        .put("occurrence", 1)
        .put("repeat", body.getJsonObject("repeat"));
    return Jobs.at(jobId(prompt.getString("_id"), 1), KIND, Instant.parse(prompt.getString("sendAt")), data);
  }

  private static String jobId(String promptId, int occurrence) {
    return "prompt:" + promptId + ":" + occurrence;
  }

  static String answerLink(String promptId) {
    return "/prompts/" + promptId;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Future<Outcome> run(JsonObject job) {
    JsonObject data = Jobs.data(job);
    Instant now = db.clock().instant();
    return rhythm.of(data.getString("communityId")).compose(settings -> {
      if (data.getBoolean("planAfterSession", false)) {
        return planAfterSession(data, now);
      }
      Instant allowed = settings.quietHours().nextAllowed(now);
      if (allowed.isAfter(now)) {
        return Future.succeededFuture(Outcome.later(allowed));
      }
      if (Jobs.lateness(job, now).compareTo(TOO_LATE) > 0) {
        return Future.succeededFuture(Outcome.skipped("too_late", next(data, job, now)));
      }
      return send(job, data, settings, now);
    });
  }

  private Future<Outcome> send(JsonObject job, JsonObject data, Rhythm.Settings settings, Instant now) {
    return db.mongo().findOne(PROMPTS, new JsonObject().put("_id", data.getString("promptId")), null).compose(prompt -> {
      if (prompt == null) {
        return Future.succeededFuture(Outcome.skipped("prompt_gone"));
      }
      return communities.byId(prompt.getString("communityId")).map(community -> {
        List<Step> steps = new ArrayList<>();
        int occurrence = data.getInteger("occurrence", 1);
        JsonObject sent = prompt;
        if (occurrence > 1) {
          sent = occurrence(prompt, occurrence, now);
          steps.add(Step.insert(PROMPTS, sent));
          steps.add(IdLists.add(IdLists.key(community.getString("_id"), "prompts"), sent.getString("_id")));
        }
        String promptId = sent.getString("_id");
        String jobId = job.getString("_id");
        String text = sent.getString("text");
        JsonObject model = new JsonObject()
            .put("text", text)
            .put("from", sent.getString("createdByName"))
            .put("community", Recipients.title(community))
            .put("answerUrl", publicUrl + answerLink(promptId));
        for (String userId : Recipients.of(community, sent.getJsonArray("recipientIds"), sent.getString("createdBy"))) {
          steps.addAll(Fanout.inApp(jobId, promptId, userId, "prompt", new JsonArray().add(text), answerLink(promptId),
              Times.format(now)));
          steps.add(Fanout.mail(jobId, promptId, userId, MailKind.PROMPT, "prompt",
              new JsonArray().add(Recipients.title(community)), model, null, now));
        }
        steps.add(Jobs.at("promptReminder:" + promptId, PromptReminders.KIND, now.plus(settings.promptReminder()),
            new JsonObject().put("promptId", promptId).put("communityId", community.getString("_id"))));
        steps.addAll(next(data, job, now));
        return Outcome.sent(steps);
      });
    });
  }

  /** Every occurrence after the first is a prompt of its own, answered on its own. */
  private JsonObject occurrence(JsonObject prompt, int occurrence, Instant now) {
    return prompt.copy()
        .put("_id", prompt.getString("_id") + "-" + occurrence)
        .put("sendAt", Times.format(now))
        .put("createdAt", Times.format(now))
        .put("occurrenceOf", prompt.getString("_id"))
        .put("answers", new JsonArray());
  }

  /** The job for the next occurrence, if the prompt repeats and has occurrences left. */
  private List<Step> next(JsonObject data, JsonObject job, Instant now) {
    JsonObject repeat = data.getJsonObject("repeat");
    int occurrence = data.getInteger("occurrence", 1);
    if (repeat == null || occurrence >= repeat.getInteger("times", DEFAULT_TIMES)) {
      return List.of();
    }
    JsonObject nextData = data.copy().put("occurrence", occurrence + 1);
    String promptId = data.getString("promptId");
    if ("afterSession".equals(repeat.getString("every"))) {
      nextData.put("planAfterSession", true)
          .put("afterSessionStart", data.getString("sessionStart", Times.format(now)));
      return List.of(Jobs.at(jobId(promptId, occurrence + 1), KIND, now, nextData));
    }
    return List.of(Jobs.at(jobId(promptId, occurrence + 1), KIND, nextWeekly(repeat, Jobs.at(job), zone(data)), nextData));
  }

  /** The first time after {@code after} that falls on the rule's weekday and time, in the community's zone. */
  static Instant nextWeekly(JsonObject repeat, Instant after, ZoneId zone) {
    DayOfWeek day = DayOfWeek.valueOf(repeat.getString("day", "monday").toUpperCase(Locale.ROOT));
    LocalTime time = LocalTime.parse(repeat.getString("time", "07:30"));
    ZonedDateTime local = after.atZone(zone);
    ZonedDateTime candidate = local.toLocalDate().with(TemporalAdjusters.nextOrSame(day)).atTime(time).atZone(zone);
    if (!candidate.toInstant().isAfter(after)) {
      candidate = local.toLocalDate().with(TemporalAdjusters.next(day)).atTime(time).atZone(zone);
    }
    return candidate.toInstant();
  }

  /**
   * Finds the first session after the one the last occurrence followed, and waits until the rule's number
   * of days after it; with none planned yet, looks again later.
   */
  private Future<Outcome> planAfterSession(JsonObject data, Instant now) {
    String communityId = data.getString("communityId");
    String after = data.getString("afterSessionStart");
    return db.lists().all(IdLists.key(communityId, "sessions"), "sessions").map(sessions -> {
      Optional<JsonObject> following = sessions.stream()
          .filter(s -> !"cancelled".equals(s.getString("status")) && s.getString("startsAt").compareTo(after) > 0)
          .min(Comparator.comparing(s -> s.getString("startsAt")));
      if (following.isEmpty()) {
        return Outcome.later(now.plus(LOOK_AGAIN));
      }
      JsonObject session = following.get();
      JsonObject repeat = data.getJsonObject("repeat");
      ZoneId zone = zone(data);
      Instant due = Instant.parse(session.getString("startsAt")).atZone(zone).toLocalDate()
          .plusDays(repeat.getInteger("daysAfter", 1))
          .atTime(LocalTime.parse(repeat.getString("time", "09:00"))).atZone(zone).toInstant();
      JsonObject planned = data.copy().put("planAfterSession", false).put("sessionStart", session.getString("startsAt"));
      return new Outcome.Later(due.isAfter(now) ? due : now, planned);
    });
  }

  private static ZoneId zone(JsonObject data) {
    return LocalTimes.stored(data.getString("zone"));
  }
}
