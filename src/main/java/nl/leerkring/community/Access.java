package nl.leerkring.community;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import nl.leerkring.web.Caller;
import nl.leerkring.platform.Problem;

/**
 * Decides how a caller stands in a community. Anyone who is neither a member nor an admin of its company
 * gets 404: to them the community does not exist.
 */
public final class Access {

  private final CommunityStore communities;

  public Access(CommunityStore communities) {
    this.communities = communities;
  }

  public Future<Membership> in(Caller caller, String communityId) {
    return communities.byId(communityId).map(community -> {
      Membership membership = of(caller, community);
      if (membership == null) {
        throw Problem.notFound("community");
      }
      return membership;
    });
  }

  /** For things found by their own id: the same answer for "not there" and "not yours". */
  public Future<Membership> inCommunityOf(Caller caller, JsonObject thing, String what) {
    return inCommunityOf(caller, thing == null ? null : thing.getString("communityId"), what);
  }

  /** The same, for a thing read as a record: {@code communityId} is null when the thing is not there. */
  public Future<Membership> inCommunityOf(Caller caller, String communityId, String what) {
    if (communityId == null) {
      return Future.failedFuture(Problem.notFound(what));
    }
    return communities.byId(communityId).map(community -> {
      Membership membership = of(caller, community);
      if (membership == null) {
        throw Problem.notFound(what);
      }
      return membership;
    });
  }

  /**
   * For reading a community's harvest report and scan results only: its members and company admins as
   * {@link #in}, and also a manager one of whose people is a member, who stands in it with no role and no
   * admin right, so every other rule refuses them. Everyone else gets 404.
   */
  public Future<Membership> reading(Caller caller, String communityId, String what) {
    if (communityId == null) {
      return Future.failedFuture(Problem.notFound(what));
    }
    return communities.byId(communityId).map(community -> {
      Membership membership = of(caller, community);
      if (membership == null && community != null && caller.manager()
          && community.members().stream().anyMatch(m -> caller.manages(m.userId()))) {
        return new Membership(caller, community, null, false);
      }
      if (membership == null) {
        throw Problem.notFound(what);
      }
      return membership;
    });
  }

  static Membership of(Caller caller, Community community) {
    if (community == null) {
      return null;
    }
    Community.Member member = community.member(caller.userId());
    Role role = member == null ? null : member.role();
    boolean admin = caller.administers(community.organisationId());
    return role == null && !admin ? null : new Membership(caller, community, role, admin);
  }
}
