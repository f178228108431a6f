package nl.leerkring.schedule;

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

  /** 30 s, 2 min, 8 min, ... */
  default Duration retryDelay(int tries) {
    return Duration.ofSeconds(30L << (2 * Math.min(tries - 1, 10)));
  }

  /** The writes that record a job given up on, besides the job's own record. */
  default List<Step> gaveUp(JsonObject job, String error) {
    return List.of();
  }
}
