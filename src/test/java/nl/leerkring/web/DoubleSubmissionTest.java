package nl.leerkring.web;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import nl.leerkring.fieldnote.PhoneCamera;
import nl.leerkring.support.FormClient;
import nl.leerkring.support.Person;
import nl.leerkring.support.SharedStore;
import nl.leerkring.support.MutableClock;
import nl.leerkring.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every form that creates something carries a one-time token (issue 13.2): the same form sent twice, at once (a
 * double tap) or later (a retry after a lost answer), creates one item, and both answers lead to it. A form
 * shown anew gets a new token, so a second item on purpose is made as usual. The note form's own test is in
 * FieldNoteTest; here the question, the lecturer's contribution, the learning snack (with a photo) and the answer
 * to a prompt.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Sending a form twice creates one item and shows it")
class DoubleSubmissionTest {

  private static final String COMMUNITY = "demo-warmtepomp";
  private static SharedStore store;
  private static TestServer server;

  @BeforeAll
  static void start(Vertx vertx) {
    store = new SharedStore(vertx);
    server = TestServer.start(vertx, TestServer.temporaryDataDir(), store.uri(), true, new MutableClock(),
        new JsonObject());
  }

  @AfterAll
  static void stop() {
    server.close();
    store.close();
  }

  /** Both posts of the same form (with the same token) are sent before either is answered. */
  private static List<HttpResponse<Buffer>> twiceAtOnce(Supplier<Future<HttpResponse<Buffer>>> post) {
    Future<HttpResponse<Buffer>> first = post.get();
    Future<HttpResponse<Buffer>> second = post.get();
    Future.join(first, second).await();
    return List.of(first.result(), second.result());
  }

  /** Both answered "see other" to the same place, which the test returns. */
  private static String sameRedirect(List<HttpResponse<Buffer>> both) {
    for (HttpResponse<Buffer> answer : both) {
      assertEquals(303, answer.statusCode(), answer::bodyAsString);
    }
    assertEquals(both.get(0).getHeader("Location"), both.get(1).getHeader("Location"));
    return both.get(0).getHeader("Location");
  }

  @Test
  @DisplayName("Sanne raises a question and taps twice: one question; the same form sent again later leads to it too")
  void question(Vertx vertx) {
    FormClient sanne = FormClient.of(vertx, server, "sanne");
    Person api = server.demo("sanne");
    int before = api.get("/communities/" + COMMUNITY + "/questions").expect(200).array().size();
    MultiMap form = MultiMap.caseInsensitiveMultiMap()
        .add("clientToken", sanne.clientToken("/c/" + COMMUNITY + "/questions/new"))
        .add("text", "Hoe lang moet een warmtepomp na het inregelen proefdraaien?").add("priority", "medium");

    String question = sameRedirect(twiceAtOnce(() -> sanne.post("/c/" + COMMUNITY + "/questions", form)));

    assertTrue(question.startsWith("/questions/"), question);
    assertEquals(question, sanne.post("/c/" + COMMUNITY + "/questions", form).await().getHeader("Location"));
    assertEquals(before + 1, api.get("/communities/" + COMMUNITY + "/questions").expect(200).array().size());
  }

  @Test
  @DisplayName("Ruben saves a contribution twice: one contribution, and both lead to it on his desk")
  void contribution(Vertx vertx) {
    FormClient ruben = FormClient.of(vertx, server, "r.mulder@hogeschool-oost.nl");
    Person api = server.demo("r.mulder@hogeschool-oost.nl");
    String contributions = "/communities/" + COMMUNITY + "/contributions";
    int before = api.get(contributions).expect(200).array().size();
    MultiMap form = MultiMap.caseInsensitiveMultiMap()
        .add("clientToken", ruben.clientToken("/c/" + COMMUNITY + "/contributions/new"))
        .add("kind", "method").add("text", "Meet na het inregelen een week lang het aantal starts per uur.")
        .add("questionIds", "demo-q-temp");

    String desk = sameRedirect(twiceAtOnce(() -> ruben.post("/c/" + COMMUNITY + "/contributions", form)));

    assertTrue(desk.startsWith("/lecturer?saved=contribution#contribution-"), desk);
    assertEquals(desk, ruben.post("/c/" + COMMUNITY + "/contributions", form).await().getHeader("Location"));
    assertEquals(before + 1, api.get(contributions).expect(200).array().size());

    MultiMap another = MultiMap.caseInsensitiveMultiMap().addAll(form)
        .set("clientToken", ruben.clientToken("/c/" + COMMUNITY + "/contributions/new"));
    assertNotEquals(desk, ruben.post("/c/" + COMMUNITY + "/contributions", another).await().getHeader("Location"),
        "a form shown anew makes a new contribution");
    assertEquals(before + 2, api.get(contributions).expect(200).array().size());
  }

  @Test
  @DisplayName("Mehmet attaches a snack with a camera photo and taps twice: one snack, one stored photo, both lead to it")
  void snackWithPhoto(Vertx vertx) throws Exception {
    FormClient mehmet = FormClient.of(vertx, server, "mehmet");
    Person api = server.demo("mehmet");
    int before = api.get("/questions/demo-q-meten/snacks").expect(200).array().size();
    int photos = store.find("photos", new JsonObject()).size();
    byte[] photo = PhoneCamera.cameraPhoto(2000, 1500, 1);
    MultiMap form = MultiMap.caseInsensitiveMultiMap()
        .add("clientToken", mehmet.clientToken("/questions/demo-q-meten/snacks/new"))
        .add("kind", "tip").add("title", "Foto van de meetpunten").add("text", "Hier zitten de voelers.");

    String snack = sameRedirect(twiceAtOnce(() ->
        mehmet.postWithPhoto("/questions/demo-q-meten/snacks", form, "meetpunten.jpg", photo)));

    assertTrue(snack.startsWith("/questions/demo-q-meten?saved=snack#snack-"), snack);
    assertEquals(snack, mehmet.postWithPhoto("/questions/demo-q-meten/snacks", form, "meetpunten.jpg", photo)
        .await().getHeader("Location"), "a retry later leads to the first snack too");
    assertEquals(before + 1, api.get("/questions/demo-q-meten/snacks").expect(200).array().size());
    assertEquals(photos + 1, store.find("photos", new JsonObject()).size(), "the repeat's photo is not kept");
  }

  @Test
  @DisplayName("Sanne answers a prompt and taps twice: one answer in her journal, both lead back to the prompt")
  void promptAnswer(Vertx vertx) {
    FormClient sanne = FormClient.of(vertx, server, "sanne");
    Person api = server.demo("sanne");
    MultiMap form = MultiMap.caseInsensitiveMultiMap()
        .add("clientToken", sanne.clientToken("/prompts/demo-p-1"))
        .add("text", "Dat ik de stooklijn eerst bij de klant samen bekijk.").add("visibility", "private");

    assertEquals("/prompts/demo-p-1", sameRedirect(twiceAtOnce(() -> sanne.post("/prompts/demo-p-1/answers", form))));

    assertEquals("/prompts/demo-p-1", sanne.post("/prompts/demo-p-1/answers", form).await().getHeader("Location"));
    assertEquals(1, api.get("/me/journal").expect(200).array().stream()
        .filter(n -> "demo-p-1".equals(((JsonObject) n).getString("promptId"))).count());
  }
}
