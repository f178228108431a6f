package nl.leerkring.sso;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.audit.AuditTrail;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.IdLists;
import nl.leerkring.platform.Problem;
import nl.leerkring.platform.Step;
import nl.leerkring.web.Caller;

import java.util.ArrayList;
import java.util.List;

/**
 * A company admin's settings for their company's identity provider. Only admins of that company see or change
 * them (anyone else: 404, as for any other company's things); every change is in the audit trail, without the
 * secret, which is stored sealed and never shown again.
 */
public final class SsoSettings {

  private final Database db;
  private final SsoProviderStore providers;
  private final ProviderClient client;
  private final SecretBox secrets;
  private final AuditTrail audit;
  private final String redirectUri;

  SsoSettings(Database db, SsoProviderStore providers, ProviderClient client, SecretBox secrets, AuditTrail audit,
              String redirectUri) {
    this.db = db;
    this.providers = providers;
    this.client = client;
    this.secrets = secrets;
    this.audit = audit;
    this.redirectUri = redirectUri;
  }

  /** The address to register at the provider as the redirect (or reply) URI. */
  public String redirectUri() {
    return redirectUri;
  }

  /** The company's settings without the secret, or null when it has none. */
  public Future<JsonObject> of(Caller caller, String organisationId) {
    return admin(caller, organisationId).compose(x -> providers.of(organisationId))
        .map(provider -> provider == null ? null : provider.view(redirectUri));
  }

  /**
   * Sets issuer, client id, domains and (when given, else the one stored is kept) the client secret, from a
   * body the contract accepted. The issuer must answer discovery; a domain of another company's is refused.
   */
  public Future<JsonObject> save(Caller caller, String organisationId, JsonObject body) {
    String issuer = SsoProvider.normalisedIssuer(body.getString("issuer"));
    String clientId = body.getString("clientId").strip();
    String secret = body.getString("clientSecret");
    List<String> domains = Domains.normalised(IdLists.strings(body.getJsonArray("domains")));
    return admin(caller, organisationId).compose(x -> providers.of(organisationId)).compose(before -> {
      if (before == null && (secret == null || secret.isEmpty())) {
        throw Problem.invalidField("clientSecret", "required", "The client secret is needed the first time.");
      }
      Future<String> sealed = secret == null || secret.isEmpty()
          ? Future.succeededFuture(before.sealedSecret()) : secrets.seal(secret);
      String ending = secret == null || secret.isEmpty() ? before.secretEnding() : SsoProvider.endingOf(secret);
      return client.check(issuer, clientId)
          .compose(reachable -> sealed)
          .compose(sealedSecret -> providers.claim(organisationId, domains).map(sealedSecret))
          .compose(sealedSecret -> {
            SsoProvider after = new SsoProvider(organisationId, issuer, clientId, sealedSecret, ending, domains,
                db.now(), caller.userId());
            List<Step> steps = new ArrayList<>();
            steps.add(SsoProviderStore.saved(after));
            steps.addAll(audit.steps(organisationId, caller.userId(), "sso.configured", null, new JsonObject()
                .put("issuer", issuer).put("clientId", clientId).put("domains", new JsonArray(domains))
                .put("secretChanged", secret != null && !secret.isEmpty())));
            List<String> dropped = before == null ? List.of()
                : before.domains().stream().filter(d -> !domains.contains(d)).toList();
            return db.writes().apply(steps)
                .recover(error -> providers.release(organisationId, newOnes(before, domains))
                    .compose(x -> Future.failedFuture(error)))
                .compose(x -> providers.release(organisationId, dropped))
                .map(x -> after.view(redirectUri));
          });
    });
  }

  /** Ends company sign-in for the company: its domains are free again; accounts and their links stay. */
  public Future<Void> remove(Caller caller, String organisationId) {
    return admin(caller, organisationId).compose(x -> providers.of(organisationId)).compose(provider -> {
      if (provider == null) {
        throw Problem.notFound("company sign-in");
      }
      return audit.record(organisationId, caller.userId(), "sso.removed", null,
              new JsonObject().put("issuer", provider.issuer()))
          .compose(x -> providers.remove(organisationId))
          .compose(x -> providers.release(organisationId, provider.domains()));
    });
  }

  private static List<String> newOnes(SsoProvider before, List<String> domains) {
    return before == null ? domains : domains.stream().filter(d -> !before.domains().contains(d)).toList();
  }

  private static Future<Void> admin(Caller caller, String organisationId) {
    return caller.administers(organisationId) ? Future.succeededFuture()
        : Future.failedFuture(Problem.notFound("organisation"));
  }
}
