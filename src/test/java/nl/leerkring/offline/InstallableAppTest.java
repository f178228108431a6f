package nl.leerkring.offline;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import nl.leerkring.support.Person;
import nl.leerkring.support.Response;
import nl.leerkring.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("The installable app: manifest, icons, service worker and offline page as a phone fetches them")
class InstallableAppTest {

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private TestServer server;

  @BeforeAll
  void start(Vertx vertx) {
    server = TestServer.withDemo(vertx);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private static String cssColour(String name) throws Exception {
    Matcher colour = Pattern.compile("--" + name + ":\\s*(#[0-9a-f]{6})")
        .matcher(Files.readString(Path.of("webroot/static/app.css")));
    assertTrue(colour.find(), "app.css has no --" + name);
    return colour.group(1);
  }

  @Test
  @DisplayName("The manifest names the app, opens it at the start page standalone in app.css's colours, with icons that exist")
  void manifestIsValid() throws Exception {
    Response answer = server.anonymous().page("/manifest.webmanifest").expect(200);
    assertEquals("application/manifest+json", answer.raw().getHeader("Content-Type"));
    JsonObject manifest = new JsonObject(answer.body());
    assertEquals("Leerkring", manifest.getString("name"));
    assertFalse(manifest.getString("short_name").isBlank());
    assertEquals("/", manifest.getString("start_url"));
    assertEquals("standalone", manifest.getString("display"));
    assertEquals(cssColour("ink"), manifest.getString("theme_color"));
    assertEquals(cssColour("bg"), manifest.getString("background_color"));

    JsonArray icons = manifest.getJsonArray("icons");
    List<String> kinds = new ArrayList<>();
    for (Object entry : icons) {
      JsonObject icon = (JsonObject) entry;
      Response file = server.anonymous().page(icon.getString("src")).expect(200);
      assertTrue(file.raw().getHeader("Content-Type").startsWith(icon.getString("type")), icon.encode());
      if ("image/png".equals(icon.getString("type"))) {
        byte[] bytes = file.raw().bodyAsBuffer().getBytes();
        assertArrayEquals(PNG, java.util.Arrays.copyOf(bytes, 8), icon.getString("src") + " is no PNG");
        int width = ByteBuffer.wrap(bytes, 16, 4).getInt();
        int height = ByteBuffer.wrap(bytes, 20, 4).getInt();
        assertEquals(icon.getString("sizes"), width + "x" + height, icon.getString("src"));
      }
      kinds.add(icon.getString("sizes") + " " + icon.getString("purpose"));
    }
    assertEquals(List.of("192x192 any", "512x512 any", "512x512 maskable", "any any"), kinds);
  }

  @Test
  @DisplayName("Every page links the manifest, an apple-touch-icon, the theme colour and the script that installs the worker")
  void pagesLinkTheApp() throws Exception {
    for (Person who : List.of(server.anonymous(), server.demo("sanne"))) {
      String page = who.page("/login").body();
      assertTrue(page.contains("<link rel=\"manifest\" href=\"/manifest.webmanifest\">"));
      assertTrue(page.contains("<meta name=\"theme-color\" content=\"" + cssColour("ink") + "\">"));
      Matcher touchIcon = Pattern.compile("<link rel=\"apple-touch-icon\" href=\"([^\"]+)\">").matcher(page);
      assertTrue(touchIcon.find());
      assertEquals("image/png", server.anonymous().page(touchIcon.group(1)).expect(200).raw().getHeader("Content-Type"));
      assertTrue(Pattern.compile("<script src=\"/static/offline\\.js\\?v=[0-9a-f]{12}\" defer>").matcher(page).find());
    }
    Person sanne = server.demo("sanne");
    assertTrue(sanne.page("/").body().contains("<meta name=\"leerkring-person\" content=\"" + sanne.id() + "\""),
        "a logged-in page says whose notes the phone may send");
  }

  @Test
  @DisplayName("/sw.js is served for the whole site, never kept for a year, and names this release's files")
  void workerIsServedForTheWholeSite() {
    Response worker = server.anonymous().page("/sw.js").expect(200);
    assertTrue(worker.raw().getHeader("Content-Type").startsWith("text/javascript"));
    assertEquals("no-cache", worker.raw().getHeader("Cache-Control"));
    assertEquals("/", worker.raw().getHeader("Service-Worker-Allowed"));
    Matcher build = Pattern.compile("^var BUILD = (\\{.*});\n").matcher(worker.body());
    assertTrue(build.find(), "the worker starts with its build");
    JsonObject release = new JsonObject(build.group(1));
    for (Object file : release.getJsonArray("precache")) {
      Response kept = server.anonymous().page((String) file).expect(200);
      assertEquals("public, immutable, max-age=31536000", kept.raw().getHeader("Cache-Control"), (String) file);
    }
    assertTrue(release.getJsonArray("precache").contains(release.getString("queue")));
    String etag = worker.raw().getHeader("ETag");
    assertEquals(304, server.anonymous().page("/sw.js", "If-None-Match", etag).status(), "unchanged costs no body");
  }

  @Test
  @DisplayName("The offline page speaks the phone's language, holds no one's data and offers the note forms kept")
  void offlinePageInBothLanguages() {
    Response dutch = server.anonymous().page("/offline", "Accept-Language", "nl").expect(200);
    assertTrue(dutch.body().contains("<html lang=\"nl\">"));
    assertTrue(dutch.body().contains("<h1>Geen verbinding</h1>"));
    assertTrue(dutch.body().contains("data-waiting=\"Wacht op verbinding – je notitie is bewaard op deze telefoon.\""));
    Response english = server.anonymous().page("/offline", "Accept-Language", "en").expect(200);
    assertTrue(english.body().contains("<html lang=\"en\">"));
    assertTrue(english.body().contains("<h1>No connection</h1>"));
    assertFalse(english.body().contains("leerkring-person"), "the kept page must not name anyone");
  }
}
