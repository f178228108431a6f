package nl.leerkring.scan;

import java.time.Instant;
import java.util.List;

/**
 * One measurement of the learning culture: for one community ({@code communityId}) or for a whole company
 * (communityId null). {@code invitedIds} are the participants asked when it opened; only they answer.
 */
public record ScanRound(String id, String organisationId, String communityId, String title, ScanKind kind,
                        String questionSet, String openedBy, String openedByName, Instant openedAt,
                        Instant closedAt, List<String> invitedIds) {

  public ScanRound {
    invitedIds = List.copyOf(invitedIds);
  }

  public boolean open() {
    return closedAt == null;
  }

  public boolean forCommunity() {
    return communityId != null;
  }

  /** The community, or the company for a company-wide round. */
  public String scopeId() {
    return forCommunity() ? communityId : organisationId;
  }

  public boolean invited(String userId) {
    return invitedIds.contains(userId);
  }
}
