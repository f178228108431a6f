package nl.leerkring.fieldnote;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.client.WebClientSession;
import io.vertx.junit5.VertxExtension;
import nl.leerkring.support.Person;
import nl.leerkring.support.Response;
import nl.leerkring.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
@DisplayName("Field notes")
class FieldNoteTest {

  private static final String COMMUNITY = "/communities/demo-warmtepomp";
  private static TestServer server;
  private static Person sanne;

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.withDemo(vertx);
    sanne = server.demo("sanne");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName("A technician writes an experiment note that answers an open question, and it shows on the question")
  void experimentNoteAnswersQuestion() {
    JsonObject note = sanne.post(COMMUNITY + "/notes", new JsonObject()
        .put("kind", "experiment")
        .put("text", "Buffervat weggelaten bij een vloerverwarmingswoning")
        .put("tried", "Zonder buffervat opgeleverd, minimale flow gecontroleerd")
        .put("happened", "Geen pendelen gezien in de eerste week")
        .put("questionIds", new JsonArray().add("demo-q-buffer"))).expect(201).json();

    assertEquals("experiment", note.getString("kind"));
    assertEquals("Geen pendelen gezien in de eerste week", note.getString("happened"));

    JsonObject question = sanne.get("/questions/demo-q-buffer").ok();
    assertTrue(question.getJsonArray("notes").stream()
        .anyMatch(n -> note.getString("id").equals(((JsonObject) n).getString("id"))));

    JsonObject mehmetsView = server.demo("mehmet").get("/notes/" + note.getString("id")).ok();
    assertEquals("Sanne Visser", mehmetsView.getString("authorName"));
  }

  @Test
  @DisplayName("A private reflection is seen by its author only, not by colleagues, facilitator or employer")
  void privateNoteStaysPrivate() {
    JsonObject note = sanne.post(COMMUNITY + "/notes", new JsonObject()
        .put("kind", "reflection").put("text", "Ik durf nog niet te zeggen dat ik het niet weet")
        .put("visibility", "private")).expect(201).json();
    String path = "/notes/" + note.getString("id");

    sanne.get(path).expect(200);
    for (String other : new String[] {"mehmet", "fenna@leerwerkplaats.nl", "hr@vandijk-installatie.nl"}) {
      assertEquals(404, server.demo(other).get(path).status(), other + " must not see a private note");
    }
    JsonArray journal = sanne.get("/me/journal").expect(200).array();
    assertTrue(journal.stream().anyMatch(n -> note.getString("id").equals(((JsonObject) n).getString("id"))));
    JsonObject feed = server.demo("mehmet").get(COMMUNITY + "/activity?limit=50").ok();
    assertFalse(feed.encode().contains(note.getString("id")));
  }

  @Test
  @DisplayName("Linking a note to a question of another community is refused and writes nothing")
  void foreignQuestionRefused() {
    int before = sanne.get("/me/journal").expect(200).array().size();
    JsonObject error = sanne.post(COMMUNITY + "/notes", new JsonObject().put("kind", "look-up").put("text", "x")
        .put("questionIds", new JsonArray().add("nonexistent-question"))).expect(400).json();
    assertEquals("questionIds", error.getJsonObject("error").getJsonObject("details").getString("field"));
    assertEquals(before, sanne.get("/me/journal").expect(200).array().size());
  }

  @Test
  @DisplayName("A photo from the phone is stored without where it was taken, and only for those who may see the note")
  void photoWithoutLocation() throws Exception {
    String noteId = sanne.post(COMMUNITY + "/notes", new JsonObject().put("kind", "observation")
        .put("text", "Typeplaatje van de buitenunit")).expect(201).json().getString("id");
    byte[] photo = PhoneCamera.jpegWithGps(52.37, 4.89);
    assertTrue(PhoneCamera.hasGps(photo), "the test photo must carry GPS to begin with");

    JsonObject note = sanne.upload("/notes/" + noteId + "/photo", photo).ok();
    assertEquals("image/jpeg", note.getJsonObject("photo").getString("contentType"));

    var stored = server.demo("mehmet").get("/notes/" + noteId + "/photo").expect(200);
    assertEquals("image/jpeg", stored.raw().getHeader("Content-Type"));
    byte[] bytes = stored.raw().bodyAsBuffer().getBytes();
    assertFalse(PhoneCamera.hasGps(bytes));
    assertEquals(0, PhoneCamera.orientation(bytes), "no EXIF left: the pixels themselves are turned upright");
    assertEquals(48, PhotosTest.read(bytes).getWidth(), "64 × 48 held upright (orientation 6) is 48 × 64");

    assertEquals(415, sanne.upload("/notes/" + noteId + "/photo", "not a picture".getBytes()).status());
    assertEquals(403, server.demo("mehmet").upload("/notes/" + noteId + "/photo", photo).status());
    assertEquals(403, server.demo("hr@vandijk-installatie.nl").get("/notes/" + noteId + "/photo").status());
  }

  @Test
  @DisplayName("An admin cannot read a private note, nor the community's notes")
  void adminCannotReadNotes() {
    Person admin = server.demo("hr@vandijk-installatie.nl");
    assertEquals(404, admin.get("/notes/demo-n-reflection").status());
    assertEquals(403, admin.get("/notes/demo-n-experiment").status());
    assertEquals(403, admin.get(COMMUNITY + "/notes").status());
    assertEquals(200, server.demo("kees").get("/notes/demo-n-reflection").status());
  }

  @Test
  @DisplayName("Editing a note keeps who changed it and when; only the author may edit")
  void editKeepsHistory() {
    String id = sanne.post(COMMUNITY + "/notes", new JsonObject().put("kind", "look-up").put("text", "Eerste versie"))
        .expect(201).json().getString("id");
    JsonObject edited = sanne.patch("/notes/" + id, new JsonObject().put("text", "Tweede versie")
        .put("questionIds", new JsonArray().add("demo-q-meten"))).ok();
    assertEquals("Tweede versie", edited.getString("text"));
    assertEquals("demo-sanne", edited.getJsonArray("edits").getJsonObject(0).getString("by"));
    assertEquals(403, server.demo("mehmet").patch("/notes/" + id, new JsonObject().put("text", "Niet van mij")).status());
    assertTrue(sanne.get("/questions/demo-q-meten").ok().getJsonArray("notes").stream()
        .anyMatch(n -> id.equals(((JsonObject) n).getString("id"))));
  }

  @Test
  @DisplayName("A phone retries a note whose answer got lost, with the same Idempotency-Key, at once: one note, both answers point to it")
  void retriedNoteMakesOneNote() {
    int journal = sanne.get("/me/journal").expect(200).array().size();
    JsonObject note = new JsonObject().put("kind", "observation").put("text", "Bij 55 graden sloeg de pomp af.");

    List<Response> both = Person.answers(
        sanne.sendNow(HttpMethod.POST, COMMUNITY + "/notes", note, "note-5d2e8b11"),
        sanne.sendNow(HttpMethod.POST, COMMUNITY + "/notes", note, "note-5d2e8b11"));

    assertEquals(List.of(201, 201), both.stream().map(Response::status).toList(),
        () -> both.stream().map(Response::body).toList().toString());
    assertEquals(both.get(0).json(), both.get(1).json(), "the repeat is answered with the first note");
    assertEquals(journal + 1, sanne.get("/me/journal").expect(200).array().size());
    assertEquals(both.get(0).json().getString("id"), sanne.sendNow(HttpMethod.POST, COMMUNITY + "/notes", note,
        "note-5d2e8b11").await().expect(201).json().getString("id"), "a later retry also gets the first note");
    sanne.sendNow(HttpMethod.POST, COMMUNITY + "/notes", note, "note-another-1").await().expect(201);
    assertEquals(journal + 2, sanne.get("/me/journal").expect(200).array().size(), "another token is another note");
    assertEquals(400, sanne.sendNow(HttpMethod.POST, COMMUNITY + "/notes", note, "kort").await().status());
  }

  @Test
  @DisplayName("Sanne presses 'save' twice on the note form: one note, and both presses lead to it")
  void doubleSubmittedFormMakesOneNote(Vertx vertx) {
    WebClientSession browser = sannesBrowser(vertx);
    int journal = sanne.get("/me/journal").expect(200).array().size();
    MultiMap form = noteForm(browser, "Twee keer op opslaan gedrukt.");

    var first = browser.post("/c/demo-warmtepomp/notes").sendForm(form);
    var second = browser.post("/c/demo-warmtepomp/notes").sendForm(form);
    Future.join(first, second).await();

    assertEquals(303, first.result().statusCode(), first.result().bodyAsString());
    assertEquals(303, second.result().statusCode(), second.result().bodyAsString());
    assertEquals(first.result().getHeader("Location"), second.result().getHeader("Location"));
    assertTrue(first.result().getHeader("Location").startsWith("/notes/"));
    assertEquals(journal + 1, sanne.get("/me/journal").expect(200).array().size());
  }

  @Test
  @DisplayName("A note as long as the contract allows (10,000 characters, Dutch letters included) is kept from the form too")
  void longestNoteThroughTheForm(Vertx vertx) {
    WebClientSession browser = sannesBrowser(vertx);
    String text = "Inregelen bij één graad buitentemperatuur. ".repeat(240).substring(0, 9_999) + ".";
    var saved = browser.post("/c/demo-warmtepomp/notes").sendForm(noteForm(browser, text)).await();
    assertEquals(303, saved.statusCode(), saved.bodyAsString());
    String id = saved.getHeader("Location").replaceFirst("^/notes/([^?#]+).*", "$1");
    String stored = sanne.get("/notes/" + id).ok().getString("text");
    assertTrue(text.equals(stored), () -> "stored " + stored.length() + " characters, first difference at "
        + java.util.stream.IntStream.range(0, Math.min(text.length(), stored.length()))
            .filter(i -> text.charAt(i) != stored.charAt(i)).findFirst().orElse(-1));
  }

  private WebClientSession sannesBrowser(Vertx vertx) {
    WebClientSession browser = WebClientSession.create(WebClient.create(vertx, new WebClientOptions()
        .setDefaultHost("127.0.0.1").setDefaultPort(server.port()).setFollowRedirects(false)));
    csrf = browser.post("/api/v1/auth/login").sendJsonObject(new JsonObject().put("login", "sanne")
        .put("password", "welkom2026")).await().bodyAsJsonObject().getString("csrfToken");
    return browser;
  }

  /** The note form as the page gives it to Sanne: her CSRF token and the form's own client token. */
  private MultiMap noteForm(WebClientSession browser, String text) {
    Matcher token = Pattern.compile("name=\"clientToken\" value=\"([^\"]+)\"")
        .matcher(browser.get("/c/demo-warmtepomp/notes/new").send().await().bodyAsString());
    assertTrue(token.find(), "the form carries a client token");
    return MultiMap.caseInsensitiveMultiMap().add("_csrf", csrf).add("clientToken", token.group(1))
        .add("kind", "observation").add("text", text).add("visibility", "community");
  }

  private String csrf;
}
