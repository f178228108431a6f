package nl.leerkring.snack;

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
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Learning snacks over HTTP against a real server on the demo. */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Learning snacks on a question")
class SnackTest {

  private static final String MEASURING = "/questions/demo-q-meten";
  private TestServer server;
  private Person sanne;

  @BeforeAll
  void start(Vertx vertx) {
    server = TestServer.withDemo(vertx);
    sanne = server.demo("sanne");
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  @DisplayName("Sanne attaches a tip to the question about measuring: it shows on the question's page, in the next "
      + "session's \"snacks since the last session\" and in search")
  void addedShowsEverywhere() {
    String id = tip(sanne, "Klemthermometer eerst laten wennen", "Een minuut op de leiding voordat je afleest.");
    Person mehmet = server.demo("mehmet");
    JsonArray listed = mehmet.get(MEASURING + "/snacks").expect(200).array();
    assertEquals(id, listed.getJsonObject(0).getString("id"), "newest first");
    assertTrue(ids(listed).containsAll(List.of("demo-s-checklist", "demo-s-video")), listed::encode);

    String page = mehmet.page(MEASURING).body();
    assertTrue(page.contains("Klemthermometer eerst laten wennen"), "on the question's page");
    assertTrue(page.contains("Opleverlijst metingen"), "the demo's checklist too");
    assertTrue(page.contains("id=\"snack-title\""), "with the form to add one");

    String agenda = mehmet.page("/sessions/" + nextSession(mehmet)).body();
    assertTrue(agenda.contains("since-session"), agenda);
    assertTrue(agenda.contains("Klemthermometer eerst laten wennen"), "in the next session's agenda");

    JsonObject found = mehmet.get("/communities/demo-warmtepomp/search?q=klemthermometer&kind=snack").ok();
    assertTrue(found.encode().contains(id), found::encode);
    assertEquals(MEASURING + "#snack-" + id, found.getJsonArray("items").getJsonObject(0).getString("link"));
  }

  @Test
  @DisplayName("A link needs its web address, and only http or https: a javascript: address is refused on the url "
      + "field")
  void linkNeedsWebAddress() {
    JsonObject missing = sanne.post(MEASURING + "/snacks", new JsonObject().put("kind", "link").put("title", "Handleiding"))
        .expect(400).json();
    assertEquals("url", missing.getJsonObject("error").getJsonObject("details").getString("field"));
    assertEquals(400, sanne.post(MEASURING + "/snacks", new JsonObject().put("kind", "video").put("title", "Film")
        .put("url", "javascript:alert(1)")).status());
    assertTrue(SnackService.isWebAddress("https://example.org/a"));
    assertFalse(SnackService.isWebAddress("javascript:alert(1)"));
  }

  @Test
  @DisplayName("Who may change or delete a snack: the lecturer and another participant may not (403), the author and "
      + "the facilitator may")
  void whoMayDelete() {
    String first = tip(sanne, "Ontluchten vóór het meten", "Lucht in de leiding geeft verkeerde waarden.");
    String second = tip(sanne, "Meetwaarden op de opleverbon", "Schrijf ze direct op, niet achteraf.");
    Person ruben = server.demo("r.mulder@hogeschool-oost.nl");
    Person mehmet = server.demo("mehmet");
    assertEquals(403, ruben.delete("/snacks/" + first).status());
    assertEquals(403, mehmet.delete("/snacks/" + first).status());
    assertEquals(403, mehmet.patch("/snacks/" + first, new JsonObject().put("title", "Van mij")).status());
    assertEquals(204, server.demo("fenna@leerwerkplaats.nl").delete("/snacks/" + first).status());
    assertEquals(204, sanne.delete("/snacks/" + second).status());
    assertFalse(ids(mehmet.get(MEASURING + "/snacks").expect(200).array()).contains(first));
    assertEquals(0, mehmet.get("/communities/demo-warmtepomp/search?q=ontluchten&kind=snack").ok()
        .getInteger("total"), "gone from search");
  }

  @Test
  @DisplayName("Company admins and other companies read no snacks: 403 and 404")
  void outsiders() {
    assertEquals(403, server.demo("hr@vandijk-installatie.nl").get(MEASURING + "/snacks").status());
    assertEquals(404, server.demo("anouk").get(MEASURING + "/snacks").status());
  }

  @Test
  @DisplayName("Priya's data export holds her snacks; after her erasure they stay for the community under her "
      + "pseudonym")
  void exportAndErasure() throws IOException {
    Person priya = server.demo("priya");
    String id = tip(priya, "Typeplaatje eerst fotograferen", "Dan heb je het serienummer altijd bij de hand.");
    String export = zipEntry(priya.get("/me/export").expect(200).raw().body().getBytes(), "snacks.json");
    assertTrue(export.contains(id) && export.contains("Typeplaatje eerst fotograferen"), export);

    priya.post("/me/erase", new JsonObject().put("password", "welkom2026")).expect(204);
    JsonObject kept = server.demo("mehmet").get(MEASURING + "/snacks").expect(200).array().stream()
        .map(s -> (JsonObject) s).filter(s -> id.equals(s.getString("id"))).findFirst().orElseThrow();
    assertTrue(kept.getString("authorName").startsWith("Oud-deelnemer"), kept::encode);
  }

  private static String tip(Person author, String title, String text) {
    return author.post(MEASURING + "/snacks", new JsonObject().put("kind", "tip").put("title", title).put("text", text))
        .expect(201).json().getString("id");
  }

  private static List<String> ids(JsonArray snacks) {
    return snacks.stream().map(s -> ((JsonObject) s).getString("id")).toList();
  }

  /** The first planned session still to come. */
  private static String nextSession(Person who) {
    String now = Instant.now().toString();
    return who.get("/communities/demo-warmtepomp/sessions").expect(200).array().stream().map(s -> (JsonObject) s)
        .filter(s -> "planned".equals(s.getString("status")) && s.getString("startsAt").compareTo(now) > 0)
        .map(s -> s.getString("id")).findFirst().orElseThrow();
  }

  private static String zipEntry(byte[] zip, String name) throws IOException {
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        if (name.equals(entry.getName())) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    throw new AssertionError("no " + name + " in the export");
  }
}
