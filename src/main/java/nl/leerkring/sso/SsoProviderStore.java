package nl.leerkring.sso;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.IdLists;
import nl.leerkring.platform.Problem;
import nl.leerkring.platform.Step;
import nl.leerkring.platform.StoreErrors;

import java.util.ArrayList;
import java.util.List;

/**
 * Providers by company ({@code ssoProviders}, _id = the organisation's id) and the e-mail domains they cover
 * ({@code ssoDomains}, _id = the domain). A domain belongs to one company only: its document's unique _id
 * keeps it so, and the login page finds a person's company by reading it.
 */
final class SsoProviderStore {

  static final String PROVIDERS = "ssoProviders";
  static final String DOMAINS = "ssoDomains";

  private final MongoClient mongo;

  SsoProviderStore(Database db) {
    this.mongo = db.mongo();
  }

  Future<SsoProvider> of(String organisationId) {
    return mongo.findOne(PROVIDERS, new JsonObject().put("_id", organisationId), null)
        .map(doc -> doc == null ? null : fromDocument(doc));
  }

  /** The company whose provider covers this domain, or null. */
  Future<String> organisationOf(String domain) {
    return mongo.findOne(DOMAINS, new JsonObject().put("_id", domain), null)
        .map(doc -> doc == null ? null : doc.getString("organisationId"));
  }

  /** The step that writes the provider's settings; the write records the change in the audit trail with it. */
  static Step saved(SsoProvider provider) {
    JsonObject set = new JsonObject()
        .put("issuer", provider.issuer())
        .put("clientId", provider.clientId())
        .put("secret", provider.sealedSecret())
        .put("domains", new JsonArray(provider.domains()))
        .put("updatedAt", provider.updatedAt())
        .put("updatedBy", provider.updatedBy());
    if (provider.secretEnding() != null) {
      set.put("secretEnding", provider.secretEnding());
    }
    JsonObject update = new JsonObject().put("$set", set);
    if (provider.secretEnding() == null) {
      update.put("$unset", new JsonObject().put("secretEnding", ""));
    }
    return Step.upsert(PROVIDERS, provider.organisationId(), update);
  }

  Future<Void> remove(String organisationId) {
    return mongo.removeDocument(PROVIDERS, new JsonObject().put("_id", organisationId)).mapEmpty();
  }

  /**
   * Takes the domains this company does not have yet, one by one; when another company has one of them, gives
   * back what this call took and fails with 409 on the field. Before the settings are written, so a domain is
   * never listed by a company that does not hold it.
   */
  Future<Void> claim(String organisationId, List<String> domains) {
    List<String> taken = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (String domain : domains) {
      chain = chain.compose(x -> claimOne(organisationId, domain).<Void>map(fresh -> {
        if (fresh) {
          taken.add(domain);
        }
        return null;
      }));
    }
    return chain.recover(error -> release(organisationId, taken).compose(x -> Future.failedFuture(error)));
  }

  /** True when this call took the domain, false when the company had it already. */
  private Future<Boolean> claimOne(String organisationId, String domain) {
    JsonObject document = new JsonObject().put("_id", domain).put("organisationId", organisationId);
    return mongo.insert(DOMAINS, document).map(true).recover(error -> {
      if (!StoreErrors.isDuplicateKey(error)) {
        return Future.failedFuture(error);
      }
      return organisationOf(domain).compose(holder -> organisationId.equals(holder) ? Future.succeededFuture(false)
          : Future.<Boolean>failedFuture(Problem.conflict("domain_taken",
              "The domain " + domain + " is already covered by another company's sign-in.", "domains")));
    });
  }

  /** Gives up domains, each only if this company holds it; read by _id first, as the embedded store needs. */
  Future<Void> release(String organisationId, List<String> domains) {
    List<Future<Void>> released = domains.stream().map(domain -> organisationOf(domain)
        .compose(holder -> organisationId.equals(holder)
            ? mongo.removeDocument(DOMAINS, new JsonObject().put("_id", domain)).<Void>mapEmpty()
            : Future.<Void>succeededFuture())).toList();
    return Future.all(released).mapEmpty();
  }

  static SsoProvider fromDocument(JsonObject doc) {
    return new SsoProvider(doc.getString("_id"), doc.getString("issuer"), doc.getString("clientId"),
        doc.getString("secret"), doc.getString("secretEnding"),
        IdLists.strings(doc.getJsonArray("domains", new JsonArray())), doc.getString("updatedAt"),
        doc.getString("updatedBy"));
  }
}
