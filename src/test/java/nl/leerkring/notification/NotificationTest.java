package nl.leerkring.notification;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import nl.leerkring.support.Eventually;
import nl.leerkring.support.Person;
import nl.leerkring.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
@DisplayName("In-app notifications")
class NotificationTest {

  private static final String COMMUNITY = "/communities/demo-warmtepomp";
  private static TestServer server;

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.withDemo(vertx);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static List<JsonObject> items(Person person) {
    return person.get("/me/notifications").ok().getJsonArray("items").stream().map(i -> (JsonObject) i).toList();
  }

  private static long aboutQuestions(Person person) {
    return items(person).stream().filter(i -> i.getString("kind").startsWith("question")).count();
  }

  private static JsonObject awaitItem(Person person, String text) {
    return Eventually.await("a notification '" + text + "'", Duration.ofSeconds(20),
        () -> items(person).stream().filter(i -> text.equals(i.getString("text"))).findFirst().orElse(null));
  }

  @Test
  @DisplayName("Question owners hear of shared notes and contributions on their question, not of private notes")
  void questionOwnersAreTold() {
    Person sanne = server.demo("sanne");
    Person priya = server.demo("priya");
    Person mehmet = server.demo("mehmet");
    sanne.post(COMMUNITY + "/notes", new JsonObject().put("kind", "observation").put("text", "Bij oplevering de druk genoteerd.")
        .put("questionIds", new JsonArray().add("demo-q-meten"))).expect(201);
    sanne.post(COMMUNITY + "/notes", new JsonObject().put("kind", "reflection").put("text", "Ik vind uitleggen lastig.")
        .put("visibility", "private").put("questionIds", new JsonArray().add("demo-q-uitleg"))).expect(201);
    priya.post(COMMUNITY + "/notes", new JsonObject().put("kind", "look-up").put("text", "De fabrikant noemt drie waarden.")
        .put("questionIds", new JsonArray().add("demo-q-meten"))).expect(201);
    server.demo("r.mulder@hogeschool-oost.nl").post(COMMUNITY + "/contributions", new JsonObject().put("kind", "method")
        .put("text", "Gebruik een vergelijking met een auto op de snelweg.")
        .put("questionIds", new JsonArray().add("demo-q-uitleg"))).expect(201);

    JsonObject note = awaitItem(priya, "Sanne Visser schreef een notitie bij je vraag \"Welke meetgegevens leggen we vast bij oplevering?\"");
    assertEquals("/questions/demo-q-meten", note.getString("link"));
    awaitItem(mehmet, "Ruben Mulder voegde kennis toe aan je vraag \"Hoe leggen we de klant uit waarom de warmtepomp langer draait dan een cv-ketel?\"");
    assertEquals(1, aboutQuestions(mehmet), "nothing about Sanne's private note");
    assertEquals(1, aboutQuestions(priya), "nothing about Priya's own note");
  }

  @Test
  @DisplayName("Kees has an unread notification until he marks it read; a moved session tells the members")
  void markRead() {
    Person fenna = server.demo("fenna@leerwerkplaats.nl");
    Person kees = server.demo("kees");
    fenna.post("/sessions/demo-s-2/agreements", new JsonObject().put("what", "Foto's van de meterkast maken")
        .put("ownerId", "demo-kees")).expect(201);
    JsonObject mine = kees.get("/me/notifications").ok();
    assertEquals(1, mine.getInteger("unread"));
    String id = mine.getJsonArray("items").getJsonObject(0).getString("id");
    assertEquals(0, kees.post("/me/notifications/read", new JsonObject().put("ids", new JsonArray().add(id)))
        .ok().getInteger("unread"));

    fenna.patch("/sessions/demo-s-2", new JsonObject().put("place", "Kantine, eerste verdieping")).expect(200);
    awaitItem(kees, "De bijeenkomst van Warmtepomp in één keer goed inregelen is gewijzigd");
    assertEquals(1, kees.get("/me/notifications").ok().getInteger("unread"));
    assertEquals(0, kees.post("/me/notifications/read", new JsonObject()).ok().getInteger("unread"));
    assertTrue(items(fenna).stream().noneMatch(i -> "sessionChanged".equals(i.getString("kind"))),
        "the facilitator who moved it is not told");
  }
}
