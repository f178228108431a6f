package nl.leerkring.platform;

import de.bwaldvogel.mongo.backend.Cursor;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;

import java.util.List;

/**
 * The embedded engine's oplog, counting what it records so that a change stream can wait for the next write
 * instead of being asked again at once (mongo-java-server answers an empty getMore immediately).
 */
final class AwaitedOplog implements Oplog {

  private final Oplog recorded;
  private long writes;

  AwaitedOplog(Oplog recorded) {
    this.recorded = recorded;
  }

  synchronized long writes() {
    return writes;
  }

  /** Whether a write came after {@code seen}, waiting at most {@code millis} for one. */
  synchronized boolean awaitWriteAfter(long seen, long millis) {
    long until = System.nanoTime() + millis * 1_000_000;
    try {
      for (long left = millis; writes == seen && left > 0; left = (until - System.nanoTime()) / 1_000_000) {
        wait(left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return writes != seen;
  }

  private synchronized void written() {
    writes++;
    notifyAll();
  }

  @Override
  public void handleInsert(String namespace, List<Document> documents) {
    recorded.handleInsert(namespace, documents);
    written();
  }

  @Override
  public void handleUpdate(String namespace, Document selector, Document query, List<Object> modifiedIds) {
    recorded.handleUpdate(namespace, selector, query, modifiedIds);
    written();
  }

  @Override
  public void handleDelete(String namespace, Document query, List<Object> deletedIds) {
    recorded.handleDelete(namespace, query, deletedIds);
    written();
  }

  @Override
  public void handleDropCollection(String namespace) {
    recorded.handleDropCollection(namespace);
    written();
  }

  @Override
  public Cursor createCursor(Document changeStream, String namespace, Aggregation aggregation) {
    return recorded.createCursor(changeStream, namespace, aggregation);
  }
}
