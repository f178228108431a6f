package nl.leerkring.manager;

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

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
@DisplayName("Managers: made by invitation or by a company admin, given people, and every change in the audit trail")
class ManagerTest {

  private static final String COMPANY = "/organisations/demo-vandijk";
  private static TestServer server;
  private static Person ingrid;

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.withDemo(vertx);
    ingrid = server.demo("hr@vandijk-installatie.nl");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName("Ingrid invites a manager; the newcomer makes an account, manages nobody yet and is in no community")
  void invitedManager() {
    JsonObject invitation = ingrid.post(COMPANY + "/manager-invitations", new JsonObject().put("name", "Anja Kok"))
        .expect(201).json();
    assertEquals("manager", invitation.getString("role"));
    Person anja = server.anonymous();
    anja.adopt(anja.post("/invitations/" + invitation.getString("token") + "/accept", new JsonObject()
        .put("displayName", "Anja Kok").put("username", "anja.kok").put("password", "inregel-checklist-zomer-8"))
        .expect(200).json());
    JsonObject mine = anja.get("/me/people").ok();
    assertTrue(mine.getJsonArray("people").isEmpty() && mine.getJsonArray("communities").isEmpty(), mine::encode);
    assertTrue(anja.get("/communities").array().isEmpty());
    assertTrue(anja.page("/").body().contains("href=\"/manager\""), "the navigation leads a manager to their people");
    assertTrue(audited("manager.invited", null) && audited("invitation.used", anja.id()));
    assertEquals(409, server.demo("sanne").post("/invitations/" + invitation.getString("token") + "/accept",
        new JsonObject()).status(), "a link works once");
  }

  @Test
  @DisplayName("A manager's invitation is refused to someone logged in with another company's account")
  void otherCompany() {
    String token = ingrid.post(COMPANY + "/manager-invitations", new JsonObject()).expect(201).json().getString("token");
    assertEquals("other_company", server.demo("anouk").post("/invitations/" + token + "/accept", new JsonObject())
        .expect(409).errorCode());
  }

  @Test
  @DisplayName("Ingrid makes Joost a manager and gives him Priya; moved to Erik, Priya's choice is no longer shared")
  void rolesAndAssignments() {
    assertEquals("manager", ingrid.put(COMPANY + "/people/demo-joost/company-role", new JsonObject().put("role", "manager"))
        .ok().getString("companyRole"));
    assertEquals("demo-joost", ingrid.put(COMPANY + "/people/demo-priya/manager",
        new JsonObject().put("managerId", "demo-joost")).ok().getString("managerId"));
    Person priya = server.demo("priya");
    priya.put("/me/portfolio/sharing", new JsonObject().put("items", new JsonArray().add("note:demo-n-lookup")))
        .expect(200);
    Person joost = server.demo("joost");
    assertEquals(List.of("note:demo-n-lookup"), shared(joost.get("/me/people").ok(), "demo-priya"));

    ingrid.put(COMPANY + "/people/demo-priya/manager", new JsonObject().put("managerId", "demo-erik")).expect(200);
    assertTrue(shared(server.demo("manager@vandijk-installatie.nl").get("/me/people").ok(), "demo-priya").isEmpty(),
        "a new manager starts with nothing shared");
    assertTrue(joost.get("/me/people").ok().getJsonArray("people").isEmpty());

    ingrid.put(COMPANY + "/people/demo-joost/company-role", new JsonObject().put("role", "employee")).expect(200);
    assertEquals(403, joost.get("/me/people").status());
    assertTrue(audited("person.role.changed", "demo-joost") && audited("manager.assigned", "demo-priya"));
    JsonObject change = trail().stream().map(r -> (JsonObject) r)
        .filter(r -> "person.role.changed".equals(r.getString("action"))).reduce((a, b) -> b).orElseThrow();
    assertEquals(new JsonObject().put("from", "manager").put("to", "employee"), change.getJsonObject("details"));

    ingrid.delete(COMPANY + "/people/demo-priya/manager").expect(204);
    assertTrue(audited("manager.unassigned", "demo-priya"));
    assertEquals(404, ingrid.delete(COMPANY + "/people/demo-priya/manager").status(), "no manager to take away");
  }

  @Test
  @DisplayName("Only a manager of the company can be assigned, nobody to themselves, and only by its own admins")
  void refusals() {
    assertEquals("not_manager", ingrid.put(COMPANY + "/people/demo-lotte/manager",
        new JsonObject().put("managerId", "demo-kees")).expect(400).json().getJsonObject("error")
        .getJsonObject("details").getString("reason"));
    assertEquals("managerId", ingrid.put(COMPANY + "/people/demo-erik/manager",
        new JsonObject().put("managerId", "demo-erik")).expect(400).json().getJsonObject("error")
        .getJsonObject("details").getString("field"));
    assertEquals(404, server.demo("hr@zorggroep-delinde.nl").put(COMPANY + "/people/demo-lotte/manager",
        new JsonObject().put("managerId", "demo-erik")).status());
    assertEquals(404, ingrid.put(COMPANY + "/people/demo-anouk/manager",
        new JsonObject().put("managerId", "demo-erik")).status(), "Anouk works at De Linde");
    assertEquals(404, server.demo("sanne").get(COMPANY + "/managers").status());
    assertFalse(shared(server.demo("manager@vandijk-installatie.nl").get("/me/people").ok(), "demo-sanne").isEmpty());
  }

  private static List<String> shared(JsonObject mine, String id) {
    return mine.getJsonArray("people").stream().map(p -> (JsonObject) p).filter(p -> id.equals(p.getString("id")))
        .findFirst().map(p -> p.getJsonArray("items").stream().map(i -> ((JsonObject) i).getString("key")).toList())
        .orElse(List.of());
  }

  private static JsonArray trail() {
    return ingrid.get(COMPANY + "/audit").expect(200).array();
  }

  private static boolean audited(String action, String subjectId) {
    return trail().stream().map(r -> (JsonObject) r).anyMatch(r -> action.equals(r.getString("action"))
        && (subjectId == null || subjectId.equals(r.getString("subjectId"))));
  }
}
