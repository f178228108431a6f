package nl.leerkring.session;

import io.vertx.core.json.JsonObject;
import nl.leerkring.platform.Times;

import java.time.Instant;
import java.util.List;

/**
 * One thing that came about since the previous session: its kind, a short text, who, when, the questions it
 * feeds (none is fine) and the page where it is read in full.
 */
public record Finding(FindingKind kind, String text, String byName, Instant at, List<String> questionIds,
                      String link) {

  /** What a page shows of a long text; the link leads to the rest. */
  static final int EXCERPT = 180;

  public Finding {
    questionIds = List.copyOf(questionIds);
  }

  JsonObject view() {
    String shown = text == null ? "" : text.strip();
    if (shown.length() > EXCERPT) {
      shown = shown.substring(0, EXCERPT).strip() + "…";
    }
    return new JsonObject().put("kind", kind.value()).put("text", shown).put("byName", byName)
        .put("at", Times.format(at)).put("link", link);
  }
}
