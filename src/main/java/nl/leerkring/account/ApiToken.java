package nl.leerkring.account;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * A personal API token, or a company's ({@code organisationId} set): a script acts with it as the person who
 * made it, within its scopes and, for a company token, only as an admin of that company. The secret itself is
 * never kept, only its SHA-256.
 */
public record ApiToken(
    String id,
    String secretHash,
    String name,
    List<String> scopes,
    String userId,
    String organisationId,
    String createdAt,
    String expiresAt,
    String revokedAt,
    String revokedBy,
    long uses,
    String lastUsedAt) {

  public boolean forCompany() {
    return organisationId != null;
  }

  /** At {@code now} (UTC text, as stored). */
  public ApiTokenStatus status(String now) {
    if (revokedAt != null) {
      return ApiTokenStatus.REVOKED;
    }
    return expiresAt.compareTo(now) <= 0 ? ApiTokenStatus.EXPIRED : ApiTokenStatus.ACTIVE;
  }

  /** What its owner sees: never the secret or its hash; {@code pending} uses not yet written are added. */
  public JsonObject view(String now, long pending) {
    return new JsonObject()
        .put("id", id)
        .put("name", name)
        .put("scopes", new JsonArray(List.copyOf(scopes)))
        .put("organisationId", organisationId)
        .put("createdAt", createdAt)
        .put("expiresAt", expiresAt)
        .put("revokedAt", revokedAt)
        .put("status", status(now).value())
        .put("uses", uses + pending)
        .put("lastUsedAt", lastUsedAt);
  }
}
