package nl.leerkring.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.tartarus.snowball.ext.KpStemmer;

import java.util.Map;

/**
 * Every text is indexed twice, once read as Dutch and once as English, so that a community that writes in
 * either language finds a word by its stem without telling us which language it writes in.
 * <p>
 * Dutch uses the Kraaij-Pohlmann stemmer (Snowball's {@code kraaij_pohlmann}), not Snowball's default Dutch one:
 * only Kraaij-Pohlmann takes the "ge-" of a past participle off, so "gemeten" finds "meten" and "gevraagd"
 * finds "vragen".
 */
final class SearchAnalyzers {

  static final String DUTCH = "nl";
  static final String ENGLISH = "en";

  private SearchAnalyzers() {
  }

  static Analyzer dutch() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(source);
        stream = new StopFilter(stream, DutchAnalyzer.getDefaultStopSet());
        return new TokenStreamComponents(source, new SnowballFilter(stream, new KpStemmer()));
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
      }
    };
  }

  static Analyzer english() {
    return new EnglishAnalyzer();
  }

  /** The two text fields by their language; every other field is an exact value (ids, kinds, numbers). */
  static Analyzer perField() {
    return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), Map.of(DUTCH, dutch(), ENGLISH, english()));
  }
}
