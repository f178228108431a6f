package nl.leerkring.community;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.core.http.HttpMethod;
import nl.leerkring.support.Person;
import nl.leerkring.support.Response;
import nl.leerkring.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
@DisplayName("Withdrawing an invitation")
class InvitationWithdrawalTest {

  private static final String COMMUNITY = "/communities/demo-warmtepomp";
  private static TestServer server;
  private static Person ingrid;
  private static Person fenna;

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.withDemo(vertx);
    ingrid = server.demo("hr@vandijk-installatie.nl");
    fenna = server.demo("fenna@leerwerkplaats.nl");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName("Ingrid invited the wrong person: she finds the invitation in the open list, withdraws it, and the link stops working")
  void withdraw() {
    String token = ingrid.post(COMMUNITY + "/invitations", new JsonObject().put("role", "participant")
        .put("name", "Verkeerde Jan")).expect(201).json().getString("token");

    JsonObject open = invitation(fenna, "Verkeerde Jan");
    assertEquals("participant", open.getString("role"));
    assertEquals("Ingrid de Boer", open.getString("createdByName"));
    assertTrue(open.getString("createdAt") != null && open.getString("expiresAt") != null, open::encode);
    assertFalse(fenna.get(COMMUNITY + "/invitations").expect(200).body().contains(token), "the token is never listed");

    ingrid.delete(COMMUNITY + "/invitations/" + open.getString("id")).expect(204);

    assertTrue(names(ingrid).stream().noneMatch("Verkeerde Jan"::equals), "no longer open");
    assertEquals("invitation_withdrawn", server.anonymous().get("/invitations/" + token).expect(409).errorCode());
    assertEquals("invitation_withdrawn", server.anonymous().post("/invitations/" + token + "/accept", new JsonObject()
        .put("displayName", "Jan").put("username", "verkeerde.jan").put("password", "buffervat-stookgrens-7"))
        .expect(409).errorCode());
    assertTrue(server.anonymous().page("/join/" + token).expect(409).body().contains("ingetrokken"),
        "the join page says so in Dutch");
    assertEquals(404, ingrid.delete(COMMUNITY + "/invitations/" + open.getString("id")).status(),
        "a withdrawn invitation is no longer there to withdraw");

    JsonObject record = ingrid.get("/organisations/demo-vandijk/audit").expect(200).array().stream()
        .map(r -> (JsonObject) r).filter(r -> "invitation.withdrawn".equals(r.getString("action")))
        .reduce((a, b) -> b).orElseThrow();
    assertEquals("Ingrid de Boer", record.getString("actorName"));
    assertEquals("demo-warmtepomp", record.getJsonObject("details").getString("communityId"));
  }

  @Test
  @DisplayName("A used invitation cannot be withdrawn (409) and is no longer in the open list")
  void usedOne() {
    String token = fenna.post(COMMUNITY + "/invitations", new JsonObject().put("role", "participant")
        .put("name", "Joost")).expect(201).json().getString("token");
    String id = invitation(fenna, "Joost").getString("id");
    server.anonymous().post("/invitations/" + token + "/accept", new JsonObject().put("displayName", "Joost Peters")
        .put("username", "joost.peters.nieuw").put("password", "buffervat-stookgrens-7")).expect(200);

    assertFalse(names(fenna).contains("Joost"));
    assertEquals("invitation_used", fenna.delete(COMMUNITY + "/invitations/" + id).expect(409).errorCode());
  }

  @Test
  @DisplayName("A link withdrawn while the newcomer uses it: either they join or it is withdrawn, never both")
  void withdrawnWhileUsed() {
    String token = ingrid.post(COMMUNITY + "/invitations", new JsonObject().put("role", "participant")
        .put("name", "Tegelijk")).expect(201).json().getString("token");
    String id = invitation(ingrid, "Tegelijk").getString("id");
    long withdrawals = withdrawals();
    Person newcomer = server.demo("anouk");

    List<Response> both = Person.answers(
        newcomer.sendNow(HttpMethod.POST, "/invitations/" + token + "/accept", new JsonObject(), null),
        ingrid.sendNow(HttpMethod.DELETE, COMMUNITY + "/invitations/" + id, null, null));

    boolean joined = both.get(0).status() == 200;
    assertEquals(joined ? List.of(200, 409) : List.of(409, 204), both.stream().map(Response::status).toList(),
        () -> both.stream().map(Response::body).toList().toString());
    assertEquals(joined ? withdrawals : withdrawals + 1, withdrawals(), "the audit trail says what happened");
  }

  private static long withdrawals() {
    return ingrid.get("/organisations/demo-vandijk/audit").expect(200).array().stream()
        .filter(r -> "invitation.withdrawn".equals(((JsonObject) r).getString("action"))).count();
  }

  @Test
  @DisplayName("Another community's invitation or an unknown one is not found; a participant may not list or withdraw")
  void others() {
    ingrid.post(COMMUNITY + "/invitations", new JsonObject().put("role", "lecturer").put("name", "Docent X")).expect(201);
    String id = invitation(ingrid, "Docent X").getString("id");
    Person marloes = server.demo("hr@zorggroep-delinde.nl");
    marloes.delete("/communities/demo-tilliften/invitations/" + id).expect(404);
    fenna.delete("/communities/demo-tilliften/invitations/" + id).expect(404);
    ingrid.delete(COMMUNITY + "/invitations/NoSuchInvitation123").expect(404);
    Person sanne = server.demo("sanne");
    sanne.get(COMMUNITY + "/invitations").expect(403);
    sanne.delete(COMMUNITY + "/invitations/" + id).expect(403);
    marloes.get(COMMUNITY + "/invitations").expect(404);
    assertTrue(names(ingrid).contains("Docent X"), "still open");
  }

  private static JsonObject invitation(Person who, String name) {
    return list(who).stream().filter(i -> name.equals(i.getString("name"))).findFirst().orElseThrow();
  }

  private static List<String> names(Person who) {
    return list(who).stream().map(i -> i.getString("name")).toList();
  }

  private static List<JsonObject> list(Person who) {
    JsonArray all = who.get(COMMUNITY + "/invitations").expect(200).json().getJsonArray("invitations");
    return all.stream().map(i -> (JsonObject) i).toList();
  }
}
