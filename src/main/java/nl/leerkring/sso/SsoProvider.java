package nl.leerkring.sso;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * A company's identity provider: its issuer (where discovery starts), the client Leerkring is registered as,
 * that client's secret sealed by {@link SecretBox}, and the e-mail domains whose people sign in there.
 * {@code secretEnding} is the last four characters of a long secret, so an admin can tell which one is set.
 */
public record SsoProvider(String organisationId, String issuer, String clientId, String sealedSecret,
                          String secretEnding, List<String> domains, String updatedAt, String updatedBy) {

  /** What the API and the page show: never the secret. */
  JsonObject view(String redirectUri) {
    JsonObject view = new JsonObject()
        .put("organisationId", organisationId)
        .put("issuer", issuer)
        .put("clientId", clientId)
        .put("clientSecretSet", true)
        .put("domains", new JsonArray(domains))
        .put("redirectUri", redirectUri)
        .put("updatedAt", updatedAt);
    if (secretEnding != null) {
      view.put("clientSecretEnding", secretEnding);
    }
    return view;
  }

  /** Shown only for secrets long enough that four characters give nothing useful away. */
  static String endingOf(String secret) {
    return secret.length() >= 16 ? secret.substring(secret.length() - 4) : null;
  }

  /** The issuer as providers write it in their tokens and discovery documents: without a trailing slash. */
  static String normalisedIssuer(String issuer) {
    String trimmed = issuer.strip();
    return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
  }
}
