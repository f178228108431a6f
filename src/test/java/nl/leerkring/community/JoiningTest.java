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
  @DisplayName("A role change and a removal hold on Priya's very next request, though she had just read the community")
  void permissionsFollowRoleChangeAtOnce() {
    String path = "/communities/" + admin.post("/communities", new JsonObject().put("organisationId", "demo-vandijk")
        .put("challenge", new JsonObject().put("title", "Veilig werken op daken").put("description", "Bijna-ongelukken.")))
        .expect(201).json().getString("id");
    String token = admin.post(path + "/invitations", new JsonObject().put("role", "participant")).expect(201).json()
        .getString("token");
    Person priya = server.demo("priya");
    priya.post("/invitations/" + token + "/accept", new JsonObject()).expect(200);
    JsonObject prompt = new JsonObject().put("text", "Wat zag je vandaag op het dak?");

    assertEquals("participant", priya.get(path).ok().getString("myRole"));
    priya.post(path + "/prompts", prompt).expect(403);
    admin.put(path + "/members/demo-priya", new JsonObject().put("role", "facilitator")).ok();
    priya.post(path + "/prompts", prompt).expect(201);
    admin.put(path + "/members/demo-priya", new JsonObject().put("role", "participant")).ok();
    priya.post(path + "/prompts", prompt).expect(403);
    assertEquals("participant", priya.get(path).ok().getString("myRole"));
    admin.delete(path + "/members/demo-priya").expect(204);
    assertEquals(404, priya.get(path + "/questions").status());
  }

  @Test
  @DisplayName("One invitation link opened on two phones at once: one person joins, the other gets 409")
  void invitationUsedTwiceAtOnce() {
    int members = admin.get(COMMUNITY).ok().getJsonArray("members").size();
    String accept = "/invitations/" + admin.post(COMMUNITY + "/invitations", new JsonObject().put("role", "participant"))
        .expect(201).json().getString("token") + "/accept";

    List<Response> answers = Person.answers(
        server.anonymous().sendNow(HttpMethod.POST, accept, newcomer("ahmet"), null),
        server.anonymous().sendNow(HttpMethod.POST, accept, newcomer("bianca"), null));

    assertEquals(List.of(200, 409), answers.stream().map(Response::status).sorted().toList(),
        () -> answers.stream().map(Response::body).toList().toString());
    assertEquals("invitation_used", answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow()
        .errorCode());
    assertEquals(members + 1, admin.get(COMMUNITY).ok().getJsonArray("members").size());
  }

  private static JsonObject newcomer(String username) {
    return new JsonObject().put("displayName", username).put("username", username)
        .put("password", "warmtepomp-inregelen-" + username);
  }

  @Test
  @DisplayName("Two managers change one member's role at the same moment: one wins, the other gets 409 and changes nothing")
  void roleChangesRace() {
    String path = "/communities/" + admin.post("/communities", new JsonObject().put("organisationId", "demo-vandijk")
        .put("challenge", new JsonObject().put("title", "Sneller opleveren").put("description", "Minder na-werk.")))
        .expect(201).json().getString("id");
    String token = admin.post(path + "/invitations", new JsonObject().put("role", "participant")).expect(201).json()
        .getString("token");
    server.demo("kees").post("/invitations/" + token + "/accept", new JsonObject()).expect(200);
    Person otherAdmin = server.demo("hr@vandijk-installatie.nl");
    String member = path + "/members/demo-kees";
    boolean raced = false;
    // Requests served one after the other may both win; the race is what this is about, so it is repeated
    // until the two met (at once, every time so far).
    for (int round = 0; round < 30 && !raced; round++) {
      admin.put(member, new JsonObject().put("role", "participant")).expect(200);
      List<Response> answers = Person.answers(
          admin.sendNow(HttpMethod.PUT, member, new JsonObject().put("role", "facilitator"), null),
          otherAdmin.sendNow(HttpMethod.PUT, member, new JsonObject().put("role", "lecturer"), null));
      String role = admin.get(path).ok().getJsonArray("members").stream().map(m -> (JsonObject) m)
          .filter(m -> "demo-kees".equals(m.getString("userId"))).findFirst().orElseThrow().getString("role");
      List<Response> won = answers.stream().filter(a -> a.status() == 200).toList();
      if (won.size() == 1) {
        raced = true;
        Response lost = answers.stream().filter(a -> a.status() != 200).findFirst().orElseThrow();
        assertEquals("role_changed", lost.expect(409).errorCode());
        assertEquals(won.get(0).json().getString("role"), role, "the member has the winner's role");
      } else {
        assertEquals(2, won.size(), () -> answers.stream().map(Response::body).toList().toString());
      }
    }
    assertTrue(raced, "in thirty rounds the two changes never met: both won every time");
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
