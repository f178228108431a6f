package nl.leerkring.contribution;

import io.vertx.core.json.JsonObject;
import nl.leerkring.platform.IdLists;

/** Where a lecturer's contributions are kept and how they are shown. */
public final class ContributionStore {

  public static final String CONTRIBUTIONS = "contributions";

  private ContributionStore() {
  }

  static String listKey(String communityId) {
    return IdLists.key(communityId, "contributions");
  }

  public static JsonObject view(JsonObject contribution) {
    JsonObject out = contribution.copy();
    out.put("id", out.remove("_id"));
    return out;
  }
}
