package nl.leerkring.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import nl.leerkring.web.Pages;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The harvest report as a PDF, made from the page's own template (with its print layout) by openhtmltopdf.
 * The fonts travel inside the PDF, so Dutch letters (één, ë) print on any reader. Rendering never fetches
 * anything: every address the HTML names resolves to nothing, so a report cannot make the server call out.
 */
public final class ReportPdf {

  private static final String FAMILY = "DejaVu Sans";

  private final Vertx vertx;
  private final Pages pages;
  private final byte[] regular = font("/fonts/DejaVuSans.ttf");
  private final byte[] bold = font("/fonts/DejaVuSans-Bold.ttf");

  public ReportPdf(Vertx vertx, Pages pages) {
    this.vertx = vertx;
    this.pages = pages;
  }

  /** The report's template rendered with its print layout, then laid out as PDF, off the event loop. */
  public Future<Buffer> of(JsonObject report, String language) {
    return of("report", report, language);
  }

  /** Any page made for print the same way: its template shows {@code partials/print-layout} when {@code _pdf}. */
  public Future<Buffer> of(String template, JsonObject model, String language) {
    return pages.renderText(template, model.copy().put("_lang", language).put("_pdf", true))
        .compose(html -> vertx.executeBlocking(() -> Buffer.buffer(render(html)), false));
  }

  /** Blocking: lays out one HTML document (parsed as a browser would) as PDF. */
  public byte[] render(String html) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFont(() -> new ByteArrayInputStream(regular), FAMILY, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
    builder.useFont(() -> new ByteArrayInputStream(bold), FAMILY, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
    builder.useUriResolver((base, uri) -> null);
    builder.withW3cDocument(W3CDom.convert(Jsoup.parse(html)), null);
    builder.toStream(out);
    try {
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] font(String resource) {
    try (InputStream in = ReportPdf.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing font " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
