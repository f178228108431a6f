package nl.leerkring.search;

import nl.leerkring.fieldnote.Note;
import nl.leerkring.fieldnote.NoteKind;
import nl.leerkring.fieldnote.Visibility;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The analysers, the snippets and the index's filters, without a server. */
@DisplayName("Search: stemming, snippets and who finds what in the index")
class SearchIndexTest {

  private final Analyzer analyzer = SearchAnalyzers.perField();

  @Test
  @DisplayName("Dutch stemming takes off the ge- of a past participle: \"gemeten\" and \"meten\" meet, as do "
      + "\"gevraagd\" and \"vragen\"")
  void dutchStems() throws IOException {
    Analyzer dutch = SearchAnalyzers.dutch();
    assertEquals(terms(dutch, "meten"), terms(dutch, "gemeten"));
    assertEquals(terms(dutch, "vragen"), terms(dutch, "gevraagd"));
    assertEquals(List.of(), terms(dutch, "de het een"), "Dutch stop words are left out");
    assertNotEquals(terms(dutch, "meten"), terms(dutch, "mest"));
  }

  @Test
  @DisplayName("English stemming: \"measured\" finds \"measuring\"")
  void englishStems() throws IOException {
    Analyzer english = SearchAnalyzers.english();
    assertEquals(terms(english, "measuring"), terms(english, "measured"));
  }

  @Test
  @DisplayName("A snippet escapes everything someone wrote; only the words found are marked")
  void snippetsEscape() {
    Snippets snippets = new Snippets(SearchAnalyzers.dutch(), SearchAnalyzers.english());
    SearchQuery query = new SearchQuery("gemeten", null, null, null);
    String snippet = snippets.of(query.text(analyzer),
        "<script>alert('x')</script> We hebben de druk gemeten & \"genoteerd\" <b>vet</b>");
    assertTrue(snippet.contains("<mark>gemeten</mark>"), snippet);
    assertFalse(snippet.contains("<script>"), snippet);
    assertFalse(snippet.contains("<b>"), snippet);
    assertTrue(snippet.contains("&lt;script&gt;") && snippet.contains("&amp;") && snippet.contains("&quot;"), snippet);
    assertEquals(snippet.replace("<mark>", "").replace("</mark>", "").indexOf('<'), -1, snippet);
  }

  @Test
  @DisplayName("Without a match in the text (a filter found it), the snippet is the escaped start of the text")
  void snippetWithoutMatch() {
    Snippets snippets = new Snippets(SearchAnalyzers.dutch(), SearchAnalyzers.english());
    String snippet = snippets.of(new SearchQuery("warmtepomp", null, null, null).text(analyzer), "a < b");
    assertEquals("a &lt; b", snippet);
  }

  @Test
  @DisplayName("The index finds a shared note by its stem, and someone's private note only for its author, never in "
      + "another community")
  void whoFindsWhat(@TempDir Path dir) throws IOException {
    try (SearchIndex index = SearchIndex.open(dir, analyzer)) {
      index.put(List.of(
          SearchDocument.of(note("n-shared", "c-1", "sanne", Visibility.COMMUNITY, "Druk gemeten bij de buitenunit")),
          SearchDocument.of(note("n-private", "c-1", "kees", Visibility.PRIVATE, "Ik heb de druk zelf gemeten")),
          SearchDocument.of(note("n-elsewhere", "c-2", "anouk", Visibility.COMMUNITY, "Bloeddruk gemeten"))));
      index.publish();
      assertEquals(List.of("notes/n-shared"), keys(index, "meten", "c-1", "sanne"));
      assertEquals(List.of("notes/n-private", "notes/n-shared"), sorted(keys(index, "meten", "c-1", "kees")));
      assertEquals(List.of(), keys(index, "\"druk zelf gemeten\"", "c-1", "sanne"), "not even by its exact words");
      assertEquals(List.of("notes/n-elsewhere"), keys(index, "gemeten", "c-2", "anouk"));

      index.put(List.of(SearchDocument.of(note("n-shared", "c-1", "sanne", Visibility.PRIVATE,
          "Druk gemeten bij de buitenunit"))));
      index.publish();
      assertEquals(List.of(), keys(index, "meten", "c-1", "fenna"), "made private later: gone for the others");
      index.remove(List.of("notes/n-private"));
      index.publish();
      assertEquals(List.of("notes/n-shared"), keys(index, "meten", "c-1", "sanne"));
    }
  }

  @Test
  @DisplayName("An index closed cleanly opens as it was; a missing, unreadable or uncleanly closed one asks to be rebuilt")
  void rebuildWhenNeeded(@TempDir Path dir) throws IOException {
    Path indexDir = dir.resolve("search");
    try (SearchIndex index = SearchIndex.open(indexDir, analyzer)) {
      assertTrue(index.needsRebuild(), "a new index is empty");
      index.put(List.of(SearchDocument.of(note("n-1", "c-1", "sanne", Visibility.COMMUNITY, "buffervat"))));
      index.publish();
    }
    try (SearchIndex index = SearchIndex.open(indexDir, analyzer)) {
      assertFalse(index.needsRebuild());
      assertEquals(List.of("notes/n-1"), keys(index, "buffervat", "c-1", "sanne"));
    }
    Files.writeString(indexDir.resolve("in-use"), "as a crash leaves it");
    try (SearchIndex index = SearchIndex.open(indexDir, analyzer)) {
      assertTrue(index.needsRebuild(), "not closed cleanly");
    }
    try (Stream<Path> files = Files.list(indexDir)) {
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith("segments")).toList()) {
        Files.write(file, new byte[] {1, 2, 3, 4});
      }
    }
    try (SearchIndex index = SearchIndex.open(indexDir, analyzer)) {
      assertTrue(index.needsRebuild(), "unreadable");
      assertEquals(List.of(), keys(index, "buffervat", "c-1", "sanne"));
    }
  }

  private List<String> keys(SearchIndex index, String words, String communityId, String readerId) throws IOException {
    return index.search(new SearchQuery(words, null, null, null).within(analyzer, communityId, readerId), 0, 10).keys();
  }

  private static List<String> sorted(List<String> keys) {
    return keys.stream().sorted().toList();
  }

  private static Note note(String id, String communityId, String author, Visibility visibility, String text) {
    return new Note(id, communityId, 1, author, author, NoteKind.OBSERVATION, text, null, null, visibility, List.of(),
        List.of(), null, null, Instant.parse("2026-11-30T10:00:00Z"), null);
  }

  private static List<String> terms(Analyzer analyzer, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("t", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        out.add(term.toString());
      }
      stream.end();
    }
    return out;
  }
}
