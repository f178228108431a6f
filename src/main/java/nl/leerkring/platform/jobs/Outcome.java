package nl.leerkring.platform.jobs;

import io.vertx.core.json.JsonObject;
import nl.leerkring.platform.Step;

import java.time.Instant;
import java.util.List;

/** What running a job came to: finished (with the writes that carry it out), or to be run again later. */
public sealed interface Outcome {

  /** Finished: {@code steps} are applied together with the job's removal, in one crash-safe write. */
  record Done(String result, String reason, List<Step> steps) implements Outcome {
  }

  /** Not yet: run at {@code at}, with {@code data} replacing the job's data when not null. */
  record Later(Instant at, JsonObject data) implements Outcome {
  }

  static Outcome sent(List<Step> steps) {
    return new Done("sent", null, steps);
  }

  static Outcome skipped(String reason) {
    return new Done("skipped", reason, List.of());
  }

  static Outcome skipped(String reason, List<Step> steps) {
    return new Done("skipped", reason, steps);
  }

  static Outcome later(Instant at) {
    return new Later(at, null);
  }
}
