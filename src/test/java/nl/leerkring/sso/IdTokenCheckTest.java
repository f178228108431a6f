package nl.leerkring.sso;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("What an ID token must say before a company sign-in counts")
class IdTokenCheckTest {

  private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");
  private static final SsoProvider VAN_DIJK = new SsoProvider("demo-vandijk", "https://login.vandijk.nl/realms/vd",
      "leerkring", "v1.x.y", null, List.of("vandijk-installatie.nl"), "2026-12-01T08:00:00Z", "demo-ingrid");

  private static JsonObject token() {
    return new JsonObject()
        .put("iss", "https://login.vandijk.nl/realms/vd/")
        .put("aud", new JsonArray().add("leerkring").add("account"))
        .put("azp", "leerkring")
        .put("sub", "f3c1")
        .put("nonce", "n-1")
        .put("iat", NOW.minusSeconds(5).getEpochSecond())
        .put("exp", NOW.plusSeconds(300).getEpochSecond());
  }

  @Test
  @DisplayName("A token of the company's issuer (trailing slash or not), for this client, fresh, with the flow's nonce holds")
  void aGoodTokenHolds() {
    assertNull(IdTokenCheck.problem(token(), VAN_DIJK, "n-1", NOW));
    assertNull(IdTokenCheck.problem(token().put("aud", "leerkring").put("iss", VAN_DIJK.issuer()), VAN_DIJK, "n-1", NOW));
  }

  @Test
  @DisplayName("Each part that does not hold refuses the token")
  void eachPartCounts() {
    assertEquals("no ID token with a valid signature, issuer and audience",
        IdTokenCheck.problem(null, VAN_DIJK, "n-1", NOW));
    assertTrue(IdTokenCheck.problem(token().put("iss", "https://elders.example"), VAN_DIJK, "n-1", NOW).startsWith("issuer"));
    assertTrue(IdTokenCheck.problem(token().put("aud", "account"), VAN_DIJK, "n-1", NOW).startsWith("audience"));
    assertTrue(IdTokenCheck.problem(token().put("azp", "other"), VAN_DIJK, "n-1", NOW).startsWith("authorized party"));
    assertTrue(IdTokenCheck.problem(token().put("exp", NOW.minusSeconds(61).getEpochSecond()), VAN_DIJK, "n-1", NOW)
        .startsWith("expired"));
    assertNull(IdTokenCheck.problem(token().put("exp", NOW.minusSeconds(30).getEpochSecond()), VAN_DIJK, "n-1", NOW),
        "a clock a little behind is forgiven");
    assertTrue(IdTokenCheck.problem(token().put("iat", NOW.plusSeconds(120).getEpochSecond()), VAN_DIJK, "n-1", NOW)
        .startsWith("issued in the future"));
    assertEquals("nonce", IdTokenCheck.problem(token(), VAN_DIJK, "n-2", NOW));
    assertEquals("nonce", IdTokenCheck.problem(token().putNull("nonce"), VAN_DIJK, "n-1", NOW));
    assertEquals("no subject", IdTokenCheck.problem(token().put("sub", " "), VAN_DIJK, "n-1", NOW));
  }

  @Test
  @DisplayName("Only an explicit email_verified vouches for the address")
  void verifiedAddress() {
    assertTrue(IdTokenCheck.emailVerified(new JsonObject().put("email_verified", true)));
    assertTrue(IdTokenCheck.emailVerified(new JsonObject().put("email_verified", "true")));
    assertFalse(IdTokenCheck.emailVerified(new JsonObject().put("email_verified", false)));
    assertFalse(IdTokenCheck.emailVerified(new JsonObject().put("email", "hr@vandijk-installatie.nl")));
  }
}
