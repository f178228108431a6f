package nl.leerkring.contribution;

import io.vertx.core.Future;
import nl.leerkring.community.Membership;
import nl.leerkring.platform.Database;
import nl.leerkring.session.Finding;
import nl.leerkring.session.FindingKind;
import nl.leerkring.session.FindingSource;

import java.time.Instant;
import java.util.List;

/** The lecturer's contributions for "since last time", read on the questions they feed. */
public final class ContributionFindings implements FindingSource {

  private final Database db;

  public ContributionFindings(Database db) {
    this.db = db;
  }

  @Override
  public Future<List<Finding>> between(Membership reader, Instant from, Instant until, int limit) {
    return ContributionStore.between(db, reader.communityId(), from, until, limit).map(found -> found.stream()
        .filter(c -> FindingSource.within(c.createdAt(), from, until))
        .map(c -> new Finding(FindingKind.CONTRIBUTION, c.text(), c.authorName(), c.createdAt(), c.questionIds(),
            c.questionIds().isEmpty() ? "/c/" + c.communityId() : "/questions/" + c.questionIds().get(0)))
        .toList());
  }
}
