package nl.leerkring.community;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Step;

import java.util.List;

/**
 * Communities with their challenge and members embedded: a community has some ten members, and every
 * request in it needs them to decide what the caller may do, so one read by _id answers both.
 */
public final class CommunityStore {

  public static final String COMMUNITIES = "communities";

  private final Database db;
  private final MongoClient mongo;

  public CommunityStore(Database db) {
    this.db = db;
    this.mongo = db.mongo();
  }

  /** Cycles are numbered per community, and their id says which, so a retried close finds its own work. */
  public static String cycleId(String communityId, int number) {
    return communityId + ":" + number;
  }

  public Future<JsonObject> byId(String id) {
    return mongo.findOne(COMMUNITIES, new JsonObject().put("_id", id), null);
  }

  public Future<List<JsonObject>> byIds(List<String> ids) {
    return db.lists().byIds(COMMUNITIES, ids);
  }

  public static Step addMember(String communityId, JsonObject member) {
    // The filter skips a person already in the list, so a replayed join adds nobody twice.
    return new Step(COMMUNITIES,
        new JsonObject().put("_id", communityId).put("members.userId", new JsonObject().put("$ne", member.getString("userId"))),
        new JsonObject().put("$push", new JsonObject().put("members", member)), false);
  }

  public static Step removeMember(String communityId, String userId) {
    return Step.update(COMMUNITIES, communityId, new JsonObject()
        .put("$pull", new JsonObject().put("members", new JsonObject().put("userId", userId))));
  }

  /** Whether the member still had the role {@code from} and now has {@code role}. */
  public Future<Boolean> changeRole(String communityId, String userId, String from, Role role) {
    // An array filter, not the positional $: the embedded store finds no position for an $elemMatch.
    return mongo.updateCollectionWithOptions(COMMUNITIES, new JsonObject().put("_id", communityId).put("members",
                new JsonObject().put("$elemMatch", new JsonObject().put("userId", userId).put("role", from))),
            new JsonObject().put("$set", new JsonObject().put("members.$[member].role", role.value())),
            new UpdateOptions().setArrayFilters(new JsonArray().add(new JsonObject().put("member.userId", userId))))
        .map(result -> result.getDocMatched() == 1);
  }

  public Future<Void> setChallenge(String communityId, JsonObject challenge) {
    return mongo.updateCollection(COMMUNITIES, new JsonObject().put("_id", communityId),
        new JsonObject().put("$set", new JsonObject().put("challenge", challenge))).mapEmpty();
  }

  public static Step setCurrentCycle(String communityId, int number) {
    return Step.update(COMMUNITIES, communityId,
        new JsonObject().put("$max", new JsonObject().put("currentCycle", number)));
  }
}
