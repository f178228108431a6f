package nl.leerkring.search;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import nl.leerkring.platform.EmbeddedStore;
import nl.leerkring.support.Eventually;
import nl.leerkring.support.Person;
import nl.leerkring.support.TestServer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Search over HTTP against a real server on the demo, as the community's people use it. */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Searching a community's knowledge")
class SearchTest {

  private static final String COMMUNITY = "/communities/demo-warmtepomp";
  private TestServer server;
  private Person sanne;
  private Person mehmet;

  @BeforeAll
  void start(Vertx vertx) {
    server = TestServer.withDemo(vertx);
    sanne = server.demo("sanne");
    mehmet = server.demo("mehmet");
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  @DisplayName("Mehmet searches \"meten\" and finds the note Sanne shared about what she \"gemeten\" had, the word "
      + "marked in its snippet and a link to the note")
  void dutchStem() {
    String id = note(sanne, "Bij de familie Smit de druk gemeten: 1,8 bar <koud>, na het vullen 2,1 bar.", "community");
    JsonObject found = item(search(mehmet, "meten"), id);
    assertEquals("note", found.getString("kind"));
    assertEquals("/notes/" + id, found.getString("link"));
    assertTrue(found.getString("snippet").contains("<mark>gemeten</mark>"), found::encode);
    assertTrue(found.getString("snippet").contains("&lt;koud&gt;"), "what Sanne wrote is escaped: " + found);
  }

  @Test
  @DisplayName("Nobody but Kees finds his private reflection, not even by its exact words; Sanne's private note is "
      + "hers alone too")
  void privateNotes() {
    String phrase = "\"spannend vind om bij de klant toe te geven\"";
    assertFalse(search(sanne, phrase).encode().contains("demo-n-reflection"));
    assertFalse(search(server.demo("fenna@leerwerkplaats.nl"), phrase).encode().contains("demo-n-reflection"));
    assertTrue(search(server.demo("kees"), phrase).encode().contains("demo-n-reflection"));

    String mine = note(sanne, "Eigenlijk begrijp ik de pendelbeveiliging nog steeds niet goed.", "private");
    assertEquals(0, search(mehmet, "pendelbeveiliging").getInteger("total"));
    item(search(sanne, "pendelbeveiliging"), mine);
  }

  @Test
  @DisplayName("Another company's text is never found: Fenna, in both companies, finds the tillift note only in its "
      + "own community, and Anouk of De Linde cannot search Van Dijk's community at all")
  void otherCompany() {
    Person fenna = server.demo("fenna@leerwerkplaats.nl");
    assertEquals(0, search(fenna, "nachtdienst lift").getInteger("total"));
    assertTrue(fenna.get("/communities/demo-tilliften/search?q=nachtdienst+lift").ok().encode()
        .contains("demo-n-tillift"));
    assertEquals(404, server.demo("anouk").get(COMMUNITY + "/search?q=lift").status());
  }

  @Test
  @DisplayName("A company admin (like a manager, no member) is refused with 403: search shows them nothing people "
      + "shared with the community")
  void companyAdminRefused() {
    assertEquals(403, server.demo("hr@vandijk-installatie.nl").get(COMMUNITY + "/search?q=stooklijn").status());
    assertEquals(403, server.demo("hr@vandijk-installatie.nl").page("/c/demo-warmtepomp/search?q=stooklijn").status());
  }

  @Test
  @DisplayName("Sanne makes a shared note private: from her answer on, Mehmet no longer finds it, and the index holds "
      + "it for her alone")
  void madePrivateLater() {
    String id = note(sanne, "De vloerverwarmingsverdeler had een dichte groep.", "community");
    item(search(mehmet, "vloerverwarmingsverdeler"), id);
    sanne.patch("/notes/" + id, new JsonObject().put("visibility", "private")).expect(200);
    JsonObject after = search(mehmet, "vloerverwarmingsverdeler");
    assertEquals(0, after.getInteger("total"), "the index itself no longer gives it to Mehmet: " + after);
    item(search(sanne, "vloerverwarmingsverdeler"), id);
  }

  @Test
  @DisplayName("Filters: by kind, by cycle and by question; and pages of results")
  void filtersAndPages() {
    JsonObject questions = mehmet.get(COMMUNITY + "/search?q=stooklijn&kind=question").ok();
    assertTrue(questions.getJsonArray("items").stream().allMatch(i -> "question".equals(((JsonObject) i).getString("kind"))));
    JsonObject contributions = mehmet.get(COMMUNITY + "/search?q=aanvoertemperatuur&kind=contribution").ok();
    assertEquals(List.of("demo-c-stooklijn"), ids(contributions));
    JsonObject inCycle1 = mehmet.get(COMMUNITY + "/search?q=stooklijn&kind=note&cycle=1").ok();
    assertTrue(ids(inCycle1).contains("demo-n-experiment"), inCycle1::encode);
    assertEquals(List.of(), ids(mehmet.get(COMMUNITY + "/search?q=stooklijn&kind=note&cycle=2").ok()));
    JsonObject onQuestion = mehmet.get(COMMUNITY + "/search?q=buffervat&questionId=demo-q-buffer").ok();
    assertTrue(ids(onQuestion).contains("demo-n-observation"), onQuestion::encode);
    assertFalse(ids(mehmet.get(COMMUNITY + "/search?q=buffervat&questionId=demo-q-temp").ok())
        .contains("demo-n-observation"));

    for (int i = 0; i < 3; i++) {
      note(sanne, "Expansievat " + i + " voorgedrukt op 1 bar.", "community");
    }
    JsonObject first = mehmet.get(COMMUNITY + "/search?q=expansievat&limit=2").ok();
    assertEquals(3, first.getInteger("total"));
    assertEquals(2, first.getJsonArray("items").size());
    assertEquals(2, first.getInteger("next"));
    JsonObject second = mehmet.get(COMMUNITY + "/search?q=expansievat&limit=2&offset=2").ok();
    assertEquals(1, second.getJsonArray("items").size());
    assertEquals(null, second.getValue("next"));
  }

  @Test
  @DisplayName("Blank words are refused with 400 on the q field; an unknown kind too")
  void badInput() {
    JsonObject blank = mehmet.get(COMMUNITY + "/search?q=%20%20").expect(400).json();
    assertEquals("q", blank.getJsonObject("error").getJsonObject("details").getString("field"));
    assertEquals(400, mehmet.get(COMMUNITY + "/search?q=pomp&kind=recipe").status());
  }

  @Test
  @DisplayName("Lotte erases her account: her private note leaves the index, her shared note stays under her "
      + "pseudonym")
  void erasedPerson() {
    Person lotte = server.demo("lotte");
    String privateOne = note(lotte, "Ik twijfel of ik de overstap naar de servicedienst wil.", "private");
    String shared = note(lotte, "Condensafvoer van de buitenunit moet vorstvrij liggen.", "community");
    // The index commits to disk every second; what the test reads is the committed index on disk.
    Eventually.await("Lotte's private note in the index on disk", Duration.ofSeconds(5),
        () -> inIndex("notes/" + privateOne) ? true : null);
    lotte.post("/me/erase", new JsonObject().put("password", "welkom2026")).expect(204);

    Eventually.await("Lotte's private note gone from the index on disk", Duration.ofSeconds(5),
        () -> inIndex("notes/" + privateOne) ? null : true);
    JsonObject found = item(search(mehmet, "condensafvoer"), shared);
    assertTrue(found.getString("authorName").startsWith("Oud-deelnemer"), found::encode);
  }

  @Test
  @DisplayName("The index deleted on disk while the server is down is built again from the store at start")
  void rebuiltAtStart(Vertx vertx) {
    try (TestServer other = TestServer.withDemo(vertx)) {
      Path index = other.dataDir().resolve("search");
      other.restart(false, () -> delete(index));
      assertTrue(Files.isDirectory(index));
      assertTrue(ids(other.demo("mehmet").get(COMMUNITY + "/search?q=buffervat").ok()).contains("demo-n-observation"));
    }
  }

  @Test
  @DisplayName("Sanne writes through server B; Mehmet, on server A of the same database, finds the note within "
      + "seconds (each process keeps its own index, told through Broadcasts)")
  void secondProcess(@TempDir Path dir) throws Exception {
    EmbeddedStore store = EmbeddedStore.startShared(dir, 16);
    Vertx onA = Vertx.vertx();
    Vertx onB = Vertx.vertx();
    try (TestServer a = TestServer.onMongo(onA, store.connectionString(), true);
         TestServer b = TestServer.onMongo(onB, store.connectionString(), true)) {
      String id = note(b.demo("sanne"), "Warmtewisselaar gespoeld met citroenzuur, debiet weer op peil.", "community");
      Person mehmetOnA = a.demo("mehmet");
      Eventually.await("the note written through B in A's index", Duration.ofSeconds(10), () ->
          ids(search(mehmetOnA, "citroenzuur")).contains(id) ? id : null);
    } finally {
      onA.close().await();
      onB.close().await();
      store.close();
    }
  }

  private boolean inIndex(String key) {
    try (FSDirectory directory = FSDirectory.open(server.dataDir().resolve("search"));
         DirectoryReader reader = DirectoryReader.open(directory)) {
      return new IndexSearcher(reader).count(new TermQuery(new Term(SearchIndex.KEY, key))) > 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String note(Person author, String text, String visibility) {
    return author.post(COMMUNITY + "/notes", new JsonObject().put("kind", "observation").put("text", text)
        .put("visibility", visibility)).expect(201).json().getString("id");
  }

  private static JsonObject search(Person who, String words) {
    return who.get(COMMUNITY + "/search?q=" + URLEncoder.encode(words, StandardCharsets.UTF_8)).ok();
  }

  private static List<String> ids(JsonObject results) {
    return results.getJsonArray("items").stream().map(i -> ((JsonObject) i).getString("id")).toList();
  }

  private static JsonObject item(JsonObject results, String id) {
    JsonArray items = results.getJsonArray("items");
    return items.stream().map(i -> (JsonObject) i).filter(i -> id.equals(i.getString("id"))).findFirst()
        .orElseThrow(() -> new AssertionError(id + " not among " + results.encode()));
  }
}
