package nl.leerkring.home;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The facilitator's participation chart")
class ParticipationChartTest {

  private static final List<ParticipationChart.Member> MEMBERS = List.of(
      new ParticipationChart.Member("Sanne Visser", 4, 1, 2, false),
      new ParticipationChart.Member("Mehmet Yilmaz", 2, 0, 1, false),
      new ParticipationChart.Member("Kees de Vries", 0, 0, 0, true));

  @Test
  @DisplayName("Notes and answers share one scale: the most of either fills the bar, half as many half of it")
  void sharedScale() throws Exception {
    Document chart = parse(ParticipationChart.svg("c", MEMBERS, 2, 6, "nl"));
    List<Integer> sanne = barWidths(row(chart, 0));
    List<Integer> mehmet = barWidths(row(chart, 1));
    // Sanne: 4 notes (the most), 1 answer, 2 of 2 sessions; Mehmet: 2 notes, no answer (no bar), 1 of 2 sessions.
    assertEquals(List.of(ParticipationChart.BAR_MAX, 13, ParticipationChart.BAR_MAX), sanne);
    assertEquals(List.of(26, 26), mehmet);
    assertTrue(row(chart, 1).getTextContent().contains("1/2"), "attendance says how many of the sessions held");
  }

  @Test
  @DisplayName("A quiet member's row says so in words, and the description names the quiet members")
  void quietMembers() throws Exception {
    Document chart = parse(ParticipationChart.svg("c", MEMBERS, 2, 6, "nl"));
    Element kees = row(chart, 2);
    assertEquals("member quiet", kees.getAttribute("class"));
    assertTrue(kees.getTextContent().contains("stil"));
    assertEquals(List.of(), barWidths(kees), "nothing to show is no bar");
    assertEquals("member", row(chart, 0).getAttribute("class"));
    assertTrue(!row(chart, 0).getTextContent().contains("stil"));
    assertTrue(text(chart, "desc").endsWith("Stil: Kees de Vries."), text(chart, "desc"));
    assertEquals("Participation per participant over the last 6 weeks",
        text(parse(ParticipationChart.svg("c", MEMBERS, 2, 6, "en")), "title"));
  }

  @Test
  @DisplayName("The chart is an image named by its title and described by its description")
  void accessibleImage() throws Exception {
    Element svg = parse(ParticipationChart.svg("chart-x", MEMBERS, 2, 6, "nl")).getDocumentElement();
    assertEquals("img", svg.getAttribute("role"));
    assertEquals("chart-x-title", svg.getAttribute("aria-labelledby"));
    assertEquals("chart-x-desc", svg.getAttribute("aria-describedby"));
  }

  @Test
  @DisplayName("Without a session held attendance shows a dash, and names are escaped and cut short")
  void noSessionsAndLongNames() throws Exception {
    String svg = ParticipationChart.svg("c", List.of(
        new ParticipationChart.Member("Anne-Marie <van> den Berg-Hoogendoorn", 1, 0, 0, false)), 0, 6, "nl");
    Document chart = parse(svg);
    assertEquals(List.of(ParticipationChart.BAR_MAX), barWidths(row(chart, 0)));
    assertTrue(row(chart, 0).getTextContent().contains("–"));
    assertTrue(row(chart, 0).getTextContent().contains("Anne-Marie <van> de…"));
  }

  @Test
  @DisplayName("A single note among many is still a visible bar")
  void smallestBar() {
    assertEquals(2, ParticipationChart.width(1, 200));
    assertEquals(0, ParticipationChart.width(0, 200));
    assertEquals(ParticipationChart.BAR_MAX, ParticipationChart.width(200, 200));
  }

  private static Document parse(String svg) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  private static Element row(Document chart, int index) {
    return (Element) chart.getElementsByTagName("g").item(index);
  }

  private static List<Integer> barWidths(Element row) {
    NodeList rects = row.getElementsByTagName("rect");
    List<Integer> widths = new ArrayList<>();
    for (int i = 0; i < rects.getLength(); i++) {
      Element rect = (Element) rects.item(i);
      if ("bar".equals(rect.getAttribute("class"))) {
        widths.add(Integer.parseInt(rect.getAttribute("width")));
      }
    }
    return widths;
  }

  private static String text(Document chart, String tag) {
    return chart.getElementsByTagName(tag).item(0).getTextContent();
  }
}
