package nl.leerkring.schedule;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.community.CommunityStore;
import nl.leerkring.mail.MailKind;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Step;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The one reminder a member who has not answered a prompt gets: each occurrence of a prompt has exactly one
 * reminder job, and its deliveries are logged per person, so nobody is reminded twice.
 */
final class PromptReminders implements JobHandler {

  static final String KIND = "promptReminder";
  private static final Duration TOO_LATE = Duration.ofDays(2);

  private final Database db;
  private final CommunityStore communities;
  private final Rhythm rhythm;
  private final String publicUrl;

  PromptReminders(Database db, CommunityStore communities, Rhythm rhythm, String publicUrl) {
    this.db = db;
    this.communities = communities;
    this.rhythm = rhythm;
    this.publicUrl = publicUrl;
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
      Instant allowed = settings.quietHours().nextAllowed(now);
      if (allowed.isAfter(now)) {
        return Future.succeededFuture(Outcome.later(allowed));
      }
      if (Jobs.lateness(job, now).compareTo(TOO_LATE) > 0) {
        return Future.succeededFuture(Outcome.skipped("too_late"));
      }
      return db.mongo().findOne("prompts", new JsonObject().put("_id", data.getString("promptId")), null)
          .compose(prompt -> prompt == null
              ? Future.succeededFuture(Outcome.skipped("prompt_gone"))
              : communities.byId(prompt.getString("communityId")).map(community -> remind(job, prompt, community, now)));
    });
  }

  private Outcome remind(JsonObject job, JsonObject prompt, JsonObject community, Instant now) {
    List<String> answered = new ArrayList<>();
    prompt.getJsonArray("answers", new JsonArray()).forEach(a -> answered.add(((JsonObject) a).getString("userId")));
    String promptId = prompt.getString("_id");
    JsonObject model = new JsonObject()
        .put("text", prompt.getString("text"))
        .put("community", Recipients.title(community))
        .put("answerUrl", publicUrl + PromptJobs.answerLink(promptId));
    List<Step> steps = new ArrayList<>();
    for (String userId : Recipients.of(community, prompt.getJsonArray("recipientIds"), prompt.getString("createdBy"))) {
      if (!answered.contains(userId)) {
        steps.add(Fanout.mail(job.getString("_id"), promptId, userId, MailKind.PROMPT_REMINDER, "promptReminder",
            new JsonArray().add(Recipients.title(community)), model, null, now));
      }
    }
    return Outcome.sent(steps);
  }
}
