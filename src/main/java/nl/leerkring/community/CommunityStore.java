package nl.leerkring.community;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
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

  public Future<Boolean> changeRole(String communityId, String userId, Role role) {
    return mongo.updateCollection(COMMUNITIES,
            new JsonObject().put("_id", communityId).put("members.userId", userId),
            new JsonObject().put("$set", new JsonObject().put("members.$.role", role.value())))
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
