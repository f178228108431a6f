package nl.leerkring.community;

import nl.leerkring.web.Caller;
import nl.leerkring.platform.Problem;

import java.util.Arrays;

/**
 * How the caller stands in one community: a member with a role, an admin of its company, or both. Every
 * rule about who may do what in a community is asked of this object.
 */
public record Membership(Caller caller, Community community, Role role, boolean companyAdmin) {

  public String communityId() {
    return community.id();
  }

  public String userId() {
    return caller.userId();
  }

  public boolean isMember() {
    return role != null;
  }

  public boolean is(Role wanted) {
    return role == wanted;
  }

  /** Members read the community's shared work; company admins see progress but not the notes themselves. */
  public Membership requireMember() {
    if (!isMember()) {
      throw Problem.forbidden("Only members of this community can do this.");
    }
    return this;
  }

  public Membership requireRole(Role... allowed) {
    if (role == null || Arrays.stream(allowed).noneMatch(r -> r == role)) {
      throw Problem.forbidden("Your role in this community does not allow this.");
    }
    return this;
  }

  /** Membership itself is managed by the company's admins and by the community's facilitator. */
  public Membership requireManager() {
    if (!companyAdmin && role != Role.FACILITATOR) {
      throw Problem.forbidden("Only the facilitator or a company admin can manage members.");
    }
    return this;
  }

  public boolean hasMember(String userId) {
    return community.hasMember(userId);
  }

  public Membership requireMemberId(String userId) {
    if (!hasMember(userId)) {
      throw Problem.invalidField("userId", "not_member", "That person is not a member of this community.");
    }
    return this;
  }

  public String currentCycleId() {
    return community.cycleId();
  }

  public int currentCycle() {
    return community.currentCycle();
  }

  public String memberName(String userId) {
    Community.Member member = community.member(userId);
    return member == null ? null : member.displayName();
  }
}
