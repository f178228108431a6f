package nl.leerkring.fieldnote;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import nl.leerkring.support.FormClient;
import nl.leerkring.support.MutableClock;
import nl.leerkring.support.Person;
import nl.leerkring.support.SharedStore;
import nl.leerkring.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A camera's photo as a phone without JavaScript sends it (issue 13.1): the server keeps a display size and a
 * thumbnail, upright and without metadata, each behind the same rules as the note or snack it belongs to, and
 * the pages name both with their sizes. A photo stored before there were two sizes keeps working.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Photos in two sizes")
class PhotoSizesTest {

  private static final String COMMUNITY = "demo-warmtepomp";
  private static final Pattern IMG = Pattern.compile("<img class=\"photo\"[^>]*>");
  private static SharedStore store;
  private static TestServer server;
  private static String sharedNote;
  private static String privateNote;
  private static String snack;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    store = new SharedStore(vertx);
    server = TestServer.start(vertx, TestServer.temporaryDataDir(), store.uri(), true, new MutableClock(),
        new JsonObject());
    FormClient sanne = FormClient.of(vertx, server, "sanne");
    byte[] camera = PhoneCamera.issueThirteenPhoto();
    sharedNote = note(sanne, camera, "community", "Typeplaatje van de buitenunit");
    privateNote = note(sanne, camera, "private", "Mijn eigen foto van de meterkast");
    String added = sanne.postWithPhoto("/questions/demo-q-meten/snacks", MultiMap.caseInsensitiveMultiMap()
            .add("clientToken", sanne.clientToken("/questions/demo-q-meten/snacks/new"))
            .add("kind", "tip").add("title", "Zo ziet de voeler eruit").add("text", "Rechts onder de unit."),
        "voeler.jpg", camera).await().getHeader("Location");
    snack = added.substring(added.indexOf("#snack-") + "#snack-".length());
  }

  /** The note form as a phone without JavaScript posts it: the camera's photo as it is. */
  private static String note(FormClient sanne, byte[] photo, String visibility, String text) {
    var saved = sanne.postWithPhoto("/c/" + COMMUNITY + "/notes", MultiMap.caseInsensitiveMultiMap()
            .add("clientToken", sanne.clientToken("/c/" + COMMUNITY + "/notes/new"))
            .add("kind", "observation").add("text", text).add("visibility", visibility)
            .add("questionIds", "demo-q-meten"), "IMG_2041.jpg", photo).await();
    assertEquals(303, saved.statusCode(), saved::bodyAsString);
    return saved.getHeader("Location").replaceFirst("^/notes/([^?#]+).*", "$1");
  }

  @AfterAll
  static void stop() {
    server.close();
    store.close();
  }

  @Test
  @DisplayName("A 4000 × 3000 camera photo of 3.5 MB becomes a 1200 × 1600 display size and a 360 × 480 thumbnail, "
      + "upright, with no EXIF, GPS or orientation left; the API gives both addresses with their sizes")
  void twoSizesWithoutMetadata() throws Exception {
    Person mehmet = server.demo("mehmet");
    JsonObject photo = mehmet.get("/notes/" + sharedNote).ok().getJsonObject("photo");
    assertEquals(new JsonObject().put("contentType", "image/jpeg").put("url", "/api/v1/notes/" + sharedNote + "/photo")
        .put("width", 1200).put("height", 1600).put("thumbnail", new JsonObject()
            .put("url", "/api/v1/notes/" + sharedNote + "/photo/thumbnail").put("width", 360).put("height", 480)), photo);

    Map<String, int[]> sizes = new LinkedHashMap<>();
    sizes.put("/notes/" + sharedNote + "/photo", new int[] {1200, 1600});
    sizes.put("/notes/" + sharedNote + "/photo/thumbnail", new int[] {360, 480});
    sizes.put("/snacks/" + snack + "/photo", new int[] {1200, 1600});
    sizes.put("/snacks/" + snack + "/photo/thumbnail", new int[] {360, 480});
    for (Map.Entry<String, int[]> size : sizes.entrySet()) {
      var answer = mehmet.page(size.getKey()).expect(200);
      assertEquals("image/jpeg", answer.raw().getHeader("Content-Type"), size.getKey());
      byte[] bytes = answer.raw().bodyAsBuffer().getBytes();
      BufferedImage picture = PhotosTest.read(bytes);
      assertArrayEquals(size.getValue(), new int[] {picture.getWidth(), picture.getHeight()}, size.getKey());
      assertFalse(PhoneCamera.hasGps(bytes), size.getKey());
      assertEquals(0, PhoneCamera.orientation(bytes), size.getKey() + ": no EXIF, the pixels are upright");
      PhotosTest.assertRedOnTop(picture);
      assertTrue(bytes.length < (size.getKey().endsWith("thumbnail") ? 100_000 : 700_000),
          size.getKey() + ": " + bytes.length + " bytes");
    }
    assertArrayEquals(mehmet.page("/notes/" + sharedNote + "/photo/thumbnail").raw().bodyAsBuffer().getBytes(),
        mehmet.get("/notes/" + sharedNote + "/photo/thumbnail").expect(200).raw().bodyAsBuffer().getBytes(),
        "the API's thumbnail is the page's");
  }

  @Test
  @DisplayName("Each size is shown to exactly those who may see the photo: a private note's to its author only, "
      + "nothing to the company admin, the manager, another company or anyone not logged in")
  void sameRulesForBothSizes() {
    Set<String> members = Set.of("sanne", "mehmet", "fenna@leerwerkplaats.nl", "r.mulder@hogeschool-oost.nl");
    for (String login : List.of("sanne", "mehmet", "fenna@leerwerkplaats.nl", "r.mulder@hogeschool-oost.nl",
        "hr@vandijk-installatie.nl", "manager@vandijk-installatie.nl", "anouk")) {
      Person person = server.demo(login);
      for (String photo : List.of("/notes/" + sharedNote + "/photo", "/notes/" + privateNote + "/photo",
          "/snacks/" + snack + "/photo")) {
        int display = person.page(photo).status();
        assertEquals(display, person.page(photo + "/thumbnail").status(), login + " " + photo + "/thumbnail");
        boolean mayRead = members.contains(login) && (!photo.contains(privateNote) || "sanne".equals(login));
        assertEquals(mayRead, display == 200, login + " " + photo + ": " + display);
      }
      for (String note : List.of(sharedNote, privateNote)) {
        assertEquals(person.get("/notes/" + note + "/photo").status(),
            person.get("/notes/" + note + "/photo/thumbnail").status(), login + " through the API");
      }
    }
    // Not logged in, the browser is sent to the login page instead of any photo.
    for (String photo : List.of("/notes/" + sharedNote + "/photo", "/snacks/" + snack + "/photo")) {
      for (String size : List.of(photo, photo + "/thumbnail")) {
        var answer = server.anonymous().page(size);
        assertFalse(String.valueOf(answer.raw().getHeader("Content-Type")).startsWith("image/"),
            "not logged in: " + size + ": " + answer.status());
      }
    }
  }

  @Test
  @DisplayName("The note's page writes its photo with width, height, srcset, sizes and decoding; the question's cards "
      + "show the thumbnail and load it lazily")
  void pagesNameBothSizes() {
    Person mehmet = server.demo("mehmet");
    String top = onlyPhoto(mehmet.page("/notes/" + sharedNote).expect(200).body());
    String path = "/notes/" + sharedNote + "/photo";
    assertTrue(top.contains("src=\"" + path + "\""), top);
    assertTrue(top.contains("srcset=\"" + path + "/thumbnail 360w, " + path + " 1200w\""), top);
    assertTrue(top.contains("width=\"1200\" height=\"1600\""), top);
    assertTrue(top.contains("sizes=\"") && top.contains("decoding=\"async\"") && top.contains("loading=\"eager\""), top);

    String question = mehmet.page("/questions/demo-q-meten").expect(200).body();
    Matcher cards = IMG.matcher(question);
    int shown = 0;
    while (cards.find()) {
      String card = cards.group();
      shown++;
      assertTrue(card.contains("/photo/thumbnail\" alt="), "a card's src is the thumbnail: " + card);
      assertTrue(card.contains("width=\"360\" height=\"480\""), card);
      assertTrue(card.contains("loading=\"lazy\"") && card.contains("decoding=\"async\"") && card.contains("srcset=\""),
          card);
    }
    assertEquals(2, shown, "the shared note's and the snack's photo; the private note is not on the page");
  }

  @Test
  @DisplayName("A note whose one photo was stored before there were two sizes shows it at both addresses")
  void photoStoredBefore() throws Exception {
    Person sanne = server.demo("sanne");
    String noteId = sanne.post("/communities/" + COMMUNITY + "/notes", new JsonObject().put("kind", "observation")
        .put("text", "Foto van vorig jaar")).expect(201).json().getString("id");
    byte[] old = PhoneCamera.jpegWithGps(52.0, 6.0);
    store.upsert("photos", "photo-of-before", new JsonObject().put("noteId", noteId).put("contentType", "image/jpeg")
        .put("data", new JsonObject().put("$binary", old)));
    store.upsert("notes", noteId, new JsonObject().put("photo", new JsonObject().put("id", "photo-of-before")
        .put("contentType", "image/jpeg").put("size", old.length)));

    assertArrayEquals(old, sanne.page("/notes/" + noteId + "/photo").expect(200).raw().bodyAsBuffer().getBytes());
    assertArrayEquals(old, sanne.page("/notes/" + noteId + "/photo/thumbnail").expect(200).raw().bodyAsBuffer().getBytes());
    String img = onlyPhoto(sanne.page("/notes/" + noteId).expect(200).body());
    assertTrue(img.contains("src=\"/notes/" + noteId + "/photo\"") && !img.contains("srcset"), img);
  }

  private static String onlyPhoto(String page) {
    Matcher img = IMG.matcher(page);
    assertTrue(img.find(), "a photo on the page");
    return img.group();
  }
}
