package nl.leerkring.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("A page seen a moment ago with the same model is not rendered again")
class RenderedPagesTest {

  private final RenderedPages recent = new RenderedPages(1024 * 1024);
  private final AtomicInteger renders = new AtomicInteger();

  private String show(String template, JsonObject model) throws Exception {
    return recent.of(template, model, () -> Buffer.buffer(template + " #" + renders.incrementAndGet())).toString();
  }

  private static JsonObject sannesPage(Instant now) {
    return new JsonObject().put("_me", new JsonObject().put("id", "demo-sanne"))
        .put("openQuestions", new JsonArray().add(new JsonObject().put("text", "Waarom slaat de pomp af?")))
        .put("_now", now);
  }

  @Test
  @DisplayName("Sanne reloads her community page within the minute: the HTML of a moment ago, rendered once")
  void sameModelSameMinute() throws Exception {
    Instant now = Instant.parse("2026-12-02T14:00:05Z");
    String first = show("community", sannesPage(now));
    String again = show("community", sannesPage(now.plusSeconds(40)));
    assertEquals(first, again);
    assertEquals(1, renders.get());
  }

  @Test
  @DisplayName("Anything else in the model, another person, another template or the next minute: rendered anew")
  void anyDifferenceRendersAgain() throws Exception {
    Instant now = Instant.parse("2026-12-02T14:00:05Z");
    show("community", sannesPage(now));
    JsonObject voted = sannesPage(now);
    voted.getJsonArray("openQuestions").getJsonObject(0).put("votes", 1);
    show("community", voted);
    show("community", sannesPage(now).put("_me", new JsonObject().put("id", "demo-joris")));
    show("home", sannesPage(now));
    show("community", sannesPage(now.plusSeconds(60)));
    assertEquals(5, renders.get());
  }

  @Test
  @DisplayName("The model keeps its time for the render itself, and a model that is not plain JSON is always rendered")
  void modelLeftAsItWas() throws Exception {
    Instant now = Instant.parse("2026-12-02T14:00:05Z");
    JsonObject model = sannesPage(now);
    show("community", model);
    assertEquals(now, model.getMap().get("_now"));
    JsonObject odd = new JsonObject().put("thing", new Object());
    show("community", odd);
    show("community", odd);
    assertEquals(3, renders.get());
  }
}
