package nl.leerkring.contribution;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@DisplayName("A lecturer's contribution as stored and as shown")
class ContributionDocumentTest {

  private static final Contribution EXPLANATION = new Contribution("k-1", "c-1", "u-ruben", "Ruben",
      ContributionKind.EXPLANATION, "Elke graad lager scheelt 2 tot 3 %.", List.of("q-1"),
      List.of(new Contribution.Reference("ISSO 44", null),
          new Contribution.Reference("Milieu Centraal", "https://www.milieucentraal.nl/")),
      Instant.parse("2026-02-01T09:00:00Z"));

  @Test
  @DisplayName("is read back as it was stored, references with and without a link included")
  void roundTrip() {
    assertEquals(EXPLANATION, ContributionStore.fromDocument(ContributionStore.toDocument(EXPLANATION)));
  }

  @Test
  @DisplayName("the API shows a reference without a link as a title only")
  void view() {
    JsonObject view = EXPLANATION.view();
    assertEquals(new JsonArray().add(new JsonObject().put("title", "ISSO 44"))
            .add(new JsonObject().put("title", "Milieu Centraal").put("url", "https://www.milieucentraal.nl/")),
        view.getJsonArray("references"));
    assertEquals("explanation", view.getString("kind"));
    assertFalse(view.containsKey("_id"));
  }
}
