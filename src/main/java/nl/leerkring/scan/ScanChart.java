package nl.leerkring.scan;

import nl.leerkring.web.I18n;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The results as an SVG bar chart, drawn on the server so it works without JavaScript and prints: per block
 * its mean on the scale of 1 to 5, with the before measurement as a second, lighter bar where there is one.
 * The chart is an image with a short text alternative; the table under it holds every figure.
 */
public final class ScanChart {

  /** A little over a phone's width in CSS pixels, so that the chart's text reads at nearly the page's size there. */
  private static final int WIDTH = 420;
  private static final int LABEL_X = 8;
  private static final int BAR_X = 8;
  /** The length of a bar at 5, leaving room after the longest bar for its value and change. */
  private static final int BAR_MAX = 260;
  private static final int BAR_HEIGHT = 18;
  private static final String AFTER = "#0b5cad";
  private static final String BEFORE = "#6a87ab";
  private static final String INK = "#1a1a1a";

  private ScanChart() {
  }

  /** {@code changes} null: one round on its own. */
  public static String svg(String id, ScanStatistics.Results results, List<ScanStatistics.Change> changes,
                           String language) {
    boolean compare = changes != null;
    int rowHeight = compare ? 72 : 50;
    int height = results.blocks().size() * rowHeight + 16;
    StringBuilder svg = new StringBuilder()
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"100%\" viewBox=\"0 0 ")
        .append(WIDTH).append(' ').append(height).append("\" aria-labelledby=\"").append(id).append("-title ")
        .append(id).append("-desc\" font-family=\"system-ui, sans-serif\" font-size=\"15\">")
        .append("<title id=\"").append(id).append("-title\">")
        .append(escape(I18n.text(language, compare ? "scan.chart.compareTitle" : "scan.chart.title")))
        .append("</title><desc id=\"").append(id).append("-desc\">")
        .append(escape(I18n.text(language, "scan.chart.desc"))).append("</desc>");
    for (int i = 0; i < results.blocks().size(); i++) {
      ScanStatistics.BlockResult block = results.blocks().get(i);
      int top = 8 + i * rowHeight;
      int barY = top + 22;
      svg.append(text(LABEL_X, top + 14, block.block().title(language), "600"));
      if (!block.shown()) {
        svg.append(text(BAR_X, barY + BAR_HEIGHT - 4,
            I18n.text(language, "scan.results.withheld", results.threshold()), "400"));
        continue;
      }
      ScanStatistics.Change change = compare ? changes.get(i) : null;
      if (change != null && change.before() != null) {
        svg.append(bar(barY, change.before(), BEFORE,
            I18n.text(language, "scan.chart.before") + " " + ScanTable.number(change.before(), language)));
        barY += BAR_HEIGHT + 4;
      }
      String label = (compare ? I18n.text(language, "scan.chart.after") + " " : "")
          + ScanTable.number(block.mean(), language)
          + (change != null && change.change() != null ? " (" + ScanTable.signed(change.change(), language) + ")" : "");
      svg.append(bar(barY, block.mean(), AFTER, label));
    }
    return svg.append("</svg>").toString();
  }

  /** A bar from 0 to the mean's share of 5, with the value after it. */
  private static String bar(int y, BigDecimal mean, String colour, String label) {
    int width = mean.multiply(BigDecimal.valueOf(BAR_MAX)).divide(BigDecimal.valueOf(Tally.SCALE), 0,
        RoundingMode.HALF_UP).intValue();
    return "<rect x=\"" + BAR_X + "\" y=\"" + y + "\" width=\"" + width + "\" height=\"" + BAR_HEIGHT + "\" fill=\""
        + colour + "\"/>" + text(BAR_X + width + 6, y + BAR_HEIGHT - 4, label, "400");
  }

  private static String text(int x, int y, String content, String weight) {
    return "<text x=\"" + x + "\" y=\"" + y + "\" fill=\"" + INK + "\" font-weight=\"" + weight + "\">"
        + escape(content) + "</text>";
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
