package nl.leerkring.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleFragmenter;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;

import java.io.IOException;
import java.util.Map;

/**
 * The part of a text around the words found, as HTML: the text escaped, the words found in {@code <mark>}.
 * Nothing else of what someone wrote can become markup. Blocking only in the sense of CPU work.
 */
final class Snippets {

  static final String OPEN = "<mark>";
  static final String CLOSE = "</mark>";
  private static final int FRAGMENT_CHARS = 160;
  private static final int FRAGMENTS = 2;

  private final Map<String, Analyzer> byLanguage;

  Snippets(Analyzer dutch, Analyzer english) {
    this.byLanguage = Map.of(SearchAnalyzers.DUTCH, dutch, SearchAnalyzers.ENGLISH, english);
  }

  /** The best fragments where the words were found in Dutch form, else in English form, else the text's start. */
  String of(Query words, String text) {
    for (String field : new String[] {SearchAnalyzers.DUTCH, SearchAnalyzers.ENGLISH}) {
      Highlighter highlighter = new Highlighter(new SimpleHTMLFormatter(OPEN, CLOSE), new SimpleHTMLEncoder(),
          new QueryScorer(words, field));
      highlighter.setTextFragmenter(new SimpleFragmenter(FRAGMENT_CHARS));
      try {
        String[] fragments = highlighter.getBestFragments(byLanguage.get(field), field, text, FRAGMENTS);
        if (fragments.length > 0) {
          return String.join(" … ", fragments);
        }
      } catch (IOException | InvalidTokenOffsetsException e) {
        throw new IllegalStateException("Could not mark the words found in a text", e);
      }
    }
    String start = text.length() <= FRAGMENT_CHARS ? text : text.substring(0, FRAGMENT_CHARS) + "…";
    return SimpleHTMLEncoder.htmlEncode(start);
  }
}
