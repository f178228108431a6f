package nl.leerkring.platform;

import io.vertx.core.Future;

import java.util.function.Function;

/**
 * A write whose conditional step found its document not as the request expected: another request changed
 * it first, and nothing of this write was applied.
 */
public final class Lost extends RuntimeException {

  Lost(Step step) {
    super("Another write changed " + step.collection() + " " + step.id() + " first", null, false, false);
  }

  /** For {@code recover}: answers a lost race with {@code problem}, and leaves every other failure as it was. */
  public static <T> Function<Throwable, Future<T>> as(Problem problem) {
    return failure -> Future.failedFuture(failure instanceof Lost ? problem : failure);
  }
}
