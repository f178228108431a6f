package nl.leerkring.sso;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Hashes;
import nl.leerkring.platform.Times;

import java.time.Instant;

/**
 * Sign-ins under way ({@code ssoFlows}), in the database so that any server process can take the person's way
 * back from the provider. A flow is found by the hash of its state and taken once; a link waiting for the
 * person's password by the hash of the secret in their cookie. Both end after {@link SsoSignIn#FLOW_LIFETIME}.
 */
final class SsoFlows {

  static final String FLOWS = "ssoFlows";

  /** A sign-in sent to the provider: what the way back must match. */
  record SignIn(String organisationId, String nonce, String codeVerifier, String next, String browserHash,
                Instant expiresAt) {
  }

  /** A provider's person with no account linked yet, waiting for them to prove one with its password. */
  record PendingLink(String organisationId, String issuer, String subject, String email, String next,
                     Instant expiresAt) {
  }

  private final Database db;
  private final MongoClient mongo;

  SsoFlows(Database db) {
    this.db = db;
    this.mongo = db.mongo();
  }

  Future<Void> start(String state, SignIn flow) {
    return mongo.insert(FLOWS, new JsonObject()
        .put("_id", Hashes.sha256(state))
        .put("kind", "sign-in")
        .put("organisationId", flow.organisationId())
        .put("nonce", flow.nonce())
        .put("codeVerifier", flow.codeVerifier())
        .put("next", flow.next())
        .put("browser", flow.browserHash())
        .put("expiresAt", Times.format(flow.expiresAt()))).mapEmpty();
  }

  /** The flow of this state, removed in the same step so that a second use finds nothing; or null. */
  Future<SignIn> take(String state) {
    return mongo.findOneAndDelete(FLOWS, new JsonObject().put("_id", Hashes.sha256(state)))
        .map(doc -> doc == null || !"sign-in".equals(doc.getString("kind")) ? null : new SignIn(
            doc.getString("organisationId"), doc.getString("nonce"),
            doc.getString("codeVerifier"), doc.getString("next"), doc.getString("browser"),
            Instant.parse(doc.getString("expiresAt"))));
  }

  Future<Void> await(String secret, PendingLink link) {
    return mongo.insert(FLOWS, new JsonObject()
        .put("_id", Hashes.sha256(secret))
        .put("kind", "link")
        .put("organisationId", link.organisationId())
        .put("issuer", link.issuer())
        .put("subject", link.subject())
        .put("email", link.email())
        .put("next", link.next())
        .put("expiresAt", Times.format(link.expiresAt()))).mapEmpty();
  }

  Future<PendingLink> pending(String secret) {
    return mongo.findOne(FLOWS, new JsonObject().put("_id", Hashes.sha256(secret)), null)
        .map(doc -> doc == null || !"link".equals(doc.getString("kind")) ? null : new PendingLink(
            doc.getString("organisationId"), doc.getString("issuer"), doc.getString("subject"),
            doc.getString("email"), doc.getString("next"), Instant.parse(doc.getString("expiresAt"))));
  }

  Future<Void> end(String secret) {
    return mongo.removeDocument(FLOWS, new JsonObject().put("_id", Hashes.sha256(secret))).mapEmpty();
  }

  /** Flows nobody came back for; the collection holds only sign-ins of the last minutes, so a scan is cheap. */
  Future<Void> removeExpired() {
    return mongo.removeDocuments(FLOWS, new JsonObject().put("expiresAt", new JsonObject().put("$lt", db.now())))
        .mapEmpty();
  }
}
