package nl.leerkring.cycle;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.community.CommunityStore;

import java.time.Instant;
import java.util.List;

/**
 * A learning cycle, numbered per community. It starts from the next steps and open questions the cycle before
 * it left ({@code startedFrom}, {@code carriedQuestionIds}); closing it records its harvest and next steps.
 * The fields of a closed cycle are null while it is active.
 */
public record Cycle(String communityId, int number, String goal, CycleStatus status, Instant startedAt,
                    List<String> carriedQuestionIds, List<String> startedFrom, Instant closedAt, String closedBy,
                    Harvest harvest, List<String> nextSteps) {

  public Cycle {
    carriedQuestionIds = List.copyOf(carriedQuestionIds);
    startedFrom = List.copyOf(startedFrom);
    nextSteps = nextSteps == null ? null : List.copyOf(nextSteps);
  }

  /** The first cycle of a new community. */
  public static Cycle first(String communityId, String goal, Instant now) {
    return new Cycle(communityId, 1, goal, CycleStatus.ACTIVE, now, List.of(), List.of(), null, null, null, null);
  }

  /** The cycle after this one. */
  public Cycle next(String goal, List<String> openQuestionIds, List<String> nextSteps, Instant now) {
    return new Cycle(communityId, number + 1, goal, CycleStatus.ACTIVE, now, openQuestionIds, nextSteps, null, null,
        null, null);
  }

  public Cycle closed(Harvest harvest, List<String> nextSteps, String by, Instant now) {
    return new Cycle(communityId, number, goal, CycleStatus.CLOSED, startedAt, carriedQuestionIds, startedFrom, now,
        by, harvest, nextSteps);
  }

  public String id() {
    return CommunityStore.cycleId(communityId, number);
  }

  public JsonObject view() {
    return new JsonObject()
        .put("id", id())
        .put("communityId", communityId)
        .put("number", number)
        .put("goal", goal)
        .put("status", status.value())
        .put("startedAt", startedAt.toString())
        .put("carriedQuestionIds", new JsonArray(carriedQuestionIds))
        .put("startedFrom", new JsonObject().put("nextSteps", new JsonArray(startedFrom)))
        .put("closedAt", closedAt == null ? null : closedAt.toString())
        .put("closedBy", closedBy)
        .put("harvest", harvest == null ? null : harvest.toJson())
        .put("nextSteps", nextSteps == null ? null : new JsonArray(nextSteps));
  }
}
