package nl.leerkring.report;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import nl.leerkring.support.Person;
import nl.leerkring.support.Response;
import nl.leerkring.support.TestServer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
@DisplayName("Exports of a community for its facilitator and its company's admins")
class ExportsTest {

  private static final String COMMUNITY = "/communities/demo-warmtepomp";
  private static TestServer server;
  private static Person fenna;
  private static Person ingrid;

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.withDemo(vertx);
    fenna = server.demo("fenna@leerwerkplaats.nl");
    ingrid = server.demo("hr@vandijk-installatie.nl");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /**
   * Rows counted by hand from DemoData: 5 questions; their history is one entry each plus one more for the three
   * that moved (temp, uitleg, afstand) = 8; 2 sessions; 3 agreements (all of demo-s-1); 1 contribution; 5 shared
   * notes (experiment, conversation, observation, look-up, Lotte's answer; Kees's and Bram's are private).
   */
  @Test
  @DisplayName("Each export read back from its CSV (BOM, semicolons, Dutch titles) equals its JSON, row for row")
  void csvRoundTripsToJson() throws IOException {
    Map<String, Integer> rows = Map.of("questions", 5, "question-history", 8, "sessions", 2, "agreements", 3,
        "contributions", 1, "notes", 5);
    int before = exportsInTheTrail();
    for (Map.Entry<String, Integer> dataset : rows.entrySet()) {
      JsonArray json = new JsonArray(fenna.get(COMMUNITY + "/exports/" + dataset.getKey()).expect(200).body());
      Response csv = fenna.get(COMMUNITY + "/exports/" + dataset.getKey() + "?format=csv").expect(200);
      assertEquals("text/csv; charset=utf-8", csv.raw().getHeader("Content-Type"));
      String text = new String(csv.raw().bodyAsBuffer().getBytes(), StandardCharsets.UTF_8);
      assertTrue(text.startsWith("\uFEFF"), "a byte order mark, for Excel");

      List<CSVRecord> records = parse(text.substring(1));
      assertEquals(dataset.getValue(), json.size(), dataset.getKey() + ": " + json.encode());
      assertEquals(json.size() + 1, records.size(), dataset.getKey() + ": a title row and one row per record");
      List<String> columns = new ArrayList<>(json.getJsonObject(0).fieldNames());
      assertEquals(columns.size(), records.get(0).size(), "a title per column");
      for (int i = 0; i < json.size(); i++) {
        JsonObject row = json.getJsonObject(i);
        List<String> expected = columns.stream()
            .map(c -> row.getValue(c) == null ? "" : String.valueOf(row.getValue(c))).toList();
        assertEquals(expected, records.get(i + 1).toList(), dataset.getKey() + " row " + i);
      }
    }
    assertEquals(before + 2 * rows.size(), exportsInTheTrail(), "every export, JSON and CSV, is in the audit trail");
  }

  @Test
  @DisplayName("Exports carry the demo's own words, Dutch letters intact, and no private note")
  void contents() throws IOException {
    String sessions = fenna.get(COMMUNITY + "/exports/sessions?format=csv").expect(200).body();
    List<CSVRecord> records = parse(sessions.substring(1));
    assertEquals("Aantal aanwezig", records.get(0).get(7));
    assertEquals("7", records.get(1).get(7), "demo-s-1, the first session");
    assertTrue(records.get(1).get(8).contains("Sanne Visser"));
    String questions = ingrid.get(COMMUNITY + "/exports/questions?format=csv").expect(200).body();
    assertTrue(questions.contains("Begin op 45 °C"), "the answer summary, Dutch letters intact");
    String notes = fenna.get(COMMUNITY + "/exports/notes").expect(200).body();
    assertFalse(notes.contains("demo-n-reflection") || notes.contains("demo-n-answer-bram"), notes);
  }

  @Test
  @DisplayName("A reader who chose English gets commas and English column titles")
  void englishCsv() throws IOException {
    Person english = server.demo("hr@vandijk-installatie.nl");
    english.patch("/me", new JsonObject().put("language", "en")).expect(200);
    try {
      String csv = english.get(COMMUNITY + "/exports/agreements?format=csv").expect(200).body();
      try (CSVParser parser = CSVParser.parse(new StringReader(csv.substring(1)), CSVFormat.EXCEL)) {
        List<CSVRecord> records = parser.getRecords();
        assertEquals(List.of("Id", "Session id", "Session", "Cycle", "What", "Who", "Question", "Due", "Done"),
            records.get(0).toList());
        assertEquals(4, records.size(), "three agreements under the titles");
      }
    } finally {
      english.patch("/me", new JsonObject().put("language", "nl")).expect(200);
    }
  }

  @Test
  @DisplayName("A company admin exports everything but the field notes; participants and lecturers export nothing")
  void whoExports() {
    assertEquals(403, ingrid.get(COMMUNITY + "/exports/notes").status());
    ingrid.get(COMMUNITY + "/exports/agreements?format=csv").expect(200);
    assertEquals(403, server.demo("sanne").get(COMMUNITY + "/exports/questions").status());
    assertEquals(403, server.demo("r.mulder@hogeschool-oost.nl").get(COMMUNITY + "/exports/sessions").status());
    assertEquals(404, server.demo("hr@zorggroep-delinde.nl").get(COMMUNITY + "/exports/sessions").status());
  }

  private static List<CSVRecord> parse(String csv) throws IOException {
    try (CSVParser parser = CSVParser.parse(new StringReader(csv),
        CSVFormat.EXCEL.builder().setDelimiter(';').get())) {
      return parser.getRecords();
    }
  }

  private static int exportsInTheTrail() {
    return (int) ingrid.get("/organisations/demo-vandijk/audit").expect(200).array().stream()
        .map(r -> (JsonObject) r).filter(r -> "export.community".equals(r.getString("action"))).count();
  }
}
