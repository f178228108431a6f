package nl.leerkring.home;

import nl.leerkring.web.I18n;

import java.util.List;

/**
 * The facilitator's participation chart, drawn on the server so it works without JavaScript and prints: one row per
 * participant with three bars, the notes they shared, their answers to prompts and the sessions they attended. Notes
 * and answers share one scale (the highest count of either), so a longer bar is always more; attendance is a share of
 * the sessions held. Every bar carries its number, and a quiet member's row says "quiet" in words as well as in its
 * background, so nothing depends on colour. The chart is an image with a title and a description that names the
 * quiet members; the table next to it holds every figure.
 */
public final class ParticipationChart {

  /** One participant's row. */
  public record Member(String name, long notes, long answers, long attended, boolean quiet) {
  }

  /** A little over a phone's width in CSS pixels, so that the chart's text reads at nearly the page's size there. */
  static final int WIDTH = 450;
  static final int BAR_MAX = 52;
  private static final int NAME_X = 8;
  private static final int[] COLUMN_X = {160, 256, 360};
  private static final int HEADER = 28;
  private static final int ROW = 40;
  private static final int BAR_HEIGHT = 14;
  /** Longer names are cut short in the chart; the table shows them whole. */
  private static final int NAME_LENGTH = 20;
  private static final String[] COLOURS = {"#0b5cad", "#1e6b35", "#6a4c93"};
  private static final String INK = "#1d2433";
  private static final String MUTED = "#4a5468";
  private static final String QUIET_BACKGROUND = "#fff4e0";
  private static final String QUIET_INK = "#7a4b00";

  private ParticipationChart() {
  }

  public static String svg(String id, List<Member> members, int sessionsHeld, int weeks, String language) {
    long scale = Math.max(1, members.stream().mapToLong(m -> Math.max(m.notes(), m.answers())).max().orElse(0));
    int height = HEADER + members.size() * ROW + 4;
    StringBuilder svg = new StringBuilder()
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"100%\" viewBox=\"0 0 ")
        .append(WIDTH).append(' ').append(height)
        .append("\" aria-labelledby=\"").append(id).append("-title\" aria-describedby=\"").append(id).append("-desc\"")
        .append(" font-family=\"system-ui, sans-serif\" font-size=\"14\">")
        .append("<title id=\"").append(id).append("-title\">")
        .append(escape(I18n.text(language, "facilitator.chart.title", weeks))).append("</title>")
        .append("<desc id=\"").append(id).append("-desc\">")
        .append(escape(description(members, sessionsHeld, language))).append("</desc>");
    String[] headings = {I18n.text(language, "facilitator.notes"), I18n.text(language, "facilitator.answers"),
        I18n.text(language, "facilitator.attended")};
    for (int c = 0; c < headings.length; c++) {
      svg.append(text(COLUMN_X[c], 18, headings[c], INK, "600", 13));
    }
    for (int i = 0; i < members.size(); i++) {
      svg.append(row(members.get(i), HEADER + i * ROW, scale, sessionsHeld, language));
    }
    return svg.append("</svg>").toString();
  }

  private static String row(Member m, int top, long scale, int sessionsHeld, String language) {
    StringBuilder row = new StringBuilder("<g class=\"member").append(m.quiet() ? " quiet" : "").append("\">");
    if (m.quiet()) {
      row.append("<rect x=\"0\" y=\"").append(top).append("\" width=\"").append(WIDTH).append("\" height=\"")
          .append(ROW - 2).append("\" fill=\"").append(QUIET_BACKGROUND).append("\"/>");
      row.append(text(NAME_X, top + 33, I18n.text(language, "facilitator.quiet"), QUIET_INK, "700", 12));
    }
    row.append(text(NAME_X, top + 17, shortened(m.name()), INK, "400", 14));
    int barY = top + 6;
    row.append(bar(0, barY, width(m.notes(), scale), String.valueOf(m.notes()), m.notes() == 0));
    row.append(bar(1, barY, width(m.answers(), scale), String.valueOf(m.answers()), m.answers() == 0));
    row.append(sessionsHeld == 0 ? text(COLUMN_X[2], barY + BAR_HEIGHT - 2, "–", MUTED, "400", 13)
        : bar(2, barY, width(m.attended(), sessionsHeld), m.attended() + "/" + sessionsHeld, m.attended() == 0));
    return row.append("</g>").toString();
  }

  /** A bar's length: its count's share of the scale; nothing for zero, and never too short to see for one. */
  static int width(long count, long scale) {
    return count == 0 ? 0 : (int) Math.max(2, Math.round((double) Math.min(count, scale) * BAR_MAX / scale));
  }

  private static String bar(int column, int y, int width, String label, boolean zero) {
    String rect = width == 0 ? "" : "<rect class=\"bar\" x=\"" + COLUMN_X[column] + "\" y=\"" + y + "\" width=\""
        + width + "\" height=\"" + BAR_HEIGHT + "\" fill=\"" + COLOURS[column] + "\"/>";
    return rect + text(COLUMN_X[column] + width + (width == 0 ? 0 : 5), y + BAR_HEIGHT - 2, label,
        zero ? MUTED : INK, "400", 13);
  }

  private static String description(List<Member> members, int sessionsHeld, String language) {
    List<String> quiet = members.stream().filter(Member::quiet).map(Member::name).toList();
    String desc = I18n.text(language, "facilitator.chart.desc", sessionsHeld);
    return quiet.isEmpty() ? desc + " " + I18n.text(language, "facilitator.chart.noneQuiet")
        : desc + " " + I18n.text(language, "facilitator.chart.quiet", String.join(", ", quiet));
  }

  private static String shortened(String name) {
    return name.codePointCount(0, name.length()) <= NAME_LENGTH ? name
        : name.substring(0, name.offsetByCodePoints(0, NAME_LENGTH - 1)) + "…";
  }

  private static String text(int x, int y, String content, String fill, String weight, int size) {
    return "<text x=\"" + x + "\" y=\"" + y + "\" fill=\"" + fill + "\" font-weight=\"" + weight + "\" font-size=\""
        + size + "\">" + escape(content) + "</text>";
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
