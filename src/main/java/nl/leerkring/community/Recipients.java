package nl.leerkring.community;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/** Who in a community something goes to. */
public final class Recipients {

  private Recipients() {
  }

  /** The chosen members (or all when none were chosen) who are still members, except {@code except}. */
  public static List<String> of(JsonObject community, List<String> chosen, String except) {
    List<String> out = new ArrayList<>();
    for (Object m : community.getJsonArray("members", new JsonArray())) {
      String userId = ((JsonObject) m).getString("userId");
      if ((chosen == null || chosen.contains(userId)) && !userId.equals(except)) {
        out.add(userId);
      }
    }
    return out;
  }

  public static List<String> withRole(JsonObject community, String role) {
    List<String> out = new ArrayList<>();
    for (Object m : community.getJsonArray("members", new JsonArray())) {
      JsonObject member = (JsonObject) m;
      if (role.equals(member.getString("role"))) {
        out.add(member.getString("userId"));
      }
    }
    return out;
  }

  public static String title(JsonObject community) {
    return community.getJsonObject("challenge").getString("title");
  }
}
