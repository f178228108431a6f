package nl.leerkring.platform.jobs;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.Instant;

/**
 * The opening every job that tells people something shares: load what it is about, skip it when that is
 * gone or no longer wanted, wait out its time and quiet hours, skip it when too late, and only then fan out
 * to the people it is for. {@code T} is what a kind loads: the thing and whatever its rules need.
 */
public abstract class DeliveryJob<T> implements JobHandler {

  protected final Clock clock;

  protected DeliveryJob(Clock clock) {
    this.clock = clock;
  }

  /** What the job is about; null when it is gone. */
  protected abstract Future<T> load(JsonObject job);

  /** Why the job ends without a delivery (the thing is null, cancelled, moved...), or null to go on. */
  protected abstract String skipReason(JsonObject job, T thing);

  /** When it may go out; {@link Timing#at} the job's own time by default. */
  protected Timing timing(JsonObject job, T thing) {
    return Timing.at(Jobs.at(job));
  }

  /** What a delivery that is too late comes to. */
  protected Outcome tooLate(JsonObject job, T thing, Instant now) {
    return Outcome.skipped("too_late");
  }

  /** The writes that deliver it, to each person it is for. */
  protected abstract Future<Outcome> deliver(JsonObject job, T thing, Instant now);

  @Override
  public Future<Outcome> run(JsonObject job) {
    Instant now = clock.instant();
    return load(job).compose(thing -> {
      String skip = skipReason(job, thing);
      if (skip != null) {
        return Future.succeededFuture(Outcome.skipped(skip));
      }
      Timing.When when = timing(job, thing).decide(now);
      if (when instanceof Timing.Wait wait) {
        return Future.succeededFuture(Outcome.later(wait.until()));
      }
      if (when instanceof Timing.TooLate) {
        return Future.succeededFuture(tooLate(job, thing, now));
      }
      return deliver(job, thing, now);
    });
  }
}
