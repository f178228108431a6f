package nl.leerkring.cycle;

import io.vertx.core.json.JsonObject;

/** What a community learned in a cycle, written when it closes; the harvest report is made of these. */
public record Harvest(String learned, String changedInWork, String stillOpen) {

  /** The closeCycle body's harvest, whose fields the contract requires. */
  public static Harvest of(JsonObject json) {
    return new Harvest(json.getString("learned"), json.getString("changedInWork"), json.getString("stillOpen"));
  }

  public JsonObject toJson() {
    return new JsonObject().put("learned", learned).put("changedInWork", changedInWork).put("stillOpen", stillOpen);
  }
}
