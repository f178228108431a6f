package nl.leerkring.sso;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Hashes;
import nl.leerkring.platform.Step;

/**
 * Which Leerkring account a provider's person is ({@code ssoLinks}): _id is a hash of issuer and subject, so
 * the store keeps no identifier of the provider's in readable form, and a sign-in finds its account by _id.
 */
final class SsoLinks {

  static final String LINKS = "ssoLinks";

  private final MongoClient mongo;

  SsoLinks(Database db) {
    this.mongo = db.mongo();
  }

  static String key(String issuer, String subject) {
    return Hashes.sha256(issuer + "\n" + subject);
  }

  /** The linked account's id, or null. */
  Future<String> userOf(String issuer, String subject) {
    return mongo.findOne(LINKS, new JsonObject().put("_id", key(issuer, subject)), null)
        .map(doc -> doc == null ? null : doc.getString("userId"));
  }

  static Step linked(String issuer, String subject, String userId, String organisationId, String now) {
    return Step.upsert(LINKS, key(issuer, subject), new JsonObject().put("$set", new JsonObject()
        .put("userId", userId)
        .put("organisationId", organisationId)
        .put("linkedAt", now)));
  }
}
