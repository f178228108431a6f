package nl.leerkring.search;

import nl.leerkring.fieldnote.Note;
import nl.leerkring.fieldnote.NoteKind;
import nl.leerkring.fieldnote.Visibility;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The search index at the scale of a large installation, for {@code bench.SearchBenchmark}: field notes from a
 * generator that writes as technicians do (a situation, what was measured or tried, a number with its unit),
 * spread over communities of twenty people, one in ten private. A query is what a search request does once
 * the caller is known: the index's query with the community and reader filters, then the snippets of the ten
 * best hits (their text regenerated, as the store would return it).
 */
public final class SearchAtScale {

  private static final String[] SUBJECTS = {"de warmtepomp", "het buffervat", "de buitenunit", "de stooklijn",
      "de aanvoertemperatuur", "het expansievat", "de vloerverwarming", "de radiatoren", "de circulatiepomp",
      "de thermostaat", "het afgiftesysteem", "de condensafvoer", "de warmtewisselaar", "de boiler", "de klant",
      "de monteur", "het typeplaatje", "de inregeling", "de regelaar", "de flowmeter"};
  private static final String[] VERBS = {"gemeten", "verlaagd", "ingesteld", "gecontroleerd", "vervangen",
      "ontlucht", "uitgelegd", "besproken", "gespoeld", "opgeschreven", "geprobeerd", "aangepast", "bijgevuld",
      "afgesteld", "nagekeken"};
  private static final String[] CONTEXTS = {"bij de familie Jansen", "in een jaren-70 woning", "na de oplevering",
      "tijdens de storing", "op verzoek van de servicedienst", "in de kruipruimte", "op zolder", "bij vorst",
      "in de nacht", "na het vullen", "met de klemthermometer", "volgens de handleiding", "samen met Ahmed"};
  private static final String[] OUTCOMES = {"pendelt niet meer", "draait langer maar zuiniger",
      "blijft warm genoeg", "geeft een foutcode", "maakt minder geluid", "verbruikt 15 % minder",
      "moet opnieuw worden ingeregeld", "was verkeerd aangesloten", "stond te hoog", "werkt naar behoren"};
  private static final String[] UNITS = {"°C", "bar", "l/h", "kW", "%"};
  /** What people type: stems in other forms than written, the words alone, phrases and pairs. */
  private static final String[] QUERIES = {"meten", "gemeten", "buffervat", "stooklijn verlaagd", "ontluchten",
      "warmtepomp pendelt", "\"de buitenunit\"", "condensafvoer vorst", "klemthermometer", "expansievat bijvullen",
      "aanvoertemperatuur", "radiator", "storing foutcode", "circulatiepomp vervangen", "jansen",
      "inregelen handleiding", "flowmeter", "thermostaat afstellen", "zuiniger", "typeplaatje"};

  private final int notes;
  private final int communities;
  private final int membersPerCommunity = 20;

  public SearchAtScale(int notes, int communities) {
    this.notes = notes;
    this.communities = communities;
  }

  /** The text of note {@code i}, the same each time it is asked for. */
  static String text(int i) {
    Random random = new Random(i * 7919L + 17);
    StringBuilder out = new StringBuilder();
    int sentences = 1 + random.nextInt(3);
    for (int s = 0; s < sentences; s++) {
      String subject = pick(random, SUBJECTS);
      out.append(Character.toUpperCase(subject.charAt(0))).append(subject.substring(1)).append(' ')
          .append(pick(random, VERBS)).append(' ').append(pick(random, CONTEXTS)).append(": ")
          .append(10 + random.nextInt(60)).append(' ').append(pick(random, UNITS)).append(", ")
          .append(pick(random, SUBJECTS)).append(' ').append(pick(random, OUTCOMES)).append(". ");
    }
    return out.toString().strip();
  }

  private static String pick(Random random, String[] words) {
    return words[random.nextInt(words.length)];
  }

  private String community(int i) {
    return "c-" + (i % communities);
  }

  private String author(int i) {
    return community(i) + "-p" + ((i / communities) % membersPerCommunity);
  }

  Note note(int i) {
    Visibility visibility = i % 10 == 0 ? Visibility.PRIVATE : Visibility.COMMUNITY;
    return new Note("n" + i, community(i), 1 + (i / communities) % 6, author(i), "Persoon " + i % 97,
        NoteKind.OBSERVATION, text(i), null, null, visibility, List.of(), List.of(), null, null,
        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i * 60L), null);
  }

  /** Builds the index in {@code dir} and gives the seconds it took. */
  public double build(Path dir) throws IOException {
    long started = System.nanoTime();
    try (SearchIndex index = SearchIndex.open(dir, SearchAnalyzers.perField())) {
      index.startRebuild();
      List<SearchDocument> batch = new ArrayList<>();
      for (int i = 0; i < notes; i++) {
        batch.add(SearchDocument.of(note(i)));
        if (batch.size() == 10_000) {
          index.put(batch);
          batch.clear();
        }
      }
      index.put(batch);
      index.finishRebuild();
    }
    return (System.nanoTime() - started) / 1e9;
  }

  /** Runs {@code warmUp} then {@code count} queries on the index in {@code dir}; the milliseconds of each. */
  public double[] query(Path dir, int warmUp, int count, long seed) throws IOException {
    Analyzer analyzer = SearchAnalyzers.perField();
    Snippets snippets = new Snippets(SearchAnalyzers.dutch(), SearchAnalyzers.english());
    Random random = new Random(seed);
    double[] millis = new double[count];
    long hits = 0;
    try (SearchIndex index = SearchIndex.open(dir, analyzer)) {
      for (int q = 0; q < warmUp + count; q++) {
        int someone = random.nextInt(notes);
        SearchKind kind = random.nextInt(4) == 0 ? SearchKind.NOTE : null;
        SearchQuery query = new SearchQuery(pick(random, QUERIES), kind, null, null);
        long started = System.nanoTime();
        Query find = query.within(analyzer, community(someone), author(someone));
        SearchIndex.Hits found = index.search(find, 0, SearchService.DEFAULT_LIMIT);
        Query words = query.text(analyzer);
        for (String key : found.keys()) {
          snippets.of(words, text(Integer.parseInt(key.substring("notes/n".length()))));
        }
        double took = (System.nanoTime() - started) / 1e6;
        if (q >= warmUp) {
          millis[q - warmUp] = took;
          hits += found.total();
        }
      }
    }
    System.out.printf(Locale.ROOT, "%,d queries, on average %,.0f hits each%n", count, (double) hits / count);
    return millis;
  }

  public static long sizeOf(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.mapToLong(f -> f.toFile().length()).sum();
    }
  }

  public static double percentile(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)];
  }
}
