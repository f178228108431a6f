package nl.leerkring.contribution;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.List;

/** Knowledge a lecturer brings in, linked to the group's questions, with references to read further. */
public record Contribution(String id, String communityId, String authorId, String authorName, ContributionKind kind,
                           String text, List<String> questionIds, List<Reference> references, Instant createdAt) {

  public Contribution {
    questionIds = List.copyOf(questionIds);
    references = List.copyOf(references);
  }

  /** A source: its title, and where to find it when it is online. */
  public record Reference(String title, String url) {

    JsonObject toJson() {
      JsonObject out = new JsonObject().put("title", title);
      return url == null ? out : out.put("url", url);
    }

    static Reference of(JsonObject json) {
      return new Reference(json.getString("title"), json.getString("url"));
    }
  }

  public JsonObject view() {
    JsonArray refs = new JsonArray();
    references.forEach(r -> refs.add(r.toJson()));
    return new JsonObject()
        .put("id", id)
        .put("communityId", communityId)
        .put("authorId", authorId)
        .put("authorName", authorName)
        .put("kind", kind.value())
        .put("text", text)
        .put("questionIds", new JsonArray(questionIds))
        .put("references", refs)
        .put("createdAt", createdAt.toString());
  }
}
