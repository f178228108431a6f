package nl.leerkring.scan;

import io.vertx.core.json.JsonArray;
import nl.leerkring.web.I18n;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A round's results as the cells people read, in their language: the page's table and the CSV file are both
 * made from these, so the file equals the screen.
 */
public record ScanTable(List<String> header, List<List<String>> rows) {

  public static ScanTable of(ScanStatistics.Results results, List<ScanStatistics.Change> changes, String language) {
    List<String> header = new ArrayList<>(List.of(text(language, "block"), text(language, "respondents"),
        text(language, "mean")));
    for (int v = 1; v <= Tally.SCALE; v++) {
      header.add(String.valueOf(v));
    }
    header.add(text(language, "dontKnow"));
    if (changes != null) {
      header.add(text(language, "before"));
      header.add(text(language, "change"));
    }
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < results.blocks().size(); i++) {
      ScanStatistics.BlockResult block = results.blocks().get(i);
      List<String> row = new ArrayList<>();
      row.add(block.block().title(language));
      if (block.shown()) {
        row.add(String.valueOf(block.respondents()));
        row.add(number(block.mean(), language));
        for (int v = 1; v <= Tally.SCALE; v++) {
          row.add(String.valueOf(block.distribution()[v]));
        }
        row.add(String.valueOf(block.distribution()[Tally.DONT_KNOW]));
      } else {
        row.add("");
        row.add(I18n.text(language, "scan.results.withheld", results.threshold()));
        for (int v = 0; v <= Tally.SCALE; v++) {
          row.add("");
        }
      }
      if (changes != null) {
        ScanStatistics.Change change = changes.get(i);
        row.add(change.before() == null ? "" : number(change.before(), language));
        row.add(change.change() == null ? "" : signed(change.change(), language));
      }
      rows.add(row);
    }
    return new ScanTable(header, rows);
  }

  private static String text(String language, String column) {
    return I18n.text(language, "scan.column." + column);
  }

  /** One decimal, with the decimal sign of the language (a comma in Dutch, as Dutch Excel reads it). */
  public static String number(BigDecimal value, String language) {
    String plain = value.toPlainString();
    return "nl".equals(language) ? plain.replace('.', ',') : plain;
  }

  public static String signed(BigDecimal value, String language) {
    return (value.signum() > 0 ? "+" : "") + number(value, language);
  }

  /**
   * The file: UTF-8 with a byte order mark (Dutch Excel reads UTF-8 only then), semicolons in Dutch, where the
   * comma is the decimal sign.
   */
  public String csv(String language) {
    CSVFormat format = CSVFormat.EXCEL.builder().setDelimiter("nl".equals(language) ? ';' : ',').get();
    StringWriter out = new StringWriter().append('\uFEFF');
    try (CSVPrinter csv = new CSVPrinter(out, format)) {
      csv.printRecord(header);
      for (List<String> row : rows) {
        csv.printRecord(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** For the page's template. */
  public JsonArray rowsJson() {
    JsonArray out = new JsonArray();
    rows.forEach(row -> out.add(new JsonArray(row)));
    return out;
  }
}
