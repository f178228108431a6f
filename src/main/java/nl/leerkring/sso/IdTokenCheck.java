package nl.leerkring.sso;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.time.Instant;

/**
 * What OpenID Connect Core (3.1.3.7) asks of an ID token beyond its signature. Vert.x checks the signature and,
 * when it can, issuer and audience; a token that fails those it leaves out (the attribute is missing) rather
 * than failing the sign-in, and it checks neither the token's expiry nor the nonce. So all of it is checked
 * here again, against the company's own settings and this flow's nonce.
 */
final class IdTokenCheck {

  /** Clocks of provider and server differ a little. */
  static final Duration LEEWAY = Duration.ofMinutes(1);

  private IdTokenCheck() {
  }

  /** Null when the token holds, else what is wrong with it (for the log, never for the page). */
  static String problem(JsonObject idToken, SsoProvider provider, String nonce, Instant now) {
    if (idToken == null) {
      return "no ID token with a valid signature, issuer and audience";
    }
    Object issuer = idToken.getValue("iss");
    if (!(issuer instanceof String named) || !provider.issuer().equals(SsoProvider.normalisedIssuer(named))) {
      return "issuer " + idToken.getValue("iss");
    }
    if (!audience(idToken.getValue("aud")).contains(provider.clientId())) {
      return "audience " + idToken.getValue("aud");
    }
    if (idToken.containsKey("azp") && !provider.clientId().equals(idToken.getValue("azp"))) {
      return "authorized party " + idToken.getValue("azp");
    }
    Long expires = seconds(idToken.getValue("exp"));
    if (expires == null || Instant.ofEpochSecond(expires).plus(LEEWAY).isBefore(now)) {
      return "expired at " + idToken.getValue("exp");
    }
    Long issued = seconds(idToken.getValue("iat"));
    if (issued != null && Instant.ofEpochSecond(issued).minus(LEEWAY).isAfter(now)) {
      return "issued in the future, at " + issued;
    }
    if (nonce == null || !nonce.equals(idToken.getValue("nonce"))) {
      return "nonce";
    }
    Object subject = idToken.getValue("sub");
    if (!(subject instanceof String text) || text.isBlank()) {
      return "no subject";
    }
    return null;
  }

  /** Whether the provider vouches that the person owns the address: Google and Keycloak say so, Entra ID does not. */
  static boolean emailVerified(JsonObject idToken) {
    Object verified = idToken.getValue("email_verified");
    return Boolean.TRUE.equals(verified) || "true".equals(verified);
  }

  private static JsonArray audience(Object aud) {
    if (aud instanceof JsonArray list) {
      return list;
    }
    return aud instanceof String one ? new JsonArray().add(one) : new JsonArray();
  }

  private static Long seconds(Object value) {
    return value instanceof Number number ? number.longValue() : null;
  }
}
