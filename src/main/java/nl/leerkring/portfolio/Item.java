package nl.leerkring.portfolio;

import io.vertx.core.json.JsonObject;
import nl.leerkring.platform.Times;

import java.time.Instant;

/**
 * One thing a person learned or did, as their portfolio lists it: its {@code key} ({@code kind:id}) is what they
 * share with their manager. {@code minutes} is a session's length (learning hours), else 0; {@code label} is a
 * closed-list value that says more (a note's kind, a question's status), or null.
 */
public record Item(PortfolioKind kind, String id, String communityId, String communityTitle, int cycle, Instant at,
                   String title, String detail, String label, int minutes) {

  public String key() {
    return kind.value() + ":" + id;
  }

  public JsonObject view(boolean shared) {
    return new JsonObject()
        .put("key", key())
        .put("kind", kind.value())
        .put("id", id)
        .put("communityId", communityId)
        .put("communityTitle", communityTitle)
        .put("cycle", cycle)
        .put("at", Times.format(at))
        .put("title", title)
        .put("detail", detail)
        .put("label", label)
        .put("minutes", minutes)
        .put("shared", shared);
  }
}
