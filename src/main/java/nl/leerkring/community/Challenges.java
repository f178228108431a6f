package nl.leerkring.community;

import io.vertx.core.json.JsonObject;

/** The challenge a community works on: title, description, why it matters, desired outcome. */
final class Challenges {

  private Challenges() {
  }

  static JsonObject clean(JsonObject input) {
    JsonObject challenge = new JsonObject();
    for (String field : new String[] {"title", "description", "whyItMatters", "desiredOutcome"}) {
      String value = input.getString(field);
      challenge.put(field, value == null ? "" : value.trim());
    }
    return challenge;
  }
}
