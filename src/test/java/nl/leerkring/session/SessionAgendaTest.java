package nl.leerkring.session;

import io.vertx.core.json.JsonArray;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("A session's agenda")
class SessionAgendaTest {

  @Test
  @DisplayName("The phases a facilitator picks are put in the method's order, whatever order they came in")
  void methodOrder() {
    assertEquals(List.of(Phase.CHECK_IN, Phase.QUESTIONS, Phase.CHECK_OUT),
        SessionService.agenda(new JsonArray().add("check-out").add("questions").add("check-in")));
  }

  @Test
  @DisplayName("A session planned without picking phases has every phase of the method")
  void allWhenNoneChosen() {
    assertEquals(List.of(Phase.values()), SessionService.agenda(null));
    assertEquals(List.of(Phase.values()), SessionService.agenda(new JsonArray()));
  }
}
