package nl.leerkring.fieldnote;

import io.vertx.core.Future;
import nl.leerkring.community.Membership;
import nl.leerkring.session.Finding;
import nl.leerkring.session.FindingKind;
import nl.leerkring.session.FindingSource;

import java.time.Instant;
import java.util.List;

/**
 * Field notes for "since last time": those shared with the community, for its members only. A private note is
 * neither listed nor counted, not even for its writer: this is what the group shares.
 */
public final class NoteFindings implements FindingSource {

  /** Private notes in the range take places in the read; reading more keeps enough shared ones. */
  private static final int READ_AHEAD = 3;

  private final NoteStore notes;

  public NoteFindings(NoteStore notes) {
    this.notes = notes;
  }

  @Override
  public Future<List<Finding>> between(Membership reader, Instant from, Instant until, int limit) {
    if (!reader.isMember()) {
      return Future.succeededFuture(List.of());
    }
    return notes.between(reader.communityId(), from, until, limit * READ_AHEAD).map(found -> found.stream()
        .filter(n -> n.visibility() == Visibility.COMMUNITY && FindingSource.within(n.createdAt(), from, until))
        .limit(limit)
        .map(n -> new Finding(FindingKind.NOTE, n.text(), n.authorName(), n.createdAt(), n.questionIds(),
            "/notes/" + n.id()))
        .toList());
  }
}
