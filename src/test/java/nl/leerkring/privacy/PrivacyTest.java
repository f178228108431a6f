package nl.leerkring.privacy;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import nl.leerkring.support.Eventually;
import nl.leerkring.support.MutableClock;
import nl.leerkring.support.Person;
import nl.leerkring.support.SharedStore;
import nl.leerkring.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
@DisplayName("My data: download it, have it erased, and the company's audit trail")
class PrivacyTest {

  private static final String COMMUNITY = "/communities/demo-warmtepomp";
  private static final String STRONG = "buffervat-stookgrens-7";
  private static SharedStore store;
  private static TestServer server;
  private static Person fenna;
  private static Person ingrid;

  @BeforeAll
  static void start(Vertx vertx) {
    store = new SharedStore(vertx);
    server = TestServer.start(vertx, TestServer.temporaryDataDir(), store.uri(), true, new MutableClock(), new JsonObject());
    fenna = server.demo("fenna@leerwerkplaats.nl");
    ingrid = server.demo("hr@vandijk-installatie.nl");
  }

  @AfterAll
  static void stop() {
    server.close();
    store.close();
  }

  private static Person newcomer(String username, String name) {
    String token = ingrid.post(COMMUNITY + "/invitations", new JsonObject().put("role", "participant"))
        .expect(201).json().getString("token");
    Person person = server.anonymous();
    return person.adopt(person.post("/invitations/" + token + "/accept", new JsonObject()
        .put("displayName", name).put("username", username).put("password", STRONG)).ok());
  }

  private static byte[] photo() throws Exception {
    BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "jpg", out);
    return out.toByteArray();
  }

  private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        files.put(entry.getName(), in.readAllBytes());
      }
    }
    return files;
  }

  private static JsonArray audit() {
    return ingrid.get("/organisations/demo-vandijk/audit").expect(200).array();
  }

  private static boolean audited(String action, String subjectId) {
    return audit().stream().map(r -> (JsonObject) r)
        .anyMatch(r -> action.equals(r.getString("action")) && subjectId.equals(r.getString("subjectId")));
  }

  @Test
  @DisplayName("Kees downloads all his data, private reflection and photo included, and nothing of anyone else")
  void exportHasAllOfOnePersonAndNothingElse() throws Exception {
    Person kees = server.demo("kees");
    String noteId = kees.post(COMMUNITY + "/notes", new JsonObject().put("kind", "experiment")
        .put("text", "Aanvoertemperatuur 35 graden geprobeerd").put("visibility", "private")).expect(201).json().getString("id");
    byte[] photo = photo();
    kees.upload("/notes/" + noteId + "/photo", photo).expect(200);
    kees.put("/me/mail-preferences", new JsonObject().put("email", "kees@example.org")).expect(200);
    String secret = kees.post("/api-tokens", new JsonObject().put("name", "Mijn urenscript")
        .put("scopes", new JsonArray().add("read"))).expect(201).json().getString("token");

    var response = kees.get("/me/export").expect(200);
    assertEquals("application/zip", response.raw().getHeader("Content-Type"));
    Map<String, byte[]> files = unzip(response.raw().bodyAsBuffer().getBytes());
    assertTrue(files.keySet().containsAll(List.of("account.json", "memberships.json", "notes.json", "written.json",
        "settings.json", "tokens.json", "photos/" + noteId + ".jpg")), files.keySet()::toString);
    StringBuilder all = new StringBuilder();
    files.forEach((name, bytes) -> {
      if (name.endsWith(".json")) {
        all.append(new String(bytes, StandardCharsets.UTF_8));
      }
    });
    String text = all.toString();
    assertTrue(text.contains("Ik merk dat ik het spannend vind"), "his private reflection from the demo");
    assertTrue(text.contains("Aanvoertemperatuur 35 graden geprobeerd"));
    assertTrue(text.contains("kees@example.org"));
    assertTrue(text.contains("\"role\" : \"participant\""), text);
    assertEquals(new JsonObject(new String(files.get("account.json"), StandardCharsets.UTF_8)).getString("displayName"),
        "Kees de Vries");
    assertFalse(text.contains("passwordHash"), "no password hash");
    assertTrue(text.contains("Mijn urenscript"), "his API token, by its name");
    assertFalse(text.contains(secret.substring(secret.indexOf('.') + 1)), "never a token's secret");
    assertFalse(text.contains("secretHash"), "nor its hash");

    JsonArray members = fenna.get(COMMUNITY).ok().getJsonArray("members");
    for (Object member : members) {
      String name = ((JsonObject) member).getString("displayName");
      if (!"Kees de Vries".equals(name)) {
        assertFalse(text.contains(name), "another member's name: " + name);
      }
    }
    assertFalse(text.contains("vaker moet vragen"), "Bram's private answer");
    assertFalse(text.contains("één duidelijke zin over de looptijd"), "Lotte's answer");
    assertTrue(audited("data.exported", "demo-kees"));
  }

  @Test
  @DisplayName("A person erases their account: login ends, private data is gone from the store, shared posts show a pseudonym")
  void erasureByThePersonThemselves() throws Exception {
    Person wouter = newcomer("wouter.b", "Wouter Bosman");
    String userId = wouter.id();
    Person wouterOnPhone = server.login("wouter.b", STRONG);
    String privateNote = wouter.post(COMMUNITY + "/notes", new JsonObject().put("kind", "reflection")
        .put("text", "Privé: ik twijfel aan mijn aanpak").put("visibility", "private")).expect(201).json().getString("id");
    String shared = wouter.post(COMMUNITY + "/notes", new JsonObject().put("kind", "observation")
        .put("text", "Gedeeld: de buitenunit stond te dicht bij de muur")).expect(201).json().getString("id");
    wouter.upload("/notes/" + shared + "/photo", photo()).expect(200);
    String question = wouter.post(COMMUNITY + "/questions", new JsonObject()
        .put("text", "Hoe dicht mag een buitenunit bij de muur?")).expect(201).json().getString("id");
    assertEquals("Wouter Bosman", listedQuestion(question).getJsonObject("raisedBy").getString("displayName"), "read, and kept by the server");
    String prompt = fenna.post(COMMUNITY + "/prompts", new JsonObject().put("text", "Wat viel je op?"))
        .expect(201).json().getString("id");
    String answer = wouter.post("/prompts/" + prompt + "/answers", new JsonObject().put("text", "Antwoord van Wouter"))
        .expect(201).json().getString("id");
    wouter.put("/me/mail-preferences", new JsonObject().put("email", "wouter@example.org")).expect(200);
    wouter.post("/me/calendar-feed", null).expect(201);
    assertEquals(1, store.find("photos", new JsonObject().put("noteId", shared)).size());

    assertEquals("wrong_password", wouter.post("/me/erase", new JsonObject().put("password", "niet-het-wachtwoord"))
        .expect(400).json().getJsonObject("error").getJsonObject("details").getString("reason"));
    // The prompt's notifications are out (or wait for the end of the quiet hours) before the erasure; one still
    // under way is swept up by the hourly round.
    Eventually.await("the prompt's notifications", Duration.ofSeconds(30), () -> {
      JsonObject job = store.findOne("jobs", "prompt:" + prompt + ":1");
      boolean settled = job == null || !"claimed".equals(job.getString("status"))
          && Instant.parse(job.getString("dueAt")).isAfter(server.clock().instant());
      return settled ? Boolean.TRUE : null;
    });
    String tokenId = wouter.post("/api-tokens", new JsonObject().put("name", "Wouters planning-koppeling")
        .put("scopes", new JsonArray().add("read"))).expect(201).json().getString("id");
    wouter.post("/me/erase", new JsonObject().put("password", STRONG)).expect(204);

    assertEquals(401, server.anonymous().post("/auth/login", new JsonObject().put("login", "wouter.b")
        .put("password", STRONG)).status(), "the login is gone");
    wouterOnPhone.get("/me").expect(401);
    assertTrue(store.find("logins", new JsonObject().put("userId", userId)).isEmpty());

    JsonObject tombstone = store.findOne("users", userId);
    assertTrue(tombstone.getBoolean("erased"));
    assertNull(tombstone.getString("passwordHash"));
    assertFalse(tombstone.encode().contains("Wouter"), tombstone.encode());
    String pseudonym = tombstone.getString("displayName");
    assertTrue(pseudonym.matches("Oud-deelnemer \\d+"), pseudonym);

    assertNull(store.findOne("notes", privateNote), "private note");
    assertNull(store.findOne("notes", answer), "prompt answer");
    assertTrue(store.find("photos", new JsonObject().put("noteId", shared)).isEmpty(), "photos");
    assertNull(store.findOne("mailPreferences", userId));
    assertNull(store.findOne("apiTokens", tokenId), "his API token");
    assertNull(store.findOne("inboxes", userId));
    assertNull(store.findOne("calendarFeeds", "user/" + userId));
    assertTrue(store.find("calendarFeeds", new JsonObject().put("userId", userId)).isEmpty());
    assertFalse(store.findOne("prompts", prompt).encode().contains(userId), "the prompt no longer lists the answer");

    JsonObject sharedNote = fenna.get("/notes/" + shared).ok();
    assertEquals(pseudonym, sharedNote.getString("authorName"));
    assertEquals(pseudonym, listedQuestion(question).getJsonObject("raisedBy").getString("displayName"), "the question list at once");
    assertNull(sharedNote.getJsonObject("photo"));
    assertFalse(fenna.get(COMMUNITY + "/activity?limit=50").body().contains("Wouter"), "activity shows the pseudonym");
    assertFalse(fenna.get(COMMUNITY).body().contains(userId), "no longer a member");

    // No job will mail them: a new prompt reaches the members, not the erased person.
    String next = fenna.post(COMMUNITY + "/prompts", new JsonObject().put("text", "Nog een vraag")).expect(201).json().getString("id");
    assertFalse(fenna.get("/prompts/" + next + "/deliveries").body().contains(userId));
    assertFalse(store.findOne("prompts", next).encode().contains(userId));

    JsonObject erased = audit().stream().map(r -> (JsonObject) r)
        .filter(r -> "account.erased".equals(r.getString("action")) && userId.equals(r.getString("subjectId")))
        .findFirst().orElseThrow();
    assertEquals(pseudonym, erased.getString("subjectName"));
    assertFalse(audit().encode().contains("Wouter"), "the trail names the erased person by pseudonym only");
  }

  @Test
  @DisplayName("An erasure cut off by a crash right after it started is finished at the next start: nothing private stays")
  void interruptedErasureIsFinished() {
    Person joris = newcomer("joris.m", "Joris Meijer");
    String privateNote = joris.post(COMMUNITY + "/notes", new JsonObject().put("kind", "reflection")
        .put("text", "Privé: dit wil ik niet kwijt").put("visibility", "private")).expect(201).json().getString("id");
    // What a crash leaves after the erasure's first write: its record, and the account otherwise untouched.
    store.upsert("erasures", joris.id(), new JsonObject().put("organisationId", "demo-vandijk")
        .put("actorId", joris.id()).put("pseudonym", "Oud-deelnemer 99").put("login", "joris.m")
        .put("communityIds", new JsonArray().add("demo-warmtepomp")));

    server.restart(true);
    fenna = server.demo("fenna@leerwerkplaats.nl");
    ingrid = server.demo("hr@vandijk-installatie.nl");

    assertNull(store.findOne("notes", privateNote), "the private note");
    assertTrue(store.findOne("erasures", joris.id()).getBoolean("done"), "the erasure is finished");
    assertEquals("Oud-deelnemer 99", store.findOne("users", joris.id()).getString("displayName"));
    assertEquals(401, server.anonymous().post("/auth/login", new JsonObject().put("login", "joris.m")
        .put("password", STRONG)).status());
    assertEquals(1, audit().stream().map(r -> (JsonObject) r)
        .filter(r -> "account.erased".equals(r.getString("action")) && joris.id().equals(r.getString("subjectId"))).count());
  }

  @Test
  @DisplayName("A company admin erases an account in their own company only; removal from a community ends its access at once")
  void erasureByTheAdminAndRemoval() {
    Person ilse = newcomer("ilse.k", "Ilse Kramer");
    assertEquals(404, server.demo("hr@zorggroep-delinde.nl").delete("/organisations/demo-vandijk/people/" + ilse.id()).status());
    assertEquals(404, server.demo("sanne").delete("/organisations/demo-vandijk/people/" + ilse.id()).status());
    ingrid.delete("/organisations/demo-vandijk/people/" + ilse.id()).expect(204);
    ilse.get("/me").expect(401);
    assertEquals(401, server.anonymous().post("/auth/login", new JsonObject().put("login", "ilse.k").put("password", STRONG)).status());
    assertTrue(audited("account.erased", ilse.id()));

    Person daan = newcomer("daan.v", "Daan Visser");
    daan.get(COMMUNITY).expect(200);
    ingrid.delete(COMMUNITY + "/members/" + daan.id()).expect(204);
    daan.get(COMMUNITY).expect(404);
    daan.get("/me").expect(200);
    assertTrue(audited("member.removed", daan.id()));
    assertTrue(audited("invitation.used", daan.id()));
  }

  @Test
  @DisplayName("The audit trail is a CSV for Dutch Excel, a page for admins, and nothing for anyone else")
  void auditTrailFormats() {
    ingrid.post(COMMUNITY + "/invitations", new JsonObject().put("role", "participant")).expect(201);
    String csv = ingrid.get("/organisations/demo-vandijk/audit?format=csv").expect(200).body();
    assertTrue(csv.startsWith("\uFEFFTijdstip;Actie;Door;Bij;Details"), csv);
    assertTrue(csv.contains("Uitnodiging gemaakt"), csv);
    assertEquals(404, fenna.get("/organisations/demo-vandijk/audit").status());
    assertEquals(404, server.demo("hr@zorggroep-delinde.nl").get("/organisations/demo-vandijk/audit").status());
    String page = ingrid.page("/admin/audit").expect(200).body();
    assertTrue(page.contains("Auditlog") && page.contains("Uitnodiging gemaakt"), page);
    assertNotNull(ingrid.page("/admin/audit.csv").expect(200).raw().getHeader("Content-Disposition"));
  }

  private static JsonObject listedQuestion(String id) {
    return fenna.get(COMMUNITY + "/questions").array().stream().map(q -> (JsonObject) q)
        .filter(q -> id.equals(q.getString("id"))).findFirst().orElseThrow();
  }
}
