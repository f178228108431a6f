package nl.leerkring.prompt;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.community.Community;
import nl.leerkring.community.CommunityStore;
import nl.leerkring.community.Recipients;
import nl.leerkring.community.Rhythm;
import nl.leerkring.mail.MailKind;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Step;
import nl.leerkring.platform.jobs.DeliveryJob;
import nl.leerkring.platform.jobs.Jobs;
import nl.leerkring.platform.jobs.Outcome;
import nl.leerkring.platform.jobs.Timing;
import nl.leerkring.notification.Fanout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The one reminder a member who has not answered a prompt gets: each occurrence of a prompt has exactly one
 * reminder job, and its deliveries are logged per person, so nobody is reminded twice.
 */
public final class PromptReminders extends DeliveryJob<PromptJobs.Sending> {

  static final String KIND = "promptReminder";
  private static final Duration TOO_LATE = Duration.ofDays(2);

  private final PromptStore prompts;
  private final CommunityStore communities;
  private final Rhythm rhythm;
  private final String publicUrl;

  public PromptReminders(Database db, CommunityStore communities, Rhythm rhythm, String publicUrl) {
    super(db.clock());
    this.prompts = new PromptStore(db);
    this.communities = communities;
    this.rhythm = rhythm;
    this.publicUrl = publicUrl;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  protected Future<PromptJobs.Sending> load(JsonObject job) {
    return PromptJobs.sending(prompts, communities, rhythm, job);
  }

  @Override
  protected String skipReason(JsonObject job, PromptJobs.Sending reminding) {
    return reminding == null ? "prompt_gone" : null;
  }

  @Override
  protected Timing timing(JsonObject job, PromptJobs.Sending reminding) {
    return Timing.at(Jobs.at(job)).quiet(reminding.settings().quietHours()).tooLateAfter(TOO_LATE);
  }

  @Override
  protected Future<Outcome> deliver(JsonObject job, PromptJobs.Sending reminding, Instant now) {
    return Future.succeededFuture(remind(job, reminding.prompt(), reminding.community(), now));
  }

  private Outcome remind(JsonObject job, Prompt prompt, Community community, Instant now) {
    String promptId = prompt.id();
    JsonObject model = new JsonObject()
        .put("text", prompt.text())
        .put("community", community.title())
        .put("answerUrl", publicUrl + PromptJobs.answerLink(promptId));
    List<Step> steps = new ArrayList<>();
    for (String userId : Recipients.of(community, prompt.recipientIds(), prompt.createdBy())) {
      if (!prompt.answeredBy(userId)) {
        steps.add(Fanout.mail(job.getString("_id"), promptId, userId, MailKind.PROMPT_REMINDER, "promptReminder",
            new JsonArray().add(community.title()), model, null, now));
      }
    }
    return Outcome.sent(steps);
  }
}
