package nl.leerkring.snack;

import io.vertx.core.Future;
import nl.leerkring.community.Membership;
import nl.leerkring.session.Finding;
import nl.leerkring.session.FindingKind;
import nl.leerkring.session.FindingSource;

import java.time.Instant;
import java.util.List;

/** Learning snacks for "since last time", and so for the next session's agenda: shared with the whole community. */
public final class SnackFindings implements FindingSource {

  private final SnackStore snacks;

  public SnackFindings(SnackStore snacks) {
    this.snacks = snacks;
  }

  @Override
  public Future<List<Finding>> between(Membership reader, Instant from, Instant until, int limit) {
    if (!reader.isMember()) {
      return Future.succeededFuture(List.of());
    }
    return snacks.ofCommunitySince(reader.communityId(), from).map(found -> found.stream()
        .filter(s -> FindingSource.within(s.createdAt(), from, until))
        .limit(limit)
        .map(s -> new Finding(FindingKind.SNACK, s.title(), s.authorName(), s.createdAt(), List.of(s.questionId()),
            "/questions/" + s.questionId() + "#snack-" + s.id()))
        .toList());
  }
}
