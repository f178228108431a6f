package nl.leerkring.sso;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Hashes;
import nl.leerkring.platform.Step;

/**
 * Which Leerkring account a provider's person is, per company ({@code ssoLinks}): _id is a hash of company,
 * issuer and subject, so the store keeps no identifier of the provider's in readable form, a sign-in finds its
 * account by _id, and two companies on one shared issuer (Google) never take each other's links.
 */
final class SsoLinks {

  static final String LINKS = "ssoLinks";

  private final MongoClient mongo;

  SsoLinks(Database db) {
    this.mongo = db.mongo();
  }

  static String key(String organisationId, String issuer, String subject) {
    return Hashes.sha256(organisationId + "\n" + issuer + "\n" + subject);
  }

  /** The linked account's id, or null. */
  Future<String> userOf(String organisationId, String issuer, String subject) {
    return mongo.findOne(LINKS, new JsonObject().put("_id", key(organisationId, issuer, subject)), null)
        .map(doc -> doc == null ? null : doc.getString("userId"));
  }

  static Step linked(String issuer, String subject, String userId, String organisationId, String now) {
    return Step.upsert(LINKS, key(organisationId, issuer, subject), new JsonObject().put("$set", new JsonObject()
        .put("userId", userId)
        .put("organisationId", organisationId)
        .put("linkedAt", now)));
  }
}
