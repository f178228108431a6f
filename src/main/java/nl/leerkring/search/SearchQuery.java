package nl.leerkring.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.util.Map;

/**
 * What a person asks: their words, and the filters (kind, cycle, question). Words are read as people type
 * them into a search box: every word must occur (in Dutch or English form), "quoted words" as a phrase, and
 * -word excludes; nothing a person types is a syntax error.
 */
record SearchQuery(String words, SearchKind kind, Integer cycle, String questionId) {

  /** The words alone, for finding and for marking them in snippets. */
  Query text(Analyzer analyzer) {
    SimpleQueryParser parser = new SimpleQueryParser(analyzer,
        Map.of(SearchAnalyzers.DUTCH, 1f, SearchAnalyzers.ENGLISH, 1f));
    parser.setDefaultOperator(BooleanClause.Occur.MUST);
    return parser.parse(words);
  }

  /**
   * The words within one community, among what {@code readerId} may read there (what its author shares with
   * everyone, and the reader's own), with the filters chosen.
   */
  Query within(Analyzer analyzer, String communityId, String readerId) {
    BooleanQuery.Builder readers = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(SearchIndex.READER, SearchDocument.EVERYONE)), BooleanClause.Occur.SHOULD)
        .add(new TermQuery(new Term(SearchIndex.READER, readerId)), BooleanClause.Occur.SHOULD);
    BooleanQuery.Builder query = new BooleanQuery.Builder()
        .add(text(analyzer), BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term(SearchIndex.COMMUNITY, communityId)), BooleanClause.Occur.FILTER)
        .add(readers.build(), BooleanClause.Occur.FILTER);
    if (kind != null) {
      query.add(new TermQuery(new Term(SearchIndex.KIND, kind.value())), BooleanClause.Occur.FILTER);
    }
    if (cycle != null) {
      query.add(new TermQuery(new Term(SearchIndex.CYCLE, String.valueOf(cycle))), BooleanClause.Occur.FILTER);
    }
    if (questionId != null) {
      query.add(new TermQuery(new Term(SearchIndex.QUESTION, questionId)), BooleanClause.Occur.FILTER);
    }
    return query.build();
  }
}
