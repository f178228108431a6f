package nl.leerkring.community;

import io.vertx.core.json.JsonObject;
import nl.leerkring.platform.Times;

import java.time.Instant;
import java.util.List;

/**
 * A learning community: the company it belongs to, the challenge it works on, its members with their roles
 * and the number of the cycle it is in. Members are kept in the community itself, since every request in it
 * needs them to decide what the caller may do.
 */
public record Community(String id, String organisationId, Challenge challenge, List<Member> members,
                        int currentCycle, String createdBy, Instant createdAt) {

  public Community {
    members = List.copyOf(members);
  }

  /** What the community works on; a field left out is kept as an empty text. */
  public record Challenge(String title, String description, String whyItMatters, String desiredOutcome) {

    public Challenge {
      title = cleaned(title);
      description = cleaned(description);
      whyItMatters = cleaned(whyItMatters);
      desiredOutcome = cleaned(desiredOutcome);
    }

    /** The challenge as the contract's {@code Challenge} object names it. */
    public static Challenge of(JsonObject input) {
      return new Challenge(input.getString("title"), input.getString("description"),
          input.getString("whyItMatters"), input.getString("desiredOutcome"));
    }

    private static String cleaned(String value) {
      return value == null ? "" : value.trim();
    }

    public JsonObject view() {
      return new JsonObject().put("title", title).put("description", description).put("whyItMatters", whyItMatters)
          .put("desiredOutcome", desiredOutcome);
    }
  }

  /** A person in the community, with the role they have in it. */
  public record Member(String userId, String displayName, Role role, Instant joinedAt) {

    public JsonObject view() {
      return new JsonObject().put("userId", userId).put("displayName", displayName).put("role", role.value())
          .put("joinedAt", joinedAt == null ? null : Times.format(joinedAt));
    }
  }

  /** A community as its company admin starts it: no members yet, in its first cycle. */
  public static Community started(String id, String organisationId, Challenge challenge, String by, Instant at) {
    return new Community(id, organisationId, challenge, List.of(), 1, by, at);
  }

  public String title() {
    return challenge.title();
  }

  /** The member with this id; null when they are not (or no longer) in the community. */
  public Member member(String userId) {
    return members.stream().filter(m -> m.userId().equals(userId)).findFirst().orElse(null);
  }

  public boolean hasMember(String userId) {
    return member(userId) != null;
  }

  public List<Member> withRole(Role role) {
    return members.stream().filter(m -> m.role() == role).toList();
  }

  public boolean facilitatedBy(String userId) {
    Member member = member(userId);
    return member != null && member.role() == Role.FACILITATOR;
  }

  public String cycleId() {
    return CommunityStore.cycleId(id, currentCycle);
  }
}
