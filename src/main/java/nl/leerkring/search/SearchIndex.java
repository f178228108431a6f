package nl.leerkring.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Lucene index in the data directory. It holds no text to show (answers read the current text from the
 * store), only what a query needs: the analysed text in Dutch and English, and exact fields to filter by.
 * Blocking: call it on a worker thread. Writes are made visible to searches by {@link #publish} and durable by
 * {@link #commit}; an index that was not closed cleanly, not finished, missing or unreadable asks to be rebuilt.
 */
final class SearchIndex implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);
  static final String KEY = "key";
  static final String KIND = "kind";
  static final String COMMUNITY = "community";
  static final String CYCLE = "cycle";
  static final String QUESTION = "question";
  static final String READER = "reader";
  /** Present while a process has the index open; left behind by a crash, when recent changes may be missing. */
  private static final String IN_USE = "in-use";
  /** Commit data: the index holds everything the store held when it was built. */
  private static final String COMPLETE = "complete";

  private final Path dir;
  private final FSDirectory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final boolean needsRebuild;
  private final boolean complete;
  private boolean rebuilding;
  private boolean purge;

  private SearchIndex(Path dir, FSDirectory directory, IndexWriter writer, boolean needsRebuild, boolean complete)
      throws IOException {
    this.dir = dir;
    this.directory = directory;
    this.writer = writer;
    this.searchers = new SearcherManager(writer, null);
    this.needsRebuild = needsRebuild;
    this.complete = complete;
  }

  /** Opens the index in {@code dir}, or a new empty one where it is missing or unreadable. */
  static SearchIndex open(Path dir, Analyzer analyzer) throws IOException {
    Files.createDirectories(dir);
    boolean closedCleanly = !Files.exists(dir.resolve(IN_USE));
    FSDirectory directory = FSDirectory.open(dir);
    boolean complete = false;
    try {
      if (DirectoryReader.indexExists(directory)) {
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
          complete = "true".equals(reader.getIndexCommit().getUserData().get(COMPLETE));
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("The search index in {} cannot be read ({}); it is built again from the store", dir, e.toString());
      directory.close();
      wipe(dir);
      directory = FSDirectory.open(dir);
    }
    IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer).setRAMBufferSizeMB(64)
        .setOpenMode(complete ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND : IndexWriterConfig.OpenMode.CREATE));
    Files.writeString(dir.resolve(IN_USE), "This file is removed when the server stops cleanly.\n");
    return new SearchIndex(dir, directory, writer, !complete || !closedCleanly, complete);
  }

  private static void wipe(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        Files.deleteIfExists(file);
      }
    }
  }

  /** Missing, unreadable, unfinished, or not closed cleanly last time. */
  boolean needsRebuild() {
    return needsRebuild;
  }

  /**
   * Opened with everything the store held when it was last built (and what changed after, up to its last
   * commit): it can answer while it is built again. False for an index that was missing, unreadable or unfinished.
   */
  boolean complete() {
    return complete;
  }

  /** Puts each document in, in place of what the index had under its key. */
  void put(Collection<SearchDocument> documents) throws IOException {
    for (SearchDocument d : documents) {
      writer.updateDocument(new Term(KEY, d.key()), toLucene(d));
    }
  }

  void remove(Collection<String> keys) throws IOException {
    writer.deleteDocuments(keys.stream().map(k -> new Term(KEY, k)).toArray(Term[]::new));
  }

  /**
   * Removes them, and at the next commit rewrites the parts of the index that still hold their words: for
   * what an erasure deleted, whose words must leave the files too, not only the searches.
   */
  void purge(Collection<String> keys) throws IOException {
    if (!keys.isEmpty()) {
      remove(keys);
      purge = true;
    }
  }

  /** Searches go on seeing the index as it was until {@link #finishRebuild}. */
  void startRebuild() throws IOException {
    rebuilding = true;
    writer.setLiveCommitData(Map.of(COMPLETE, "false").entrySet());
    writer.deleteAll();
  }

  void finishRebuild() throws IOException {
    rebuilding = false;
    publish();
    commit();
  }

  /** What was written becomes visible to searches; during a rebuild, only at its end. */
  void publish() throws IOException {
    if (!rebuilding) {
      searchers.maybeRefreshBlocking();
    }
  }

  /**
   * Makes what was written durable. Not after every change: a commit syncs files, and a crash in between is
   * what the in-use mark is for (the next start rebuilds).
   */
  void commit() throws IOException {
    if (!rebuilding && writer.hasUncommittedChanges()) {
      if (purge) {
        purge = false;
        writer.forceMergeDeletes(true);
      }
      writer.setLiveCommitData(Map.of(COMPLETE, "true").entrySet());
      writer.commit();
    }
  }

  /** The keys of the hits from {@code offset}, at most {@code limit}, best first, and how many there are. */
  Hits search(Query query, int offset, int limit) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      TopDocs top = searcher.search(query, offset + limit);
      StoredFields stored = searcher.storedFields();
      List<String> keys = new ArrayList<>();
      ScoreDoc[] docs = top.scoreDocs;
      for (int i = offset; i < docs.length; i++) {
        keys.add(stored.document(docs[i].doc).get(KEY));
      }
      return new Hits(keys, top.totalHits.value, top.totalHits.relation == TotalHits.Relation.EQUAL_TO);
    } finally {
      searchers.release(searcher);
    }
  }

  /** A page of hits: their keys, the number of hits and whether that number is exact or a lower bound. */
  record Hits(List<String> keys, long total, boolean exact) {
  }

  private static Document toLucene(SearchDocument d) {
    Document doc = new Document();
    doc.add(new StringField(KEY, d.key(), Field.Store.YES));
    doc.add(new StringField(KIND, d.kind().value(), Field.Store.NO));
    doc.add(new StringField(COMMUNITY, d.communityId(), Field.Store.NO));
    doc.add(new StringField(CYCLE, String.valueOf(d.cycle()), Field.Store.NO));
    d.questionIds().forEach(q -> doc.add(new StringField(QUESTION, q, Field.Store.NO)));
    doc.add(new StringField(READER, d.reader(), Field.Store.NO));
    doc.add(new TextField(SearchAnalyzers.DUTCH, d.text(), Field.Store.NO));
    doc.add(new TextField(SearchAnalyzers.ENGLISH, d.text(), Field.Store.NO));
    return doc;
  }

  /** Commits, closes, and marks the index as closed cleanly. */
  @Override
  public void close() throws IOException {
    try {
      searchers.close();
      if (!rebuilding) {
        writer.setLiveCommitData(Map.of(COMPLETE, "true").entrySet());
      }
      writer.close();
      directory.close();
    } finally {
      if (!rebuilding) {
        Files.deleteIfExists(dir.resolve(IN_USE));
      }
    }
  }
}
