package nl.leerkring.session;

import io.vertx.core.Future;
import nl.leerkring.community.Membership;

import java.time.Instant;
import java.util.List;

/**
 * Where "since last time" finds what came about between two sessions: each feature that holds such things
 * (field notes, contributions, questions, agreements, learning snacks) gives one source, listed in the wiring
 * root. A source reads a range of its community's list by id (ids sort by creation time), never a whole
 * collection, and gives only what {@code reader} may see there: never a private note, not even to its writer,
 * since this is what the group shares.
 */
public interface FindingSource {

  /** What came about from {@code from} until {@code until} (now when null), at most {@code limit}, newest first. */
  Future<List<Finding>> between(Membership reader, Instant from, Instant until, int limit);

  /** Whether {@code at} lies in the range. */
  static boolean within(Instant at, Instant from, Instant until) {
    return !at.isBefore(from) && (until == null || at.isBefore(until));
  }
}
