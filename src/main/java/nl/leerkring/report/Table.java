package nl.leerkring.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.web.I18n;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One export as rows of named columns: the JSON file holds the rows as objects, the CSV file the same values
 * in the same order, under column titles in the reader's language ({@code report.column.<name>}).
 */
public final class Table {

  private final List<String> columns;
  private final List<Map<String, Object>> rows = new ArrayList<>();

  public Table(String... columns) {
    this.columns = List.of(columns);
  }

  /** A row: one value per column, in the columns' order; null is an empty cell. */
  public Table row(Object... values) {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException("A row needs " + columns.size() + " values: " + Arrays.toString(values));
    }
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      row.put(columns.get(i), values[i]);
    }
    rows.add(row);
    return this;
  }

  public JsonArray json() {
    JsonArray out = new JsonArray();
    rows.forEach(row -> out.add(new JsonObject(new LinkedHashMap<>(row))));
    return out;
  }

  /**
   * For Excel in the reader's language: Dutch Excel opens a file by double-click only when it starts with a byte
   * order mark (else it reads UTF-8 as Windows-1252) and splits on semicolons (the comma is its decimal sign);
   * English Excel splits on commas. The same rule as the audit trail's CSV.
   */
  public String csv(String language) {
    CSVFormat format = CSVFormat.EXCEL.builder().setDelimiter(delimiter(language)).get();
    StringWriter out = new StringWriter().append('\uFEFF');
    try (CSVPrinter csv = new CSVPrinter(out, format)) {
      csv.printRecord(columns.stream().map(c -> I18n.text(language, "report.column." + c)).toList());
      for (Map<String, Object> row : rows) {
        csv.printRecord(columns.stream().map(c -> row.get(c) == null ? "" : String.valueOf(row.get(c))).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  public static char delimiter(String language) {
    return "nl".equals(language) ? ';' : ',';
  }
}
