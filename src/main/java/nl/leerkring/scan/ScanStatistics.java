package nl.leerkring.scan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Results of a round from its tally, under one anonymity rule: nothing is shown of a round that fewer than
 * {@code threshold} people answered, and nothing of a block (its mean, distribution or number of answers)
 * that fewer than {@code threshold} of them placed on the scale. Means are rounded to one decimal, and a
 * change is the difference of the rounded means, so that what people read adds up.
 */
public final class ScanStatistics {

  /** How many blocks the results point at as needing attention. */
  static final int ATTENTION = 3;

  private ScanStatistics() {
  }

  /**
   * One block's results; {@code shown} false means the rest is withheld (null). {@code distribution} counts
   * the block's answers per value: index 0 "don't know", 1 to 5 the scale.
   */
  public record BlockResult(QuestionSet.Block block, boolean shown, Integer respondents, BigDecimal mean,
                            int[] distribution) {
  }

  public record Results(int respondents, int threshold, boolean shown, List<BlockResult> blocks, List<String> attention) {
  }

  /** A block's rounded means in two rounds and their difference; null where either is withheld. */
  public record Change(QuestionSet.Block block, BigDecimal before, BigDecimal after, BigDecimal change) {
  }

  public static Results of(QuestionSet set, Tally tally, int threshold) {
    boolean shown = tally.respondents() >= threshold;
    List<BlockResult> blocks = new ArrayList<>();
    for (QuestionSet.Block block : set.blocks()) {
      int respondents = tally.respondents(block.key());
      if (!shown || respondents < threshold) {
        blocks.add(new BlockResult(block, false, null, null, null));
        continue;
      }
      int[] distribution = new int[Tally.SCALE + 1];
      long sum = 0;
      int scaled = 0;
      for (QuestionSet.Statement statement : block.statements()) {
        for (int v = 0; v <= Tally.SCALE; v++) {
          int count = tally.count(statement.key(), v);
          distribution[v] += count;
          if (v != Tally.DONT_KNOW) {
            sum += (long) v * count;
            scaled += count;
          }
        }
      }
      BigDecimal mean = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(scaled), 1, RoundingMode.HALF_UP);
      blocks.add(new BlockResult(block, true, respondents, mean, distribution));
    }
    return new Results(tally.respondents(), threshold, shown, blocks, attention(blocks));
  }

  /** The shown blocks with the lowest means, lowest first; of equal means the first in the set. */
  private static List<String> attention(List<BlockResult> blocks) {
    return blocks.stream().filter(BlockResult::shown)
        .sorted(Comparator.comparing(BlockResult::mean))
        .limit(ATTENTION).map(b -> b.block().key()).toList();
  }

  /** Block by block, for two rounds on the same question set. */
  public static List<Change> compare(Results before, Results after) {
    List<Change> changes = new ArrayList<>();
    for (int i = 0; i < after.blocks().size(); i++) {
      BlockResult b = before.blocks().get(i);
      BlockResult a = after.blocks().get(i);
      BigDecimal change = b.shown() && a.shown() ? a.mean().subtract(b.mean()) : null;
      changes.add(new Change(a.block(), b.mean(), a.mean(), change));
    }
    return changes;
  }
}
