package nl.leerkring.prompt;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.community.Community;
import nl.leerkring.community.CommunityStore;
import nl.leerkring.community.Recipients;
import nl.leerkring.community.Rhythm;
import nl.leerkring.mail.MailKind;
import nl.leerkring.platform.LocalTimes;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Step;
import nl.leerkring.platform.Times;
import nl.leerkring.session.Session;
import nl.leerkring.session.SessionStore;
import nl.leerkring.platform.jobs.DeliveryJob;
import nl.leerkring.platform.jobs.Jobs;
import nl.leerkring.platform.jobs.Outcome;
import nl.leerkring.platform.jobs.Timing;
import nl.leerkring.notification.Fanout;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sends prompts: each occurrence in-app and by mail to its recipients, outside quiet hours. A recurring
 * prompt (every week on a day and time, every month on a day and time, or some days after each session) becomes a new prompt for every
 * occurrence after the first, so each can be answered; each occurrence also schedules its one reminder.
 */
public final class PromptJobs extends DeliveryJob<PromptJobs.Sending> {

  public static final String KIND = "prompt";
  private static final Duration TOO_LATE = Duration.ofDays(3);
  /** With no session planned yet, a prompt that follows sessions looks again after this long. */
  private static final Duration LOOK_AGAIN = Duration.ofHours(6);

  private final PromptStore prompts;
  private final SessionStore sessions;
  private final CommunityStore communities;
  private final Rhythm rhythm;
  private final String publicUrl;

  public PromptJobs(Database db, CommunityStore communities, Rhythm rhythm, String publicUrl) {
    super(db.clock());
    this.prompts = new PromptStore(db);
    this.sessions = new SessionStore(db);
    this.communities = communities;
    this.rhythm = rhythm;
    this.publicUrl = publicUrl;
  }

  /** The hook for a new prompt: its first occurrence, at the prompt's own time, and the rule for the rest. */
  public static Step first(Prompt prompt, JsonObject repeat) {
    JsonObject data = new JsonObject()
        .put("promptId", prompt.id())
        .put("communityId", prompt.communityId())
        .put("zone", prompt.zone().getId())
        .put("occurrence", 1)
        .put("repeat", repeat);
    return Jobs.at(jobId(prompt.id(), 1), KIND, prompt.sendAt(), data);
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

  /** The prompt, its community and the community's rhythm. */
  record Sending(Prompt prompt, Community community, Rhythm.Settings settings) {
  }

  @Override
  public Future<Outcome> run(JsonObject job) {
    JsonObject data = Jobs.data(job);
    return data.getBoolean("planAfterSession", false) ? planAfterSession(data, clock.instant()) : super.run(job);
  }

  @Override
  protected Future<Sending> load(JsonObject job) {
    return sending(prompts, communities, rhythm, job);
  }

  /** What a prompt's jobs (its occurrences and its reminder) load; null when the prompt is gone. */
  static Future<Sending> sending(PromptStore prompts, CommunityStore communities, Rhythm rhythm, JsonObject job) {
    return prompts.byId(Jobs.data(job).getString("promptId"))
        .compose(prompt -> prompt == null ? Future.succeededFuture() : communities.byId(prompt.communityId())
            .compose(community -> rhythm.of(prompt.communityId())
                .map(settings -> new Sending(prompt, community, settings))));
  }

  @Override
  protected String skipReason(JsonObject job, Sending sending) {
    return sending == null ? "prompt_gone" : null;
  }

  @Override
  protected Timing timing(JsonObject job, Sending sending) {
    return Timing.at(Jobs.at(job)).quiet(sending.settings().quietHours()).tooLateAfter(TOO_LATE);
  }

  @Override
  protected Outcome tooLate(JsonObject job, Sending sending, Instant now) {
    return Outcome.skipped("too_late", next(Jobs.data(job), job, now));
  }

  @Override
  protected Future<Outcome> deliver(JsonObject job, Sending sending, Instant now) {
    JsonObject data = Jobs.data(job);
    Community community = sending.community();
    List<Step> steps = new ArrayList<>();
    int occurrence = data.getInteger("occurrence", 1);
    Prompt sent = sending.prompt();
    if (occurrence > 1) {
      sent = sent.occurrence(occurrence, now);
      steps.addAll(PromptStore.scheduled(sent));
    }
    String promptId = sent.id();
    String jobId = job.getString("_id");
    String text = sent.text();
    JsonObject model = new JsonObject()
        .put("text", text)
        .put("from", sent.createdByName())
        .put("community", community.title())
        .put("answerUrl", publicUrl + answerLink(promptId));
    for (String userId : Recipients.of(community, sent.recipientIds(), sent.createdBy())) {
      steps.addAll(Fanout.inApp(jobId, promptId, userId, "prompt", new JsonArray().add(text), answerLink(promptId),
          Times.format(now)));
      steps.add(Fanout.mail(jobId, promptId, userId, MailKind.PROMPT, "prompt",
          new JsonArray().add(community.title()), model, null, now));
    }
    steps.add(Jobs.at("promptReminder:" + promptId, PromptReminders.KIND, now.plus(sending.settings().promptReminder()),
        new JsonObject().put("promptId", promptId).put("communityId", sent.communityId())));
    steps.addAll(next(data, job, now));
    return Future.succeededFuture(Outcome.sent(steps));
  }

  /** The job for the next occurrence, if the prompt repeats and has occurrences left. */
  private List<Step> next(JsonObject data, JsonObject job, Instant now) {
    Repeat repeat = Repeat.of(data.getJsonObject("repeat"));
    int occurrence = data.getInteger("occurrence", 1);
    if (repeat == null || !repeat.hasAfter(occurrence)) {
      return List.of();
    }
    JsonObject nextData = data.copy().put("occurrence", occurrence + 1);
    String promptId = data.getString("promptId");
    if (repeat.afterSession()) {
      nextData.put("planAfterSession", true)
          .put("afterSessionStart", data.getString("sessionStart", Times.format(now)));
      return List.of(Jobs.at(jobId(promptId, occurrence + 1), KIND, now, nextData));
    }
    return List.of(Jobs.at(jobId(promptId, occurrence + 1), KIND, repeat.next(Jobs.at(job), zone(data)), nextData));
  }

  /**
   * Finds the first session after the one the last occurrence followed, and waits until the rule's number
   * of days after it; with none planned yet, looks again later.
   */
  private Future<Outcome> planAfterSession(JsonObject data, Instant now) {
    String communityId = data.getString("communityId");
    return sessions.ofCommunity(communityId).map(all -> {
      Optional<Session> following = Repeat.following(all, Instant.parse(data.getString("afterSessionStart")));
      if (following.isEmpty()) {
        return Outcome.later(now.plus(LOOK_AGAIN));
      }
      Instant start = following.get().startsAt();
      Instant due = Repeat.of(data.getJsonObject("repeat")).afterSession(start, zone(data));
      JsonObject planned = data.copy().put("planAfterSession", false).put("sessionStart", Times.format(start));
      return new Outcome.Later(due.isAfter(now) ? due : now, planned);
    });
  }

  private static ZoneId zone(JsonObject data) {
    return LocalTimes.stored(data.getString("zone"));
  }
}
