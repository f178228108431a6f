package nl.leerkring.audit;

import io.vertx.core.json.JsonObject;
import nl.leerkring.web.I18n;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The trail as a spreadsheet file. Dutch Excel opens a file by double-click only when it starts with a
 * byte order mark (else it reads UTF-8 as Windows-1252) and uses semicolons (the comma is the decimal sign).
 */
public final class AuditCsv {

  private AuditCsv() {
  }

  public static String of(List<JsonObject> records, String language) {
    CSVFormat format = CSVFormat.EXCEL.builder().setDelimiter("nl".equals(language) ? ';' : ',').get();
    StringWriter out = new StringWriter().append('\uFEFF');
    try (CSVPrinter csv = new CSVPrinter(out, format)) {
      csv.printRecord(I18n.text(language, "audit.column.at"), I18n.text(language, "audit.column.action"),
          I18n.text(language, "audit.column.actor"), I18n.text(language, "audit.column.subject"),
          I18n.text(language, "audit.column.details"));
      for (JsonObject r : records) {
        csv.printRecord(r.getString("at"), action(language, r.getString("action")), r.getString("actorName"),
            r.getString("subjectName"), r.getJsonObject("details").encode());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** The action in words where the bundle has them; a feature's new action shows as its code until then. */
  static String action(String language, String action) {
    String key = "audit.action." + action;
    return I18n.has(key) ? I18n.text(language, key) : action;
  }
}
