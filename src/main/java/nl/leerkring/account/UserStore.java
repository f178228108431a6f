package nl.leerkring.account;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Step;

import java.util.List;
import java.util.Locale;

/** People: found by _id, or by login through its unique index. */
public final class UserStore {

  public static final String USERS = "users";

  private final Database db;
  private final MongoClient mongo;
  private final Callers callers;

  public UserStore(Database db, Callers callers) {
    this.db = db;
    this.mongo = db.mongo();
    this.callers = callers;
  }

  public static String normaliseLogin(String login) {
    return login.trim().toLowerCase(Locale.ROOT);
  }

  public Future<JsonObject> byId(String id) {
    return mongo.findOne(USERS, new JsonObject().put("_id", id), null);
  }

  public Future<JsonObject> byLogin(String login) {
    return mongo.findOne(USERS, new JsonObject().put("login", normaliseLogin(login)), null);
  }

  public Future<List<JsonObject>> byIds(List<String> ids) {
    return db.lists().byIds(USERS, ids);
  }

  public static JsonObject newUser(String id, String login, String displayName, String passwordHash,
                                   String language, String organisationId, String now) {
    return new JsonObject()
        .put("_id", id)
        .put("login", normaliseLogin(login))
        .put("displayName", displayName.trim())
        .put("passwordHash", passwordHash)
        .put("language", language)
        .put("organisationId", organisationId)
        .put("adminOf", new JsonArray())
        .put("communityIds", new JsonArray())
        .put("createdAt", now);
  }

  public Future<Void> insert(JsonObject user) {
    return mongo.insert(USERS, user).mapEmpty();
  }

  public Future<Void> update(String id, JsonObject set) {
    return mongo.updateCollection(USERS, new JsonObject().put("_id", id), new JsonObject().put("$set", set))
        .compose(x -> callers.changed(id));
  }

  public static Step joinCommunity(String userId, String communityId) {
    return Step.update(USERS, userId,
        new JsonObject().put("$addToSet", new JsonObject().put("communityIds", communityId)));
  }

  public static Step administer(String userId, String organisationId) {
    return Step.update(USERS, userId,
        new JsonObject().put("$addToSet", new JsonObject().put("adminOf", organisationId)));
  }

  public static Step leaveCommunity(String userId, String communityId) {
    return Step.update(USERS, userId,
        new JsonObject().put("$pull", new JsonObject().put("communityIds", communityId)));
  }

  /** What others may see of a person. */
  public static JsonObject publicView(JsonObject user) {
    return new JsonObject()
        .put("id", user.getString("_id"))
        .put("displayName", user.getString("displayName"));
  }
}
