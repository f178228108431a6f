package nl.leerkring.scan;

import io.vertx.core.json.JsonObject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Scan results: the statistics and the anonymity threshold, without a server")
class ScanStatisticsTest {

  private static final int THRESHOLD = 5;

  /** Four blocks: two statements in "work", one in each of the others. */
  private static final QuestionSet SET = QuestionSet.parse(new JsonObject("""
      {"id": "test-set", "title": {"nl": "Test", "en": "Test"}, "blocks": [
        {"key": "work", "title": {"nl": "Werk", "en": "Work"}, "statements": [
          {"key": "work-1", "nl": "a", "en": "a"}, {"key": "work-2", "nl": "b", "en": "b"}]},
        {"key": "safety", "title": {"nl": "Veiligheid", "en": "Safety"}, "statements": [{"key": "safety-1", "nl": "c", "en": "c"}]},
        {"key": "team", "title": {"nl": "Team", "en": "Team"}, "statements": [{"key": "team-1", "nl": "d", "en": "d"}]},
        {"key": "lead", "title": {"nl": "Leiding", "en": "Leading"}, "statements": [{"key": "lead-1", "nl": "e", "en": "e"}]}
      ]}"""));

  private static Map<String, Integer> answers(int work1, int work2, int safety, int team, int lead) {
    Map<String, Integer> answers = new HashMap<>();
    answers.put("work-1", work1);
    answers.put("work-2", work2);
    answers.put("safety-1", safety);
    answers.put("team-1", team);
    answers.put("lead-1", lead);
    return answers;
  }

  private static Tally tally(List<Map<String, Integer>> all) {
    Tally tally = Tally.empty();
    for (Map<String, Integer> one : all) {
      tally = tally.plus(SET, one);
    }
    return tally;
  }

  private static List<Map<String, Integer>> same(int people, Map<String, Integer> answers) {
    List<Map<String, Integer>> all = new ArrayList<>();
    for (int i = 0; i < people; i++) {
      all.add(answers);
    }
    return all;
  }

  @Test
  @DisplayName("Four people's answers show nothing, not even per block; five show every block")
  void fourShowNothingFiveShowAll() {
    ScanStatistics.Results four = ScanStatistics.of(SET, tally(same(4, answers(4, 4, 4, 4, 4))), THRESHOLD);
    assertFalse(four.shown());
    assertEquals(4, four.respondents());
    assertTrue(four.blocks().stream().noneMatch(ScanStatistics.BlockResult::shown));
    assertTrue(four.blocks().stream().allMatch(b -> b.mean() == null && b.distribution() == null && b.respondents() == null));
    assertEquals(List.of(), four.attention());

    ScanStatistics.Results five = ScanStatistics.of(SET, tally(same(5, answers(4, 4, 4, 4, 4))), THRESHOLD);
    assertTrue(five.shown());
    assertTrue(five.blocks().stream().allMatch(ScanStatistics.BlockResult::shown));
  }

  @Test
  @DisplayName("A block that fewer than five placed on the scale (the others said don't know) is withheld on its own")
  void dontKnowCountsAgainstTheBlock() {
    List<Map<String, Integer>> all = new ArrayList<>(same(4, answers(3, 3, 3, 3, 3)));
    all.add(answers(3, 3, Tally.DONT_KNOW, 3, 3));
    ScanStatistics.Results results = ScanStatistics.of(SET, tally(all), THRESHOLD);
    assertTrue(results.shown());
    ScanStatistics.BlockResult safety = results.blocks().get(1);
    assertFalse(safety.shown());
    assertNull(safety.mean());
    assertTrue(results.blocks().get(0).shown());
    assertEquals(5, results.blocks().get(0).respondents());
  }

  @Test
  @DisplayName("Mean, distribution and number of answers per block, don't know left out of the mean")
  void meanAndDistribution() {
    List<Map<String, Integer>> all = List.of(
        answers(1, 2, 5, 4, 2),
        answers(2, 3, 5, 4, 2),
        answers(3, Tally.DONT_KNOW, 4, 4, 3),
        answers(4, 4, 4, 3, 3),
        answers(5, 5, 3, 3, 1),
        answers(5, 5, 5, 2, 1));
    ScanStatistics.Results results = ScanStatistics.of(SET, tally(all), THRESHOLD);
    ScanStatistics.BlockResult work = results.blocks().get(0);
    // 1+2+2+3+3+4+4+5+5+5+5 = 39 over 11 answers on the scale = 3.545...
    assertEquals(new BigDecimal("3.5"), work.mean());
    assertEquals(6, work.respondents());
    assertArrayEquals(new int[] {1, 1, 2, 2, 2, 4}, work.distribution());
    assertEquals(new BigDecimal("4.3"), results.blocks().get(1).mean()); // 26 / 6
    assertEquals(new BigDecimal("3.3"), results.blocks().get(2).mean()); // 20 / 6
    assertEquals(new BigDecimal("2.0"), results.blocks().get(3).mean()); // 12 / 6
    assertEquals(List.of("lead", "team", "work"), results.attention(), "the three lowest means, lowest first");
  }

  @Test
  @DisplayName("Before and after: the change per block is the difference of the means people read")
  void changes() {
    ScanStatistics.Results before = ScanStatistics.of(SET, tally(List.of(answers(2, 2, 3, 4, 1), answers(2, 2, 3, 4, 1),
        answers(2, 2, 3, 4, 1), answers(3, 3, 3, 4, 1), answers(3, 3, 3, 4, 1))), THRESHOLD);
    List<Map<String, Integer>> afterAnswers = new ArrayList<>(same(4, answers(4, 4, 3, 3, 2)));
    afterAnswers.add(answers(4, 4, 3, Tally.DONT_KNOW, 2));
    ScanStatistics.Results after = ScanStatistics.of(SET, tally(afterAnswers), THRESHOLD);
    List<ScanStatistics.Change> changes = ScanStatistics.compare(before, after);
    assertEquals(new BigDecimal("2.4"), changes.get(0).before());
    assertEquals(new BigDecimal("4.0"), changes.get(0).after());
    assertEquals(new BigDecimal("1.6"), changes.get(0).change());
    assertEquals(new BigDecimal("0.0"), changes.get(1).change());
    assertNull(changes.get(2).change(), "team is withheld after (4 answers), so it has no change");
    assertEquals(new BigDecimal("1.0"), changes.get(3).change());
  }

  @Test
  @DisplayName("The table is what the CSV holds: read back, the file has the same cells, Dutch decimals and all")
  void csvEqualsTable() throws IOException {
    ScanStatistics.Results before = ScanStatistics.of(SET, tally(same(5, answers(2, 3, 3, 4, 1))), THRESHOLD);
    List<Map<String, Integer>> afterAnswers = new ArrayList<>(same(4, answers(4, 4, 3, 3, 2)));
    afterAnswers.add(answers(4, 4, 3, Tally.DONT_KNOW, 2));
    ScanStatistics.Results after = ScanStatistics.of(SET, tally(afterAnswers), THRESHOLD);
    ScanTable table = ScanTable.of(after, ScanStatistics.compare(before, after), "nl");
    assertEquals(List.of("Werk", "5", "4,0", "0", "0", "0", "10", "0", "0", "2,5", "+1,5"), table.rows().get(0));
    assertEquals(List.of("Team", "", "minder dan 5 antwoorden", "", "", "", "", "", "", "4,0", ""), table.rows().get(2));

    String csv = table.csv("nl");
    assertTrue(csv.startsWith("\uFEFF"), "a byte order mark for Dutch Excel");
    List<CSVRecord> read = CSVFormat.EXCEL.builder().setDelimiter(';').get().parse(new StringReader(csv.substring(1)))
        .getRecords();
    assertEquals(table.header(), read.get(0).toList());
    for (int i = 0; i < table.rows().size(); i++) {
      assertEquals(table.rows().get(i), read.get(i + 1).toList());
    }
    assertEquals(table.rows().size() + 1, read.size());
  }

  @Test
  @DisplayName("The question set ships as data: seven building blocks of three to five statements, in Dutch and English")
  void theShippedSet() {
    QuestionSet set = QuestionSets.load().get("leercultuur-7");
    assertEquals(7, set.blocks().size());
    set.blocks().forEach(b -> assertTrue(b.statements().size() >= 3 && b.statements().size() <= 5, b.key()));
    set.blocks().forEach(b -> b.statements().forEach(s -> assertFalse(s.text("en").equals(s.text("nl")), s.key())));
    assertThrows(IllegalArgumentException.class, () -> QuestionSet.parse(new JsonObject("""
        {"id": "bad", "title": {"nl": "x", "en": "x"}, "blocks": [{"key": "a.b", "title": {"nl": "x", "en": "x"},
         "statements": [{"key": "s", "nl": "x", "en": "x"}]}]}""")), "a key that cannot be a stored field name");
  }
}
