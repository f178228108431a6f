package nl.leerkring.platform.jobs;

import io.vertx.core.json.JsonObject;
import nl.leerkring.platform.Step;
import nl.leerkring.platform.Times;

import java.time.Instant;

/**
 * Due jobs as documents. A feature schedules one by adding {@link #at} to the same write as the document it
 * concerns, so a crash can never leave a prompt without its job. Job ids are chosen by the caller and say
 * what the job is for ("prompt:abc:1"), so scheduling the same thing twice leaves one job.
 */
public final class Jobs {

  /**
   * Pending and running jobs only. Finished jobs are removed (their record goes to {@link #FINISHED}), which
   * keeps this collection small: the embedded store ignores the index on dueAt and scans it at every look,
   * a real MongoDB uses the index.
   */
  public static final String JOBS = "jobs";
  /** What became of each job: sent, skipped (and why) or failed. Read by _id only. */
  public static final String FINISHED = "jobsFinished";

  public static final String PENDING = "pending";
  public static final String CLAIMED = "claimed";
  public static final String DONE = "done";

  private Jobs() {
  }

  /**
   * A job of this kind to run at {@code at}. {@code at} is when it is meant to run; {@code dueAt} is when a
   * scheduler should next look at it, which a claim pushes forward by the length of its lease.
   */
  public static Step at(String id, String kind, Instant at, JsonObject data) {
    String when = Times.format(at);
    return Step.insert(JOBS, new JsonObject()
        .put("_id", id)
        .put("kind", kind)
        .put("at", when)
        .put("dueAt", when)
        .put("status", PENDING)
        .put("tries", 0)
        .put("data", data));
  }

  public static Instant at(JsonObject job) {
    return Instant.parse(job.getString("at"));
  }

  public static JsonObject data(JsonObject job) {
    return job.getJsonObject("data", new JsonObject());
  }
}
