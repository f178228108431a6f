package nl.leerkring.platform.jobs;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import nl.leerkring.platform.Step;

import java.time.Duration;
import java.util.List;

/** Runs the jobs of one kind. A failed run is tried again with growing pauses, then given up and recorded. */
public interface JobHandler {

  String kind();

  Future<Outcome> run(JsonObject job);

  default int maxTries() {
    return 5;
  }

  /** The pause after the first failed try. */
  default Duration firstRetry() {
    return Duration.ofSeconds(30);
  }

  /** Four times longer after each failed try (30 s, 2 min, 8 min, ...), growing no more after the eleventh. */
  default Duration retryDelay(int tries) {
    return firstRetry().multipliedBy(1L << (2 * Math.min(tries - 1, 10)));
  }

  /** Whether a job that failed {@code tries} times is given up on. */
  default boolean givesUp(int tries) {
    return tries >= maxTries();
  }

  /** The writes that record a job given up on, besides the job's own record. */
  default List<Step> gaveUp(JsonObject job, String error) {
    return List.of();
  }
}
