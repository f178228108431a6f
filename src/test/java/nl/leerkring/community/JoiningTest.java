package nl.leerkring.community;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import nl.leerkring.support.Person;
import nl.leerkring.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
@DisplayName("Communities and joining")
class JoiningTest {

  private static final String COMMUNITY = "/communities/demo-warmtepomp";
  private static TestServer server;
  private static Person admin;

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.withDemo(vertx);
    admin = server.demo("hr@vandijk-installatie.nl");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName("An admin invites a new employee without e-mail, who joins through the link with a username")
  void joinWithoutEmail() {
    JsonObject invitation = admin.post(COMMUNITY + "/invitations", new JsonObject()
        .put("role", "participant").put("name", "Fatima")).expect(201).json();
    assertTrue(invitation.getString("url").endsWith("/join/" + invitation.getString("token")));

    Person fatima = server.anonymous();
    JsonObject preview = fatima.get("/invitations/" + invitation.getString("token")).ok();
    assertEquals("Warmtepomp in één keer goed inregelen", preview.getString("title"));

    JsonObject me = fatima.post("/invitations/" + invitation.getString("token") + "/accept", new JsonObject()
        .put("displayName", "Fatima el Amrani").put("username", "fatima").put("password", "buffervat-stookgrens-7"))
        .ok();
    fatima.adopt(me);
    assertEquals("demo-warmtepomp", me.getString("communityId"));
    assertEquals("participant", fatima.get(COMMUNITY).ok().getString("myRole"));
    fatima.post(COMMUNITY + "/notes", new JsonObject().put("kind", "observation").put("text", "Eerste dag mee"))
        .expect(201);

    assertEquals("invitation_used", server.anonymous().post("/invitations/" + invitation.getString("token")
        + "/accept", new JsonObject().put("displayName", "X").put("username", "someone").put("password", "lange-zin-met-kraan-9"))
        .expect(409).errorCode());
    server.login("fatima", "buffervat-stookgrens-7").get("/me").expect(200);
  }

  @Test
  @DisplayName("A taken username is refused and leaves the invitation usable")
  void usernameTaken() {
    String token = admin.post(COMMUNITY + "/invitations", new JsonObject().put("role", "participant"))
        .expect(201).json().getString("token");
    Person newcomer = server.anonymous();
    assertEquals("username_taken", newcomer.post("/invitations/" + token + "/accept", new JsonObject()
        .put("displayName", "Sanne twee").put("username", "sanne").put("password", "koperen-knelfitting-44")).expect(409).errorCode());
    newcomer.post("/invitations/" + token + "/accept", new JsonObject()
        .put("displayName", "Sanne de Wit").put("username", "sanne.dewit").put("password", "koperen-knelfitting-44")).expect(200);
  }

  @Test
  @DisplayName("An admin starts a community and makes Joost its facilitator, who sharpens the challenge; removed, he no longer sees it")
  void manageMembers() {
    JsonObject created = admin.post("/communities", new JsonObject().put("organisationId", "demo-vandijk")
        .put("challenge", new JsonObject().put("title", "Minder faalkosten bij zonnepanelen")
            .put("description", "Te veel herstelwerk na montage."))).expect(201).json();
    String path = "/communities/" + created.getString("id");
    assertEquals(1, created.getInteger("currentCycle"));
    assertTrue(admin.get("/communities").expect(200).array().stream()
        .anyMatch(c -> created.getString("id").equals(((JsonObject) c).getString("id"))));

    Person joost = server.demo("joost");
    String token = admin.post(path + "/invitations", new JsonObject().put("role", "participant")).expect(201).json()
        .getString("token");
    joost.post("/invitations/" + token + "/accept", new JsonObject()).expect(200);
    assertEquals("facilitator", admin.put(path + "/members/demo-joost", new JsonObject().put("role", "facilitator"))
        .ok().getString("role"));
    assertEquals("facilitator", joost.get(path).ok().getString("myRole"));
    joost.put(path + "/challenge", new JsonObject().put("title", " Zonnepanelen in één keer goed ")
        .put("description", "Herstelwerk na montage halveren.")).ok();
    assertEquals(new JsonObject().put("title", "Zonnepanelen in één keer goed")
        .put("description", "Herstelwerk na montage halveren.").put("whyItMatters", "").put("desiredOutcome", ""),
        admin.get(path).ok().getJsonObject("challenge"));

    admin.delete(path + "/members/demo-joost").expect(204);
    assertEquals(404, joost.get(path).status());
    JsonArray joostsCommunities = joost.get("/communities").expect(200).array();
    assertTrue(joostsCommunities.stream().noneMatch(c -> created.getString("id").equals(((JsonObject) c).getString("id"))));
  }

  @Test
  @DisplayName("An employee cannot start a community, and no one can start one for another company")
  void onlyAdminsStartCommunities() {
    JsonObject body = new JsonObject().put("organisationId", "demo-vandijk")
        .put("challenge", new JsonObject().put("title", "Iets nieuws").put("description", "Omschrijving"));
    assertEquals(403, server.demo("sanne").post("/communities", body).status());
    assertEquals(404, server.demo("hr@zorggroep-delinde.nl").post("/communities", body).status());
  }
}
