package nl.leerkring.mail;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import nl.leerkring.web.Caller;
import nl.leerkring.account.UserStore;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Problem;

import java.util.regex.Pattern;

/**
 * Where a person wants mail and which kinds: one document per person (_id = user id). Many employees have
 * no e-mail address; a login that is an address counts as one until the person gives another.
 */
public final class MailPreferences {

  static final String PREFERENCES = "mailPreferences";

  /** Whom a mail goes to, in which language, and whether they want this kind. */
  public record Recipient(String userId, String displayName, String address, String language, boolean wants) {
  }

  private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+");

  private final MongoClient mongo;
  private final UserStore users;

  public MailPreferences(Database db, UserStore users) {
    this.mongo = db.mongo();
    this.users = users;
  }

  public Future<Recipient> recipient(String userId, MailKind kind) {
    return users.byId(userId).compose(user -> preferences(userId).map(prefs -> user == null ? null
        : new Recipient(userId, user.getString("displayName"), address(user, prefs), user.getString("language", "nl"),
            !prefs.getJsonArray("off", new JsonArray()).contains(kind.value()))));
  }

  public Future<JsonObject> get(Caller caller) {
    return users.byId(caller.userId()).compose(user -> preferences(caller.userId()).map(prefs -> {
      JsonArray off = prefs.getJsonArray("off", new JsonArray());
      JsonObject kinds = new JsonObject();
      MailKind.names().forEach(kind -> kinds.put(kind, !off.contains(kind)));
      String address = address(user, prefs);
      return new JsonObject().put("email", address == null ? "" : address).put("kinds", kinds);
    }));
  }

  /** {@code changes} has been validated against the contract (updateMailPreferences); "" clears the address. */
  public Future<JsonObject> update(Caller caller, JsonObject changes) {
    JsonObject set = new JsonObject();
    if (changes.containsKey("email")) {
      String email = changes.getString("email").trim();
      set.put("email", email.isEmpty() ? email : requireAddress(email, "email"));
    }
    JsonObject kinds = changes.getJsonObject("kinds");
    if (kinds != null) {
      return get(caller).compose(current -> {
        JsonObject merged = current.getJsonObject("kinds").mergeIn(kinds);
        JsonArray off = new JsonArray();
        merged.forEach(kind -> {
          if (!Boolean.TRUE.equals(kind.getValue())) {
            off.add(kind.getKey());
          }
        });
        return save(caller, set.put("off", off));
      });
    }
    return save(caller, set);
  }

  /** A plausible address; whether it exists only the mail server can tell, and a failed send is recorded. */
  public static String requireAddress(String address, String field) {
    String trimmed = address.trim();
    if (!ADDRESS.matcher(trimmed).matches()) {
      throw Problem.invalidField(field, "bad_email", "Not an e-mail address: " + trimmed + ".");
    }
    return trimmed;
  }

  private Future<JsonObject> save(Caller caller, JsonObject set) {
    return mongo.updateCollectionWithOptions(PREFERENCES, new JsonObject().put("_id", caller.userId()),
            new JsonObject().put("$set", set), new UpdateOptions().setUpsert(true))
        .compose(x -> get(caller));
  }

  private Future<JsonObject> preferences(String userId) {
    return mongo.findOne(PREFERENCES, new JsonObject().put("_id", userId), null)
        .map(prefs -> prefs == null ? new JsonObject() : prefs);
  }

  private static String address(JsonObject user, JsonObject prefs) {
    String chosen = prefs.getString("email");
    if (chosen != null) {
      return chosen.isEmpty() ? null : chosen;
    }
    String login = user == null ? null : user.getString("login");
    return login != null && login.contains("@") ? login : null;
  }
}
