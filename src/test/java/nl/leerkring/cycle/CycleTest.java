package nl.leerkring.cycle;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.core.http.HttpMethod;
import nl.leerkring.support.Person;
import nl.leerkring.support.Response;
import nl.leerkring.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
@DisplayName("Learning cycles")
class CycleTest {

  private TestServer server;
  private Person admin;
  private Person fenna;
  private String community;

  /** A fresh company community, so that cycle 1 is still active. */
  @BeforeEach
  void start(Vertx vertx) {
    server = TestServer.withDemo(vertx);
    admin = server.demo("hr@vandijk-installatie.nl");
    fenna = server.demo("fenna@leerwerkplaats.nl");
    JsonObject created = admin.post("/communities", new JsonObject()
        .put("organisationId", "demo-vandijk")
        .put("challenge", new JsonObject().put("title", "Storingen aan de ventilatie-unit")
            .put("description", "Te veel storingsmeldingen na oplevering."))
        .put("firstCycleGoal", "Begrijpen waar de storingen vandaan komen")).expect(201).json();
    community = "/communities/" + created.getString("id");
    JsonObject invitation = admin.post(community + "/invitations", new JsonObject().put("role", "facilitator"))
        .expect(201).json();
    fenna.post("/invitations/" + invitation.getString("token") + "/accept", new JsonObject()).expect(200);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  @DisplayName("A facilitator closes cycle 1 with its harvest and opens cycle 2 with the questions still open")
  void closeAndOpen() {
    String open = fenna.post(community + "/questions", new JsonObject().put("text", "Waarom slaat de unit af?"))
        .expect(201).json().getString("id");
    String answered = fenna.post(community + "/questions", new JsonObject().put("text", "Welk filter past?"))
        .expect(201).json().getString("id");
    fenna.patch("/questions/" + answered, new JsonObject().put("status", "answered")
        .put("answerSummary", "Het F7-filter van de fabrikant.")).expect(200);

    JsonObject result = fenna.post(community + "/cycles/1/close", closing("Een storingskaart maken")).ok();

    assertEquals("closed", result.getJsonObject("closed").getString("status"));
    assertEquals("Filters worden vaak te laat vervangen.",
        result.getJsonObject("closed").getJsonObject("harvest").getString("learned"));
    JsonObject current = result.getJsonObject("current");
    assertEquals(2, current.getInteger("number"));
    assertEquals("active", current.getString("status"));
    assertEquals(new JsonArray().add(open), current.getJsonArray("carriedQuestionIds"));
    assertEquals(2, fenna.get(community).ok().getInteger("currentCycle"));
    assertEquals(2, fenna.get(community + "/cycles").expect(200).array().size());

    JsonObject question = fenna.get("/questions/" + open).ok();
    assertEquals(1, question.getInteger("raisedInCycle"), "questions live across cycles");
  }

  @Test
  @DisplayName("Closing a cycle twice is refused, and only the facilitator may close one")
  void onlyOnceAndOnlyByFacilitator() {
    Person sanne = server.demo("sanne");
    JsonObject invitation = admin.post(community + "/invitations", new JsonObject().put("role", "participant"))
        .expect(201).json();
    sanne.post("/invitations/" + invitation.getString("token") + "/accept", new JsonObject()).expect(200);

    assertEquals(403, sanne.post(community + "/cycles/1/close", closing("x")).status());
    fenna.post(community + "/cycles/1/close", closing("Volgende stap")).expect(200);
    assertEquals("cycle_not_active", fenna.post(community + "/cycles/1/close", closing("y")).expect(409).errorCode());
    assertEquals(2, fenna.get(community).ok().getInteger("currentCycle"));
  }

  @Test
  @DisplayName("The facilitator taps close twice at once: one close succeeds, the other gets 409, one next cycle")
  void concurrentClosesCloseOnce() {
    List<Response> answers = Person.answers(
        fenna.sendNow(HttpMethod.POST, community + "/cycles/1/close", closing("Eerste keer"), null),
        fenna.sendNow(HttpMethod.POST, community + "/cycles/1/close", closing("Tweede keer"), null));

    assertEquals(List.of(200, 409), answers.stream().map(Response::status).sorted().toList(),
        () -> answers.stream().map(Response::body).toList().toString());
    Response lost = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
    assertEquals("cycle_not_active", lost.errorCode());
    String winner = answers.stream().filter(a -> a.status() == 200).findFirst().orElseThrow()
        .json().getJsonObject("current").getString("goal");
    assertEquals(2, fenna.get(community).ok().getInteger("currentCycle"));
    JsonArray cycles = fenna.get(community + "/cycles").expect(200).array();
    assertEquals(2, cycles.size(), cycles::encode);
    assertEquals(winner, cycles.getJsonObject(1).getString("goal"), "the next cycle is the winner's");
    assertEquals(404, fenna.get(community + "/cycles/3").status());
  }

  @Test
  @DisplayName("A close without its harvest is refused and changes nothing")
  void harvestRequired() {
    JsonObject incomplete = closing("x");
    incomplete.getJsonObject("harvest").remove("stillOpen");
    assertEquals(400, fenna.post(community + "/cycles/1/close", incomplete).status());
    assertEquals("active", fenna.get(community + "/cycles/1").ok().getString("status"));
  }

  @Test
  @DisplayName("Sessions planned for after the close move into the new cycle; a session held stays in the old one")
  void plannedSessionsMoveToTheNextCycle() {
    String day = LocalDate.now().plusDays(20).toString();
    String held = fenna.post(community + "/sessions", new JsonObject().put("startsAt", day + "T09:00"))
        .expect(201).json().getString("id");
    fenna.patch("/sessions/" + held, new JsonObject().put("status", "live")).expect(200);
    fenna.patch("/sessions/" + held, new JsonObject().put("status", "done")).expect(200);
    String planned = fenna.post(community + "/sessions", new JsonObject().put("startsAt", day + "T15:30"))
        .expect(201).json().getString("id");
    assertEquals(1, fenna.get("/sessions/" + planned).ok().getInteger("cycle"));

    fenna.post(community + "/cycles/1/close", closing("Een storingskaart maken")).expect(200);

    assertEquals(2, fenna.get("/sessions/" + planned).ok().getInteger("cycle"), "planned after the close");
    assertEquals(1, fenna.get("/sessions/" + held).ok().getInteger("cycle"), "held in cycle 1");
  }

  private static JsonObject closing(String nextGoal) {
    return new JsonObject()
        .put("harvest", new JsonObject()
            .put("learned", "Filters worden vaak te laat vervangen.")
            .put("changedInWork", "We zetten de filterdatum op de unit.")
            .put("stillOpen", "Waarom de unit soms afslaat."))
        .put("nextSteps", new JsonArray().add("Storingskaart ontwerpen"))
        .put("nextGoal", nextGoal);
  }
}
