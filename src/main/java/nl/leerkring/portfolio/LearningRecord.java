package nl.leerkring.portfolio;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.platform.Times;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A person's learning record as a file a skills passport can take in, in the stable format described by
 * {@code webroot/api/learning-record.schema.json} (served at {@value #SCHEMA_PATH}). Field names follow Open
 * Badges 3.0 where one fits ({@code issuer}, {@code credentialSubject}, {@code achievement} with {@code name},
 * {@code description}, {@code achievementType}) and the European Learning Model for time ({@code workload} as an
 * ISO 8601 duration, {@code volumeOfLearning} for the whole); it is not a signed credential, only the facts.
 */
final class LearningRecord {

  static final String FORMAT = "leerkring-learning-record";
  static final String VERSION = "1.0";
  static final String SCHEMA_PATH = "/api/learning-record.schema.json";

  private LearningRecord() {
  }

  static JsonObject of(JsonObject user, PortfolioService.Filter filter, boolean sharedOnly, List<Item> items,
                       Instant issued, String publicUrl) {
    JsonArray out = new JsonArray();
    items.forEach(item -> out.add(item(item)));
    int minutes = items.stream().mapToInt(Item::minutes).sum();
    return new JsonObject()
        .put("$schema", publicUrl + SCHEMA_PATH)
        .put("format", FORMAT)
        .put("version", VERSION)
        .put("issuanceDate", Times.format(issued))
        .put("issuer", new JsonObject().put("name", "Leerkring").put("url", publicUrl))
        .put("credentialSubject", new JsonObject()
            .put("id", "urn:leerkring:person:" + user.getString("_id"))
            .put("name", user.getString("displayName"))
            .put("organisationId", user.getString("organisationId")))
        .put("scope", new JsonObject().put("communityId", filter.communityId()).put("cycle", filter.cycle())
            .put("sharedWithManagerOnly", sharedOnly))
        .put("volumeOfLearning", Duration.ofMinutes(minutes).toString())
        .put("learningHours", Portfolio.hours(items))
        .put("learningHoursMethod", "The lengths of the sessions the person attended, as the facilitator recorded "
            + "attendance; field notes carry no time.")
        .put("items", out);
  }

  private static JsonObject item(Item item) {
    JsonObject achievement = new JsonObject()
        .put("id", "urn:leerkring:" + item.kind().value() + ":" + item.id())
        .put("achievementType", item.kind().value())
        .put("name", item.title())
        .put("description", item.detail())
        .put("label", item.label());
    if (item.minutes() > 0) {
      achievement.put("workload", Duration.ofMinutes(item.minutes()).toString());
    }
    return new JsonObject()
        .put("key", item.key())
        .put("date", Times.format(item.at()))
        .put("community", new JsonObject().put("id", item.communityId()).put("title", item.communityTitle()))
        .put("cycle", item.cycle())
        .put("achievement", achievement);
  }
}
