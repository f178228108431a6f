package nl.leerkring.fieldnote;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import nl.leerkring.support.Person;
import nl.leerkring.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
@DisplayName("Photos keep nothing but the picture")
class PhotoPrivacyTest {

  private static TestServer server;
  private static Person sanne;
  private static String noteId;

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.withDemo(vertx);
    sanne = server.demo("sanne");
    noteId = sanne.post("/communities/demo-warmtepomp/notes", new JsonObject().put("kind", "observation")
        .put("text", "Buitenunit bij de klant")).expect(201).json().getString("id");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName("City, street and comment that an app wrote into the photo are gone; the photo is turned as it was held")
  void everyMetadataBlockIsGone() throws Exception {
    byte[] photo = PhoneCamera.jpegWithEverything("Zwolle", "Dorpsstraat 12", "Bij mevrouw De Vries thuis");
    String original = new String(photo, StandardCharsets.ISO_8859_1);
    assertTrue(original.contains("Zwolle") && original.contains("Dorpsstraat 12") && original.contains("De Vries"),
        "the test photo must carry them to begin with");

    sanne.upload("/notes/" + noteId + "/photo", photo).expect(200);
    byte[] stored = sanne.get("/notes/" + noteId + "/photo").expect(200).raw().bodyAsBuffer().getBytes();
    assertNull(sanne.page("/notes/" + noteId + "/photo", "Accept-Encoding", "gzip").raw().getHeader("Content-Encoding"),
        "a JPEG is sent as it is: compressing it again costs time and saves nothing");
    String kept = new String(stored, StandardCharsets.ISO_8859_1);
    assertFalse(kept.contains("Zwolle"), "IPTC city");
    assertFalse(kept.contains("Dorpsstraat"), "IPTC sub-location");
    assertFalse(kept.contains("De Vries"), "JPEG comment");
    assertFalse(kept.contains("Photoshop 3.0"), "no IPTC block at all");
    assertFalse(PhoneCamera.hasGps(stored));
    assertEquals(0, PhoneCamera.orientation(stored), "no EXIF left: the pixels themselves are turned upright");
    assertEquals(64, PhotosTest.read(stored).getHeight(), "64 × 48 held upright (orientation 6) is 48 × 64");
  }

  @Test
  @DisplayName("A small file that would decode to an enormous picture is refused before it is decoded")
  void decompressionBombIsRefused() throws Exception {
    byte[] bomb = PhoneCamera.hugePng(8000, 8000);
    assertTrue(bomb.length < 1_000_000, "small on the wire: " + bomb.length);
    var refused = sanne.upload("/notes/" + noteId + "/photo", bomb);
    assertEquals(413, refused.status(), refused::body);
    assertEquals("photo_too_many_pixels", refused.errorCode());
    assertTrue(refused.json().getJsonObject("error").getString("message").contains("megapixels"), refused::body);
  }

  @Test
  @DisplayName("A one-byte or broken photo is refused as not an image, and the note keeps no photo")
  void brokenPhotos() {
    String fresh = sanne.post("/communities/demo-warmtepomp/notes", new JsonObject().put("kind", "observation")
        .put("text", "Zonder foto")).expect(201).json().getString("id");
    for (byte[] broken : new byte[][] {{(byte) 0xFF}, {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
        {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0}}) {
      var refused = sanne.upload("/notes/" + fresh + "/photo", broken);
      assertEquals(415, refused.status(), refused::body);
      assertEquals("not_an_image", refused.errorCode());
    }
    assertNull(sanne.get("/notes/" + fresh).ok().getJsonObject("photo"));
  }
}
