package nl.leerkring.scan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a round's answers add up to, and all that is kept of them: per statement how often each point of the
 * scale (and "don't know") was chosen, per block how many people gave it at least one point on the scale, and
 * how many answered at all. No single answer, no person and no time survive in it.
 */
public record Tally(int respondents, Map<String, int[]> counts, Map<String, Integer> blockRespondents) {

  /** The value of "weet ik niet" / "don't know"; 1 to 5 are the scale. */
  public static final int DONT_KNOW = 0;
  public static final int SCALE = 5;

  public Tally {
    counts = Map.copyOf(counts);
    blockRespondents = Map.copyOf(blockRespondents);
  }

  public static Tally empty() {
    return new Tally(0, Map.of(), Map.of());
  }

  /** How often {@code value} was chosen for the statement. */
  public int count(String statementKey, int value) {
    int[] chosen = counts.get(statementKey);
    return chosen == null ? 0 : chosen[value];
  }

  public int respondents(String blockKey) {
    return blockRespondents.getOrDefault(blockKey, 0);
  }

  /** A person counts as an answer in a block when they placed at least one of its statements on the scale. */
  static List<String> answeredBlocks(QuestionSet set, Map<String, Integer> answers) {
    return set.blocks().stream()
        .filter(b -> b.statements().stream().anyMatch(s -> answers.getOrDefault(s.key(), DONT_KNOW) != DONT_KNOW))
        .map(QuestionSet.Block::key).toList();
  }

  /** This tally with one more complete answer: what the store's increments do, in memory. */
  public Tally plus(QuestionSet set, Map<String, Integer> answers) {
    Map<String, int[]> more = new HashMap<>();
    counts.forEach((key, chosen) -> more.put(key, chosen.clone()));
    answers.forEach((key, value) -> more.computeIfAbsent(key, k -> new int[SCALE + 1])[value]++);
    Map<String, Integer> blocks = new HashMap<>(blockRespondents);
    answeredBlocks(set, answers).forEach(key -> blocks.merge(key, 1, Integer::sum));
    return new Tally(respondents + 1, more, blocks);
  }
}
