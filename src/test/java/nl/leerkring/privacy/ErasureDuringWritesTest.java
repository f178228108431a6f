package nl.leerkring.privacy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import nl.leerkring.support.MutableClock;
import nl.leerkring.support.Person;
import nl.leerkring.support.Response;
import nl.leerkring.support.SharedStore;
import nl.leerkring.support.StoreWire;
import nl.leerkring.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An erasure reads what the community shares, then writes the pseudonym into it; others go on writing in between.
 * The server reaches its store through a relay that holds the erasure's write back until the others' writes
 * are acknowledged, so the race happens every time, in the order that used to lose their writes.
 */
@ExtendWith(VertxExtension.class)
@Timeout(120)
@DisplayName("An erasure while the community goes on writing: what the others wrote stays, the pseudonym is in place")
class ErasureDuringWritesTest {

  private static final String COMMUNITY = "/communities/demo-warmtepomp";
  private static final String SESSION = "demo-s-2";
  private static final String STRONG = "buffervat-stookgrens-7";
  private static SharedStore store;
  private static StoreWire wire;
  private static TestServer server;
  private static Person fenna;
  private static Person ingrid;

  @BeforeAll
  static void start(Vertx vertx) {
    store = new SharedStore(vertx);
    wire = new StoreWire(vertx, Integer.parseInt(store.uri().substring(store.uri().lastIndexOf(':') + 1)));
    server = TestServer.start(vertx, TestServer.temporaryDataDir(), wire.uri(), true, new MutableClock(), new JsonObject());
    fenna = server.demo("fenna@leerwerkplaats.nl");
    ingrid = server.demo("hr@vandijk-installatie.nl");
  }

  @AfterEach
  void letThrough() {
    wire.release();
  }

  @AfterAll
  static void stop() {
    server.close();
    wire.close();
    store.close();
  }

  @Test
  @DisplayName("Wouter is erased while Fenna records who came to the session he has an agreement in and adds one for "
      + "Kees: both stay, Wouter's agreement shows his pseudonym, and the session's revision rises past hers")
  void fennaWritesTheSessionMeanwhile() throws Exception {
    Person wouter = newcomer("wouter.b", "Wouter Bosman");
    fenna.post("/sessions/" + SESSION + "/agreements", new JsonObject()
        .put("what", "Afstand van de buitenunit tot de muur opmeten").put("ownerId", wouter.id())).expect(201);

    CompletableFuture<Void> held = holdFirstWriteTo("sessions");
    Future<Response> erasure = wouter.sendNow(HttpMethod.POST, "/me/erase", new JsonObject().put("password", STRONG), null);
    held.get(30, TimeUnit.SECONDS);
    // The erasure has read the session and waits to write the pseudonym; Fenna, on her tablet, goes on.
    fenna.put("/sessions/" + SESSION + "/attendance", new JsonObject()
        .put("present", new JsonArray().add("demo-kees").add("demo-sanne"))).expect(200);
    fenna.post("/sessions/" + SESSION + "/agreements", new JsonObject()
        .put("what", "Foto's van de meterkast maken").put("ownerId", "demo-kees")).expect(201);
    int fennasRevision = store.findOne("sessions", SESSION).getInteger("revision");
    wire.release();
    erasure.await().expect(204);

    String pseudonym = store.findOne("users", wouter.id()).getString("displayName");
    JsonObject session = store.findOne("sessions", SESSION);
    assertEquals(new JsonArray().add("demo-kees").add("demo-sanne"), session.getJsonArray("attendance"),
        "who came, as Fenna recorded it");
    assertEquals("Kees de Vries", agreement(session, "Foto's van de meterkast maken").getString("ownerName"),
        "Fenna's new agreement");
    assertEquals(pseudonym, agreement(session, "Afstand van de buitenunit tot de muur opmeten").getString("ownerName"));
    assertFalse(session.encode().contains("Wouter"), session.encode());
    assertTrue(session.getInteger("revision") > fennasRevision, "the pseudonym is newer than Fenna's writes");
    assertTrue(fenna.get("/sessions/" + SESSION).body().contains(pseudonym), "the session's page shows the pseudonym");
  }

  @Test
  @DisplayName("Wouter is erased while Sanne votes for his question and takes it on and Fenna moves it to "
      + "investigating: the vote, Sanne and the new status stay, and the question is raised by his pseudonym")
  void othersTakeUpHisQuestionMeanwhile() throws Exception {
    Person wouter = newcomer("wouter.k", "Wouter Kok");
    String question = wouter.post(COMMUNITY + "/questions", new JsonObject()
        .put("text", "Hoe dicht mag een buitenunit bij de muur?")).expect(201).json().getString("id");
    Person sanne = server.demo("sanne");

    CompletableFuture<Void> held = holdFirstWriteTo("questions");
    Future<Response> erasure = wouter.sendNow(HttpMethod.POST, "/me/erase", new JsonObject().put("password", STRONG), null);
    held.get(30, TimeUnit.SECONDS);
    sanne.put("/questions/" + question + "/vote", null).expect(200);
    sanne.put("/questions/" + question + "/owners/demo-sanne", null).expect(200);
    fenna.patch("/questions/" + question, new JsonObject().put("status", "investigating")).expect(200);
    wire.release();
    erasure.await().expect(204);

    String pseudonym = store.findOne("users", wouter.id()).getString("displayName");
    JsonObject stored = store.findOne("questions", question);
    assertEquals(new JsonArray().add("demo-sanne"), stored.getJsonArray("votes"), "Sanne's vote");
    assertEquals(new JsonArray().add("demo-sanne"), stored.getJsonArray("owners"), "Sanne took it on");
    assertEquals("investigating", stored.getString("status"), "Fenna's move");
    assertEquals(pseudonym, stored.getString("raisedByName"));
    assertFalse(stored.encode().contains("Wouter"), stored.encode());
    JsonObject listed = fenna.get(COMMUNITY + "/questions").array().stream().map(q -> (JsonObject) q)
        .filter(q -> question.equals(q.getString("id"))).findFirst().orElseThrow();
    assertEquals(pseudonym, listed.getJsonObject("raisedBy").getString("displayName"));
    assertEquals("investigating", listed.getString("status"));
  }

  /**
   * Holds back the first write to {@code collection} from now on (the erasure's: nothing else writes there until
   * the test does), and everything after it on the same connection; the future completes once it is held.
   */
  private static CompletableFuture<Void> holdFirstWriteTo(String collection) {
    CompletableFuture<Void> held = new CompletableFuture<>();
    AtomicBoolean first = new AtomicBoolean(true);
    wire.hold(command -> {
      boolean write = collection.equals(command.getString("update")) || collection.equals(command.getString("findAndModify"));
      if (write && first.getAndSet(false)) {
        held.complete(null);
        return true;
      }
      return false;
    });
    return held;
  }

  private static JsonObject agreement(JsonObject session, String what) {
    List<JsonObject> found = session.getJsonArray("agreements").stream().map(a -> (JsonObject) a)
        .filter(a -> what.equals(a.getString("what"))).toList();
    assertEquals(1, found.size(), () -> what + " in " + session.getJsonArray("agreements").encode());
    return found.get(0);
  }

  private static Person newcomer(String username, String name) {
    String token = ingrid.post(COMMUNITY + "/invitations", new JsonObject().put("role", "participant"))
        .expect(201).json().getString("token");
    Person person = server.anonymous();
    return person.adopt(person.post("/invitations/" + token + "/accept", new JsonObject()
        .put("displayName", name).put("username", username).put("password", STRONG)).ok());
  }
}
