package nl.leerkring.scan;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import nl.leerkring.support.Eventually;
import nl.leerkring.support.Mails;
import nl.leerkring.support.MutableClock;
import nl.leerkring.support.Person;
import nl.leerkring.support.SharedStore;
import nl.leerkring.support.TestServer;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("Learning-culture scan: rounds, anonymous answers and results, over the API")
class ScanTest {

  private static final String COMMUNITY = "demo-warmtepomp";
  private static final List<String> PARTICIPANTS = List.of("sanne", "mehmet", "joost", "priya", "kees", "lotte", "bram");
  private static final List<String> DEMO_IDS = List.of("demo-sanne", "demo-mehmet", "demo-joost", "demo-priya",
      "demo-kees", "demo-lotte", "demo-bram", "demo-fenna", "demo-ingrid");

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withPerMethodLifecycle(false);
  private static final String SANNE = "sanne@vandijk.test";

  private static SharedStore store;
  private static TestServer server;
  private static QuestionSet set;
  private static Person fenna;
  private static Person ingrid;
  private static final Map<String, Person> people = new HashMap<>();

  @BeforeAll
  static void start(Vertx vertx) {
    store = new SharedStore(vertx);
    server = TestServer.start(vertx, TestServer.temporaryDataDir(), store.uri(), true, new MutableClock(), new JsonObject()
        .put("smtpHost", "127.0.0.1").put("smtpPort", SMTP.getSmtp().getPort()).put("smtpStartTls", "DISABLED"));
    set = QuestionSets.load().get("leercultuur-7");
    fenna = server.demo("fenna@leerwerkplaats.nl");
    ingrid = server.demo("hr@vandijk-installatie.nl");
    PARTICIPANTS.forEach(login -> people.put(login, server.demo(login)));
    people.get("sanne").put("/me/mail-preferences", new JsonObject().put("email", SANNE)).expect(200);
  }

  @AfterAll
  static void stop() {
    server.close();
    store.close();
  }

  private static String open(Person who, JsonObject scope, String kind) {
    return who.post("/scans", scope.copy().put("kind", kind)).expect(201).json().getString("id");
  }

  private static JsonObject community() {
    return new JsonObject().put("communityId", COMMUNITY);
  }

  /** Every statement answered with what {@code value} gives for its block. */
  private static JsonObject answers(Function<String, Integer> value) {
    JsonObject answers = new JsonObject();
    set.blocks().forEach(b -> b.statements().forEach(s -> answers.put(s.key(), value.apply(b.key()))));
    return answers;
  }

  private static void answer(String login, String roundId, JsonObject answers) {
    people.get(login).post("/scans/" + roundId + "/answers", new JsonObject().put("answers", answers)).expect(201);
  }

  private static JsonObject results(Person who, String roundId) {
    return who.get("/scans/" + roundId + "/results").ok();
  }

  private static JsonObject block(JsonObject results, String key) {
    return results.getJsonArray("blocks").stream().map(b -> (JsonObject) b)
        .filter(b -> key.equals(b.getString("key"))).findFirst().orElseThrow();
  }

  @Test
  @DisplayName("Answered by four, a closed round shows nothing; answered by five it shows every block, with the change since the demo's before measurement")
  void fourShowNothingFiveShowResults() {
    String four = open(fenna, community(), "after");
    PARTICIPANTS.subList(0, 4).forEach(login -> answer(login, four, answers(block -> 4)));
    JsonObject whileOpen = results(ingrid, four);
    assertTrue(whileOpen.getJsonObject("round").getBoolean("open"));
    assertFalse(whileOpen.getBoolean("shown"));
    assertEquals(4, whileOpen.getJsonObject("round").getInteger("respondents"));
    fenna.post("/scans/" + four + "/close", null).expect(200);

    JsonObject closed = results(people.get("sanne"), four);
    assertFalse(closed.getBoolean("shown"));
    assertEquals(4, closed.getInteger("respondents"));
    closed.getJsonArray("blocks").forEach(b -> {
      assertFalse(((JsonObject) b).getBoolean("shown"));
      assertNull(((JsonObject) b).getValue("mean"));
      assertNull(((JsonObject) b).getValue("distribution"));
      assertNull(((JsonObject) b).getValue("respondents"));
    });
    String page = ingrid.page("/scans/" + four + "/results").body();
    assertTrue(page.contains("Te weinig antwoorden om uitkomsten te tonen"), page);
    assertFalse(page.contains("scan-table"), "no table of four people's answers");

    String five = open(fenna, community(), "after");
    PARTICIPANTS.subList(2, 7).forEach(login -> answer(login, five, answers(block -> 5)));
    fenna.post("/scans/" + five + "/close", null).expect(200);
    JsonObject shown = results(people.get("bram"), five);
    assertTrue(shown.getBoolean("shown"));
    assertEquals(5, shown.getInteger("respondents"));
    JsonObject before = results(people.get("bram"), "demo-scan-voor");
    assertTrue(before.getBoolean("shown"), "the demo's before measurement has results");
    assertEquals(6, before.getInteger("respondents"));
    JsonObject comparison = shown.getJsonObject("comparison");
    assertEquals("demo-scan-voor", comparison.getString("beforeRoundId"));
    for (Object c : comparison.getJsonArray("blocks")) {
      JsonObject change = (JsonObject) c;
      BigDecimal beforeMean = BigDecimal.valueOf(block(before, change.getString("key")).getDouble("mean"));
      assertEquals(5.0, block(shown, change.getString("key")).getDouble("mean"));
      assertEquals(BigDecimal.valueOf(5.0).subtract(beforeMean).setScale(1, RoundingMode.HALF_UP).doubleValue(),
          change.getDouble("change"), change::encode);
    }
  }

  @Test
  @DisplayName("A company's before and after: the change per block is right, a block too few placed on the scale is withheld, and the CSV equals the screen")
  void companyBeforeAndAfter() throws IOException {
    JsonObject company = new JsonObject().put("organisationId", "demo-vandijk");
    people.get("sanne").post("/scans", company.copy().put("kind", "before")).expect(404);
    String before = open(ingrid, company, "before");
    PARTICIPANTS.subList(0, 3).forEach(login -> answer(login, before, answers(block -> 2)));
    PARTICIPANTS.subList(3, 5).forEach(login -> answer(login, before, answers(block -> 3)));
    ingrid.post("/scans/" + before + "/close", null).expect(200);

    String after = open(ingrid, company, "after");
    PARTICIPANTS.subList(0, 4).forEach(login -> answer(login, after, answers(block -> "leadership".equals(block) ? 3 : 4)));
    answer("lotte", after, answers(block -> "leadership".equals(block) ? 3 : "organisation".equals(block) ? 0 : 4));
    ingrid.post("/scans/" + after + "/close", null).expect(200);

    JsonObject results = results(ingrid, after);
    Map<String, Double> changes = new HashMap<>();
    results.getJsonObject("comparison").getJsonArray("blocks").forEach(c ->
        changes.put(((JsonObject) c).getString("key"), ((JsonObject) c).getDouble("change")));
    assertEquals(before, results.getJsonObject("comparison").getString("beforeRoundId"));
    assertEquals(1.6, changes.get("work-content"), "4.0 after 2.4");
    assertEquals(0.6, changes.get("leadership"), "3.0 after 2.4");
    assertNull(changes.get("organisation"), "four placed organisation on the scale: withheld, so no change");
    assertFalse(block(results, "organisation").getBoolean("shown"));
    assertEquals(List.of("leadership", "work-content", "room-safety"), results.getJsonArray("attention").getList(),
        "the three lowest means, lowest first; of equal means the first in the set");
    assertEquals(15, block(results, "work-content").getJsonObject("distribution").getInteger("4"));

    String page = ingrid.page("/scans/" + after + "/results").body();
    String csv = ingrid.page("/scans/" + after + "/results.csv").body();
    assertTrue(csv.startsWith("\uFEFF"), "a byte order mark for Dutch Excel");
    List<List<String>> file = new ArrayList<>();
    CSVFormat.EXCEL.builder().setDelimiter(';').get().parse(new StringReader(csv.substring(1)))
        .forEach(record -> file.add(record.toList()));
    assertEquals(table(page), file);
    assertEquals(List.of("Inhoud van het werk", "5", "4,0", "0", "0", "0", "15", "0", "0", "2,4", "+1,6"), file.get(1));
    assertEquals(csv, ingrid.get("/scans/" + after + "/results?format=csv").expect(200).body(),
        "the API's file is the page's");
    assertTrue(ingrid.get("/organisations/demo-vandijk/audit").expect(200).array().stream()
        .anyMatch(r -> "scan.exported".equals(((JsonObject) r).getString("action"))), "a download is in the audit trail");
  }

  /** The cells of the results page's table, header first, as a person reads them. */
  private static List<List<String>> table(String html) {
    String table = html.substring(html.indexOf("<table id=\"scan-table\""), html.indexOf("</table>"));
    List<List<String>> rows = new ArrayList<>();
    Matcher row = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL).matcher(table);
    while (row.find()) {
      List<String> cells = new ArrayList<>();
      Matcher cell = Pattern.compile("<t[hd][^>]*>(.*?)</t[hd]>", Pattern.DOTALL).matcher(row.group(1));
      while (cell.find()) {
        cells.add(cell.group(1).replace("&#x27;", "'").replace("&amp;", "&").replace("&#x3D;", "="));
      }
      rows.add(cells);
    }
    return rows;
  }

  @Test
  @DisplayName("Sanne is asked in the app and by mail; her answers are kept as counts without anyone's id, her draft goes once sent, a second answer is refused with 409")
  void anonymousAndOnce() {
    // An after measurement: a before one answered by one person would become the other scenario's comparison.
    String round = open(fenna, community(), "after");
    Person sanne = people.get("sanne");
    assertTrue(sanne.get("/me/notifications").ok().getJsonArray("items").stream()
        .anyMatch(n -> ("/scans/" + round).equals(((JsonObject) n).getString("link"))), "Sanne is asked in the app");
    MimeMessage mail = Eventually.await("Sanne's mail about the round", Duration.ofSeconds(20), () ->
        Arrays.stream(SMTP.getReceivedMessages()).filter(m -> Mails.text(m).contains("/scans/" + round)).findFirst()
            .orElse(null));
    assertEquals(SANNE, Mails.recipient(mail));
    assertEquals("Leercultuurscan – Warmtepomp in één keer goed inregelen", Mails.subject(mail));

    JsonObject firstBlock = new JsonObject().put("work-content-1", 4).put("work-content-2", 0);
    sanne.put("/scans/" + round + "/draft", new JsonObject().put("answers", firstBlock)).expect(200);
    assertEquals(firstBlock, sanne.get("/scans/" + round).ok().getJsonObject("draft"), "her progress is kept");
    people.get("mehmet").put("/scans/" + round + "/draft", new JsonObject().put("answers", firstBlock)).expect(200);
    assertEquals("invalid_field", sanne.put("/scans/" + round + "/draft",
        new JsonObject().put("answers", new JsonObject().put("work-content-1", 6))).expect(400).errorCode());
    assertEquals("invalid_field", sanne.post("/scans/" + round + "/answers",
        new JsonObject().put("answers", firstBlock)).expect(400).errorCode(), "an incomplete answer");

    answer("sanne", round, answers(block -> 3));
    assertNull(store.findOne(ScanDraftStore.DRAFTS, round + "/demo-sanne"), "the draft is gone once sent");
    assertNotNull(store.findOne(ScanAnsweredStore.ANSWERED, round + "/demo-sanne"), "only that she answered");
    assertEquals(new JsonObject().put("_id", round + "/demo-sanne"),
        store.findOne(ScanAnsweredStore.ANSWERED, round + "/demo-sanne"), "the mark holds nothing else");
    assertEquals("scan_answered", sanne.post("/scans/" + round + "/answers",
        new JsonObject().put("answers", answers(block -> 5))).expect(409).errorCode());
    assertEquals(409, sanne.put("/scans/" + round + "/draft", new JsonObject().put("answers", firstBlock)).status());
    assertTrue(sanne.get("/scans/" + round).ok().getBoolean("answeredByMe"));

    List<JsonObject> tallies = store.find(ScanTallyStore.TALLIES, new JsonObject());
    assertTrue(tallies.size() >= 2, "this round's and the demo's");
    for (JsonObject tally : tallies) {
      assertEquals(List.of("_id", "blocks", "counts", "respondents"), tally.fieldNames().stream().sorted().toList(),
          "counts only: no person, no time, no per-answer document");
      DEMO_IDS.forEach(id -> assertFalse(tally.encode().contains(id), () -> id + " in " + tally.encode()));
    }

    people.get("mehmet").post("/scans/" + round + "/close", null).expect(403);
    server.demo("anouk").get("/scans/" + round).expect(404);
    fenna.post("/scans/" + round + "/close", null).expect(200);
    assertNull(store.findOne(ScanDraftStore.DRAFTS, round + "/demo-mehmet"), "unsent drafts go when the round closes");
    assertEquals("scan_closed", people.get("joost").post("/scans/" + round + "/answers",
        new JsonObject().put("answers", answers(block -> 5))).expect(409).errorCode());
    JsonArray rounds = people.get("joost").get("/communities/" + COMMUNITY + "/scans").expect(200).array();
    assertTrue(rounds.size() >= 2);
  }

  @Test
  @Order(Integer.MAX_VALUE)
  @DisplayName("Last, as it removes Kees: erasing his account removes his unsent draft and his 'has answered' marks, and the counts stay")
  void erasureForgetsDraftsAndMarks() {
    String round = open(fenna, community(), "after");
    people.get("kees").put("/scans/" + round + "/draft", new JsonObject().put("answers",
        new JsonObject().put("work-content-1", 2))).expect(200);
    assertNotNull(store.findOne(ScanDraftStore.DRAFTS, round + "/demo-kees"));
    assertNotNull(store.findOne(ScanAnsweredStore.ANSWERED, "demo-scan-voor/demo-kees"), "Kees answered the demo's scan");
    JsonObject before = results(ingrid, "demo-scan-voor");

    ingrid.delete("/organisations/demo-vandijk/people/demo-kees").expect(204);
    assertNull(store.findOne(ScanDraftStore.DRAFTS, round + "/demo-kees"));
    assertNull(store.findOne(ScanAnsweredStore.ANSWERED, "demo-scan-voor/demo-kees"));
    assertEquals(before.getJsonArray("blocks"), results(ingrid, "demo-scan-voor").getJsonArray("blocks"));
    fenna.post("/scans/" + round + "/close", null).expect(200);
  }
}
