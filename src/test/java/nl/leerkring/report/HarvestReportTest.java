package nl.leerkring.report;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import nl.leerkring.support.Person;
import nl.leerkring.support.Response;
import nl.leerkring.support.TestServer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The harvest report of the demo's cycle 1, against figures counted by hand from {@code DemoData}. Cycle 1 ran
 * from day -45 to its close on day -7:
 * <ul>
 *   <li>sessions: demo-s-1 (day -21, done, 120 minutes) is cycle 1's only session; demo-s-2 (day +10, planned)
 *   is cycle 2's. Present at demo-s-1: Fenna, Ruben, Sanne, Mehmet, Joost, Priya, Lotte = 7. Learning hours:
 *   2 hours x 7 present = 14.</li>
 *   <li>questions: all five (temp, uitleg, buffer, meten, afstand) were raised in cycle 1; on day -8, still in
 *   cycle 1, temp became answered, afstand parked and uitleg investigating: 5 raised, 1 answered, 1 parked, 3
 *   still open (uitleg, buffer, meten).</li>
 *   <li>notes: written before day -7 are cycle 1's: experiment (Sanne), conversation (Mehmet), observation
 *   (Joost), look-up (Priya), all shared, and Kees's private reflection, which counts nowhere: 4 shared, one of
 *   each of those kinds and 0 reflections. Highlights: experiment and conversation.</li>
 *   <li>contributions: demo-c-stooklijn on day -11: 1. Agreements of demo-s-1: a-1 and a-3 done, a-2 open.</li>
 * </ul>
 */
@ExtendWith(VertxExtension.class)
@DisplayName("The harvest report of a cycle")
class HarvestReportTest {

  private static final String COMMUNITY = "/communities/demo-warmtepomp";
  private static final String UNIQUE = "Zwanenhalsgeheim";
  private static TestServer server;
  private static Person fenna;
  private static Person ingrid;
  private static Person sanne;

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.withDemo(vertx);
    fenna = server.demo("fenna@leerwerkplaats.nl");
    ingrid = server.demo("hr@vandijk-installatie.nl");
    sanne = server.demo("sanne");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName("The report of demo cycle 1 has the figures counted by hand, and its questions, highlights and harvest")
  void figuresOfTheDemoCycle() {
    JsonObject report = ingrid.get(COMMUNITY + "/cycles/1/report").ok();

    JsonObject figures = report.getJsonObject("figures");
    assertEquals(1, figures.getInteger("sessionsHeld"));
    assertEquals(7, figures.getInteger("attendance"));
    assertEquals(14.0, figures.getDouble("learningHours"));
    assertEquals(5, figures.getInteger("questionsRaised"));
    assertEquals(1, figures.getInteger("questionsAnswered"));
    assertEquals(1, figures.getInteger("questionsParked"));
    assertEquals(3, figures.getInteger("questionsStillOpen"));
    assertEquals(4, figures.getInteger("sharedNotes"));
    assertEquals(new JsonObject().put("conversation", 1).put("observation", 1).put("look-up", 1)
        .put("experiment", 1).put("reflection", 0), figures.getJsonObject("notesByKind"));
    assertEquals(1, figures.getInteger("contributions"));
    assertEquals(2, figures.getInteger("agreementsDone"));
    assertEquals(1, figures.getInteger("agreementsOpen"));

    JsonObject session = report.getJsonArray("sessions").getJsonObject(0);
    assertEquals(7, session.getInteger("present"));
    assertTrue(session.getString("attendees").contains("Sanne Visser"), session::encode);
    JsonObject answered = report.getJsonObject("questions").getJsonArray("answered").getJsonObject(0);
    assertEquals("demo-q-temp", answered.getString("id"));
    assertTrue(answered.getString("answerSummary").startsWith("Begin op 45 °C"));
    assertEquals(List.of("demo-n-experiment", "demo-n-conversation"), ids(report.getJsonArray("highlights")));
    assertFalse(report.getJsonArray("highlights").encode().contains("authorName"), "highlights name no author");
    assertEquals("Begrijpen waarom we terug moeten komen", report.getJsonObject("cycle").getString("goal"));
    assertEquals(List.of("Inregelchecklist opstellen", "Checklist bij drie installaties proberen"),
        report.getJsonObject("cycle").getJsonArray("nextSteps").getList());
    assertFalse(report.containsKey("highlightCandidates"), "only the facilitator picks highlights");
    // The demo's before measurement, closed during cycle 1: six of seven answered, each block shown, no after yet.
    JsonObject scan = report.getJsonObject("scan");
    assertEquals(6, scan.getInteger("answers"));
    assertEquals(7, scan.getJsonArray("blocks").size());
    scan.getJsonArray("blocks").forEach(block -> {
      assertTrue(((JsonObject) block).getString("before").matches("[1-5],[0-9]"), block::toString);
      assertFalse(((JsonObject) block).containsKey("after"));
    });
  }

  @Test
  @DisplayName("The cycles list carries each cycle's figures: sessions, attendance, shared notes, questions by status")
  void figuresOnTheCyclesList() {
    JsonArray cycles = sanne.get(COMMUNITY + "/cycles").expect(200).array();
    JsonObject first = cycles.getJsonObject(0).getJsonObject("figures");
    assertEquals(1, first.getInteger("sessionsHeld"));
    assertEquals(7, first.getInteger("attendance"));
    assertEquals(new JsonObject().put("open", 2).put("investigating", 1).put("answered", 1).put("parked", 1),
        first.getJsonObject("questionsByStatus"));
    // Cycle 2: demo-s-2 planned; Lotte's shared prompt answer (Bram's is private); the three questions carried in.
    JsonObject second = cycles.getJsonObject(1).getJsonObject("figures");
    assertEquals(0, second.getInteger("sessionsHeld"));
    assertEquals(1, second.getInteger("sessionsPlanned"));
    assertEquals(new JsonObject().put("open", 2).put("investigating", 1).put("answered", 0).put("parked", 0),
        second.getJsonObject("questionsByStatus"));
  }

  @Test
  @DisplayName("The PDF opens, embeds its fonts and its text holds the same figures, with Dutch letters intact")
  void pdfHoldsTheFigures() throws IOException {
    Response response = ingrid.get(COMMUNITY + "/cycles/1/report?format=pdf").expect(200);
    assertEquals("application/pdf", response.raw().getHeader("Content-Type"));

    try (PDDocument pdf = Loader.loadPDF(response.raw().bodyAsBuffer().getBytes())) {
      String text = text(pdf);
      for (String expected : List.of("Oogstverslag cyclus 1", "Warmtepomp in één keer goed inregelen",
          "Begrijpen waarom we terug moeten komen", "Bijeenkomsten gehouden 1", "14 uur", "7 aanwezig",
          "5 gesteld, 1 beantwoord, 1 geparkeerd, 3 nog open", "2 gedaan, 1 nog open", "Sanne Visser",
          "Begin op 45 °C", "Stooklijn verlaagd bij de familie Peters", "Inregelchecklist opstellen",
          "We meten nu bij elke oplevering de aanvoer- en retourtemperatuur.")) {
        assertTrue(text.contains(expected), () -> "the PDF lacks '" + expected + "': " + text);
      }
      for (PDPage page : pdf.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertTrue(font.isEmbedded(), () -> font.getName() + " is not embedded");
        }
      }
    }
    assertTrue(ingrid.get("/organisations/demo-vandijk/audit").expect(200).array().stream()
        .map(r -> (JsonObject) r).anyMatch(r -> "export.report".equals(r.getString("action"))
            && "pdf".equals(r.getJsonObject("details").getString("format"))), "the download is in the audit trail");
  }

  @Test
  @DisplayName("A private note appears nowhere: not in the report, its PDF, its page or a count; it cannot be picked")
  void privateNotesNeverAppear() throws IOException {
    String privateId = sanne.post(COMMUNITY + "/notes", new JsonObject().put("kind", "reflection")
        .put("visibility", "private").put("text", "Alleen voor mij: " + UNIQUE)).expect(201).json().getString("id");
    String sharedId = sanne.post(COMMUNITY + "/notes", new JsonObject().put("kind", "experiment")
        .put("text", "Buitenunit een meter verplaatst: minder geluid bij de buren.")).expect(201).json()
        .getString("id");

    JsonObject report = fenna.get(COMMUNITY + "/cycles/2/report").ok();
    // Cycle 2's shared notes: Lotte's prompt answer (a reflection) and Sanne's experiment just now.
    assertEquals(2, report.getJsonObject("figures").getInteger("sharedNotes"));
    assertEquals(1, report.getJsonObject("figures").getJsonObject("notesByKind").getInteger("reflection"));
    assertEquals("invalid_field", fenna.put(COMMUNITY + "/cycles/2/highlights",
        new JsonObject().put("noteIds", new JsonArray().add(privateId))).expect(400).errorCode());
    fenna.put(COMMUNITY + "/cycles/2/highlights", new JsonObject().put("noteIds", new JsonArray().add(sharedId)))
        .expect(200);

    List<String> everything = List.of(fenna.get(COMMUNITY + "/cycles/2/report").body(),
        ingrid.get(COMMUNITY + "/cycles/2/report").body(), sanne.get(COMMUNITY + "/cycles/2/report").body(),
        fenna.page("/c/demo-warmtepomp/cycles/2/report").expect(200).body(),
        pdfText(fenna.get(COMMUNITY + "/cycles/2/report?format=pdf").expect(200)),
        fenna.get(COMMUNITY + "/exports/notes?format=csv").expect(200).body(),
        fenna.get(COMMUNITY + "/cycles").expect(200).body());
    everything.forEach(body -> {
      assertFalse(body.contains(UNIQUE), "the private note's text");
      assertFalse(body.contains(privateId), "the private note's id");
    });
    assertTrue(everything.get(4).contains("Buitenunit een meter verplaatst"), "the highlight is in the PDF");
    assertFalse(pdfText(ingrid.get(COMMUNITY + "/cycles/1/report?format=pdf").expect(200)).contains("spannend"),
        "Kees's private reflection of cycle 1");

    // A highlighted note its author makes private leaves the report.
    sanne.patch("/notes/" + sharedId, new JsonObject().put("visibility", "private")).expect(200);
    JsonObject after = ingrid.get(COMMUNITY + "/cycles/2/report").ok();
    assertTrue(after.getJsonArray("highlights").isEmpty(), after::encode);
    assertEquals(1, after.getJsonObject("figures").getInteger("sharedNotes"));
  }

  private static String pdfText(Response response) {
    try (PDDocument pdf = Loader.loadPDF(response.raw().bodyAsBuffer().getBytes())) {
      return text(pdf);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The text line by line as it stands on the page (a figure's name and its value share a line). */
  private static String text(PDDocument pdf) throws IOException {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setSortByPosition(true);
    return stripper.getText(pdf).replaceAll("\\s+", " ");
  }

  private static List<String> ids(JsonArray items) {
    return items.stream().map(i -> ((JsonObject) i).getString("id")).toList();
  }
}
