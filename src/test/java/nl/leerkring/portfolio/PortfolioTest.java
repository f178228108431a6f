package nl.leerkring.portfolio;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import io.vertx.junit5.VertxExtension;
import nl.leerkring.support.Person;
import nl.leerkring.support.Response;
import nl.leerkring.support.TestServer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sanne's portfolio in the demo: session demo-s-1 (attended, 120 minutes), question demo-q-temp (she raised and owns
 * it), her note demo-n-experiment, the lecturer's contribution demo-c-stooklijn to her question, and agreement
 * demo-a-1 (done). Her manager is Erik Veenstra (manager@vandijk-installatie.nl), a member of no community.
 */
@ExtendWith(VertxExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("An employee's portfolio, what they share with their manager, and their learning record")
class PortfolioTest {

  private static final String COMMUNITY = "/communities/demo-warmtepomp";
  private static final String PRIVATE_TEXT = "Mijn twijfel over de Zwanenhalsstooklijn";
  private static final String CONTRIBUTION_TEXT = "Elke graad lager scheelt";
  private static final List<String> CHOSEN = List.of("session:demo-s-1", "question:demo-q-temp",
      "note:demo-n-experiment", "agreement:demo-a-1");

  private static TestServer server;
  private static Person sanne;
  private static Person erik;
  private static Person ingrid;
  private static String privateNote;

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.withDemo(vertx);
    sanne = server.demo("sanne");
    erik = server.demo("manager@vandijk-installatie.nl");
    ingrid = server.demo("hr@vandijk-installatie.nl");
    privateNote = sanne.post(COMMUNITY + "/notes", new JsonObject().put("kind", "reflection").put("text", PRIVATE_TEXT)
        .put("visibility", "private")).expect(201).json().getString("id");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @Order(1)
  @DisplayName("Sanne's portfolio lists what she did, her private note too, with her session's two learning hours")
  void whatSheLearnedAndDid() {
    JsonObject portfolio = sanne.get("/me/portfolio").ok();
    assertEquals(Set.of("session:demo-s-1", "question:demo-q-temp", "note:demo-n-experiment", "note:" + privateNote,
        "contribution:demo-c-stooklijn", "agreement:demo-a-1"), keys(portfolio.getJsonArray("items")));
    assertEquals(2.0, portfolio.getDouble("learningHours"));
    assertEquals("Erik Veenstra", portfolio.getJsonObject("manager").getString("displayName"));
    assertEquals(2, portfolio.getInteger("sharedCount"), "the demo's two shared items");

    JsonObject cycleTwo = sanne.get("/me/portfolio?cycle=2").ok();
    assertEquals(Set.of("note:" + privateNote), keys(cycleTwo.getJsonArray("items")));
    assertEquals(0.0, cycleTwo.getDouble("learningHours"));
    assertEquals("communityId", sanne.get("/me/portfolio?communityId=demo-tilliften").expect(400)
        .json().getJsonObject("error").getJsonObject("details").getString("field"));
  }

  @Test
  @Order(2)
  @DisplayName("Sanne shares 4 chosen items; Erik sees exactly those 4, and nothing else by any route")
  void theManagerSeesExactlyWhatIsShared() throws Exception {
    JsonObject shared = sanne.put("/me/portfolio/sharing", new JsonObject().put("items", new JsonArray(CHOSEN))).ok();
    assertEquals(4, shared.getInteger("sharedCount"));

    JsonObject mine = erik.get("/me/people").ok();
    JsonObject sannes = person(mine, "demo-sanne");
    assertEquals(new TreeSet<>(CHOSEN), keys(sannes.getJsonArray("items")));
    assertEquals(2.0, sannes.getDouble("learningHours"));
    assertTrue(person(mine, "demo-mehmet").getJsonArray("items").isEmpty(), "Mehmet shares nothing");
    assertFalse(mine.encode().contains(PRIVATE_TEXT) || mine.encode().contains(CONTRIBUTION_TEXT), mine::encode);
    String page = erik.page("/manager").expect(200).body();
    assertTrue(page.contains("Stooklijn verlaagd bij de familie Peters") && page.contains("stooklijn stap voor stap"), page);
    assertFalse(page.contains(PRIVATE_TEXT) || page.contains(CONTRIBUTION_TEXT), page);

    // Not a member: the community, its notes (the shared one too), questions, sessions and exports do not exist to him.
    for (String path : List.of(COMMUNITY, COMMUNITY + "/notes", COMMUNITY + "/questions", COMMUNITY + "/sessions",
        COMMUNITY + "/activity", COMMUNITY + "/contributions", "/notes/demo-n-experiment", "/notes/" + privateNote,
        "/questions/demo-q-temp", "/sessions/demo-s-1", COMMUNITY + "/exports/questions", COMMUNITY + "/exports/notes")) {
      assertEquals(404, erik.get(path).status(), path);
    }
    for (String path : List.of("/c/demo-warmtepomp", "/notes/demo-n-experiment", "/questions/demo-q-temp",
        "/c/demo-warmtepomp/exports/questions", "/o/demo-vandijk/managers")) {
      assertEquals(404, erik.page(path).status(), path);
    }
    assertTrue(erik.get("/communities").array().isEmpty());
    assertTrue(erik.get("/me/journal").array().isEmpty());
    assertEquals(404, erik.get("/organisations/demo-vandijk/managers").status(), "the company admins' list only");
    // Search (built beside this feature) refuses whoever is not a member; until it is there, it does not exist.
    for (String path : List.of("/search?q=stooklijn", "/c/demo-warmtepomp/search?q=stooklijn")) {
      Response answer = erik.page(path);
      assertTrue(answer.status() == 403 || answer.status() == 404, path + ": " + answer.status());
      assertFalse(answer.body().contains("Stooklijn verlaagd"), answer::body);
    }
    Response apiSearch = erik.get(COMMUNITY + "/search?q=stooklijn");
    assertTrue(apiSearch.status() == 403 || apiSearch.status() == 404, apiSearch::body);
    // His own exports hold nothing of hers.
    JsonObject record = erik.get("/me/portfolio/record").ok();
    assertTrue(record.getJsonArray("items").isEmpty());
    StringBuilder export = new StringBuilder();
    unzip(erik.get("/me/export").expect(200).raw().bodyAsBuffer().getBytes())
        .forEach((name, bytes) -> export.append(new String(bytes, StandardCharsets.UTF_8)));
    assertFalse(export.toString().contains("Stooklijn verlaagd"), export::toString);

    // What a manager may read: the harvest report and the scan results of his people's community.
    assertEquals("demo-warmtepomp", erik.get(COMMUNITY + "/cycles/1/report").ok().getJsonObject("community").getString("id"));
    assertTrue(erik.get("/scans/demo-scan-voor/results").ok().getBoolean("shown"));
    assertEquals(200, erik.page("/c/demo-warmtepomp/cycles/1/report").status());

    // Unsharing works: three left.
    sanne.put("/me/portfolio/sharing", new JsonObject().put("items", new JsonArray(CHOSEN.subList(0, 3)))).expect(200);
    assertEquals(new TreeSet<>(CHOSEN.subList(0, 3)), keys(person(erik.get("/me/people").ok(), "demo-sanne")
        .getJsonArray("items")));
    sanne.put("/me/portfolio/sharing", new JsonObject().put("items", new JsonArray(CHOSEN))).expect(200);
  }

  @Test
  @Order(3)
  @DisplayName("Only her own items can be shared; anything else is refused at the field and changes nothing")
  void onlyOwnItems() {
    Response refused = sanne.put("/me/portfolio/sharing", new JsonObject().put("items",
        new JsonArray().add("note:demo-n-experiment").add("note:demo-n-conversation")));
    assertEquals(400, refused.status());
    assertEquals("items", refused.json().getJsonObject("error").getJsonObject("details").getString("field"));
    assertEquals(4, sanne.get("/me/portfolio").ok().getInteger("sharedCount"));
    assertEquals(403, sanne.get("/me/people").status(), "a participant manages nobody");
  }

  @Test
  @Order(4)
  @DisplayName("The learning record opens as a PDF with the chosen items, and as JSON valid against its schema")
  void learningRecord() throws Exception {
    Response pdf = sanne.get("/me/portfolio/record?format=pdf&items=shared").expect(200);
    assertEquals("application/pdf", pdf.raw().getHeader("Content-Type"));
    try (PDDocument document = Loader.loadPDF(pdf.raw().bodyAsBuffer().getBytes())) {
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
      assertTrue(text.contains("Leerbewijs") && text.contains("Sanne Visser"), text);
      assertTrue(text.contains("Stooklijn verlaagd bij de familie Peters"), text);
      assertTrue(text.contains("Welke aanvoertemperatuur kiezen we bij oude radiatoren?"), text);
      assertTrue(text.contains("Bij twee installaties de stooklijn stap voor stap verlagen"), text);
      assertTrue(text.contains("Kantine werkplaats"), "the session: " + text);
      assertFalse(text.contains(PRIVATE_TEXT) || text.contains(CONTRIBUTION_TEXT), text);
    }

    JsonObject record = sanne.get("/me/portfolio/record?format=json").ok();
    assertEquals("leerkring-learning-record", record.getString("format"));
    assertEquals("1.0", record.getString("version"));
    assertEquals("PT2H", record.getString("volumeOfLearning"));
    assertEquals(6, record.getJsonArray("items").size());
    JsonObject schema = new JsonObject(Files.readString(Path.of("webroot/api/learning-record.schema.json")));
    OutputUnit valid = Validator.create(JsonSchema.of(schema.copy()), new JsonSchemaOptions().setDraft(Draft.DRAFT202012)
        .setBaseUri("https://leerkring.nl/")).validate(record);
    assertTrue(valid.getValid(), valid::toString);
    assertEquals(schema, sanne.get("/api/learning-record.schema.json").ok(), "served as written");

    JsonArray trail = ingrid.get("/organisations/demo-vandijk/audit").expect(200).array();
    List<String> formats = trail.stream().map(r -> (JsonObject) r)
        .filter(r -> "export.portfolio".equals(r.getString("action")) && "demo-sanne".equals(r.getString("actorId")))
        .map(r -> r.getJsonObject("details").getString("format")).toList();
    assertEquals(List.of("pdf", "json"), formats);
    assertTrue(trail.stream().map(r -> (JsonObject) r).anyMatch(r -> "portfolio.sharing.changed".equals(r.getString("action"))
        && r.getJsonObject("details").getInteger("shared") == 4));
    assertFalse(trail.encode().contains("note:demo-n-experiment"), "the trail says how many, never which");
  }

  @Test
  @Order(5)
  @DisplayName("Mehmet's data export holds his sharing choice; his erasure removes it and takes him off Erik's people")
  void privacy() throws Exception {
    Person mehmet = server.demo("mehmet");
    mehmet.put("/me/portfolio/sharing", new JsonObject().put("items", new JsonArray().add("note:demo-n-conversation")))
        .expect(200);
    assertEquals(1, person(erik.get("/me/people").ok(), "demo-mehmet").getJsonArray("items").size());

    Map<String, byte[]> files = unzip(mehmet.get("/me/export").expect(200).raw().bodyAsBuffer().getBytes());
    JsonObject sharing = new JsonObject(new String(files.get("portfolio-sharing.json"), StandardCharsets.UTF_8));
    assertEquals("demo-erik", sharing.getString("managerId"));
    assertEquals(new JsonArray().add("note:demo-n-conversation"), sharing.getJsonObject("sharedWithManager").getJsonArray("items"));

    mehmet.post("/me/erase", new JsonObject().put("password", "welkom2026")).expect(204);
    JsonObject mine = erik.get("/me/people").ok();
    assertNull(mine.getJsonArray("people").stream().map(p -> (JsonObject) p)
        .filter(p -> "demo-mehmet".equals(p.getString("id"))).findFirst().orElse(null), mine::encode);
    JsonObject company = ingrid.get("/organisations/demo-vandijk/managers").ok();
    assertFalse(company.getJsonArray("managers").getJsonObject(0).encode().contains("demo-mehmet"), company::encode);
  }

  private static Set<String> keys(JsonArray items) {
    return items.stream().map(i -> ((JsonObject) i).getString("key")).collect(Collectors.toCollection(TreeSet::new));
  }

  private static JsonObject person(JsonObject mine, String id) {
    return mine.getJsonArray("people").stream().map(p -> (JsonObject) p).filter(p -> id.equals(p.getString("id")))
        .findFirst().orElseThrow(() -> new AssertionError(id + " not in " + mine.encode()));
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
}
