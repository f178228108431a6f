package nl.leerkring.report;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.junit5.VertxExtension;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
@DisplayName("A report's PDF is made on the server alone")
class ReportPdfTest {

  @Test
  @DisplayName("Rendering fetches nothing that the HTML names (images, style sheets, fonts) and keeps Dutch letters")
  void noNetwork(Vertx vertx) throws Exception {
    AtomicInteger asked = new AtomicInteger();
    HttpServer listening = vertx.createHttpServer()
        .requestHandler(request -> {
          asked.incrementAndGet();
          request.response().end();
        }).listen(0, "127.0.0.1").await();
    String at = "http://127.0.0.1:" + listening.actualPort();
    String html = "<!DOCTYPE html><html lang=\"nl\"><head><title>x</title>"
        + "<link rel=\"stylesheet\" href=\"" + at + "/style.css\">"
        + "<style>@import url(\"" + at + "/more.css\"); @font-face { font-family: X; src: url(\"" + at
        + "/font.ttf\"); } body { background: url(\"" + at + "/back.png\"); }</style></head>"
        + "<body><p>Één keer goed ingeregeld, geëvalueerd</p>"
        + "<img src=\"" + at + "/photo.png\" alt=\"\"></body></html>";

    // Blocking, as the server does it off the event loop: the request, if any, has been made when it returns.
    byte[] pdf = vertx.executeBlocking(() -> new ReportPdf(vertx, null).render(html)).await();

    listening.close().await();
    assertEquals(0, asked.get(), "requests the rendering made");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertTrue(new PDFTextStripper().getText(document).contains("Één keer goed ingeregeld, geëvalueerd"));
    }
  }
}
