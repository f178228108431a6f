package nl.leerkring.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.EncodeException;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;

/**
 * Pages rendered in the last minute, by what went into them. A render depends on nothing but its template and
 * its model (the helpers read only bundles, fingerprints and the zone, which a process never changes), so a page
 * whose model equals one rendered moments ago gets that page's HTML: a phone that reloads, a page that a
 * script refreshes. The model is still built on every request, from the store and with every permission checked,
 * so no change can be hidden by this; only "2 minutes ago" may be up to a minute old, as the key holds the minute.
 */
final class RenderedPages {

  private static final Duration KEPT = Duration.ofMinutes(1);
  private static final String NOW = "_now";

  private final Cache<String, Buffer> pages;

  /** At most about {@code mostBytes} of HTML and models. */
  RenderedPages(long mostBytes) {
    this.pages = Caffeine.newBuilder()
        .maximumWeight(mostBytes)
        .weigher((String key, Buffer html) -> key.length() + html.length())
        .expireAfterWrite(KEPT)
        .build();
  }

  /** The HTML of {@code template} with {@code model}: rendered by {@code render}, or as it was a moment ago. */
  Buffer of(String template, JsonObject model, Callable<Buffer> render) throws Exception {
    String key = key(template, model);
    if (key == null) {
      return render.call();
    }
    Buffer known = pages.getIfPresent(key);
    if (known != null) {
      return known.copy();
    }
    Buffer html = render.call();
    pages.put(key, html.copy());
    return html;
  }

  /** Null for a model that is not plain JSON: such a page is rendered every time. */
  private static String key(String template, JsonObject model) {
    // The map itself: JsonObject.remove would hand back the Instant as text, and put it back as text.
    boolean timed = model.containsKey(NOW);
    Object now = model.getMap().remove(NOW);
    String encoded;
    try {
      encoded = model.encode();
    } catch (EncodeException | IllegalStateException notJson) {
      return null;
    } finally {
      if (timed) {
        model.getMap().put(NOW, now);
      }
    }
    // The whole model, not a digest of it: equal keys are equal models, which no hash can promise of text that
    // people typed.
    String minute = now instanceof Instant at ? at.truncatedTo(ChronoUnit.MINUTES).toString() : "";
    return template + ' ' + minute + ' ' + encoded;
  }
}
