package nl.leerkring.web;

import io.vertx.core.Vertx;
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
@DisplayName("What a phone downloads: pages compressed, style sheet, script and icon once per release")
class StaticFilesTest {

  private static final Pattern LINKED = Pattern.compile("(?:href|src)=\"(/static/([a-z.]+)\\?v=([0-9a-f]{12}))\"");
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
  @DisplayName("Every page links the files by their fingerprint, and those addresses may be kept for a year")
  void fingerprintedFilesAreKept() {
    Matcher linked = LINKED.matcher(sanne.page("/").expect(200).body());
    List<String> names = new java.util.ArrayList<>();
    while (linked.find()) {
      names.add(linked.group(2));
      Response file = server.anonymous().page(linked.group(1)).expect(200);
      assertEquals("public, immutable, max-age=31536000", file.raw().getHeader("Cache-Control"), linked.group(1));
      assertFalse(file.body().isEmpty());
    }
    assertEquals(List.of("icon.svg", "app.css", "app.js", "offline.js"), names);
    assertTrue(server.anonymous().page("/static/icon.svg").raw().getHeader("Content-Type").startsWith("image/svg+xml"));
  }

  @Test
  @DisplayName("Without the current fingerprint a file is served but not kept, so no browser holds on to an old one")
  void otherAddressesAreNotKept() {
    for (String path : List.of("/static/app.css", "/static/app.css?v=000000000000")) {
      Response file = server.anonymous().page(path).expect(200);
      assertFalse(file.raw().getHeader("Cache-Control").contains("max-age"), path);
    }
    server.anonymous().page("/static/nothing.css?v=000000000000").expect(404);
  }

  @Test
  @DisplayName("/favicon.ico is an icon, kept for a day (its address has no fingerprint)")
  void favicon() {
    Response icon = server.anonymous().page("/favicon.ico").expect(200);
    assertEquals("image/x-icon", icon.raw().getHeader("Content-Type"));
    assertEquals("public, max-age=86400", icon.raw().getHeader("Cache-Control"));
    byte[] bytes = icon.raw().bodyAsBuffer().getBytes();
    // An ICO file: reserved 0, type 1 (icon), one image.
    assertEquals(List.of(0, 0, 1, 0, 1, 0), List.of((int) bytes[0], (int) bytes[1], (int) bytes[2], (int) bytes[3],
        (int) bytes[4], (int) bytes[5]));
  }

  @Test
  @DisplayName("The style sheet and the script travel gzip-compressed too, fingerprinted or not")
  void filesAreCompressed() throws Exception {
    Matcher linked = LINKED.matcher(sanne.page("/").expect(200).body());
    while (linked.find()) {
      if (!linked.group(2).endsWith(".css") && !linked.group(2).endsWith(".js")) {
        continue;
      }
      for (String path : List.of(linked.group(1), "/static/" + linked.group(2))) {
        String plain = server.anonymous().page(path).expect(200).body();
        Response compressed = server.anonymous().page(path, "Accept-Encoding", "gzip");
        assertEquals("gzip", compressed.raw().getHeader("Content-Encoding"), path);
        try (var unzipped = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(
            compressed.raw().bodyAsBuffer().getBytes()))) {
          assertEquals(plain, new String(unzipped.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), path);
        }
      }
    }
  }

  @Test
  @DisplayName("A page travels gzip-compressed to a browser that accepts it, at a fraction of its size")
  void pagesAreCompressed() throws Exception {
    String plain = sanne.page("/c/demo-warmtepomp").expect(200).body();
    Response compressed = sanne.page("/c/demo-warmtepomp", "Accept-Encoding", "gzip");
    assertEquals("gzip", compressed.raw().getHeader("Content-Encoding"));
    byte[] bytes = compressed.raw().bodyAsBuffer().getBytes();
    try (var unzipped = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
      assertTrue(new String(unzipped.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).contains("</html>"));
    }
    assertTrue(bytes.length * 3 < plain.length(), bytes.length + " bytes compressed of " + plain.length());
  }
}
