package nl.leerkring.bench;

import nl.leerkring.search.SearchAtScale;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The search index at 1,000,000 field notes (1,000 communities of 20 people, one note in ten private): builds
 * it in a temporary directory, then times 3,000 queries (after 500 to warm up) as a search request runs them
 * once the caller is known: the index's query with the community and reader filters, and the snippets of the ten
 * best hits. Run: {@code mvn -q -Pbench test-compile exec:java -Dbench.main=nl.leerkring.bench.SearchBenchmark}
 * (optionally {@code -Dsearch.notes=100000}).
 */
public final class SearchBenchmark {

  private SearchBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int notes = Integer.getInteger("search.notes", 1_000_000);
    Path dir = Files.createTempDirectory("leerkring-search-bench");
    try {
      SearchAtScale scale = new SearchAtScale(notes, 1_000);
      double built = scale.build(dir);
      System.out.printf(Locale.ROOT, "Indexed %,d notes in %.1f s (%,.0f notes/s), index %.0f MB%n", notes, built,
          notes / built, SearchAtScale.sizeOf(dir) / 1e6);
      double[] millis = scale.query(dir, 500, 3_000, 42);
      System.out.printf(Locale.ROOT, "Query with filters and snippets: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
          SearchAtScale.percentile(millis, 50), SearchAtScale.percentile(millis, 99),
          SearchAtScale.percentile(millis, 100));
    } finally {
      try (Stream<Path> all = Files.walk(dir)) {
        all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
