package nl.leerkring.platform;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.CursorNotFoundException;
import de.bwaldvogel.mongo.oplog.Oplog;
import de.bwaldvogel.mongo.oplog.OplogCursor;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

import java.util.List;
import java.util.Set;

/**
 * Two things H2's backend leaves to its user. Every command runs on a pinned store version, so that chunks
 * the command may still read are not reused under it ("Chunk ... not found" while a scan of a large
 * collection ran next to writers, h2database#2118). And a command that may have changed something answers
 * only once the change is on disk, like a journaled MongoDB write. With the oplog on (a store that several
 * processes share), a change stream's getMore waits for the next write, as on a replica set.
 */
final class DurableH2Backend extends H2Backend {

  /** Commands that never change data; every other command waits for the disk, so an unknown one is safe. */
  private static final Set<String> READS = Set.of("find", "getmore", "count", "distinct", "killcursors",
      "listcollections", "listindexes", "listdatabases", "ping", "hello", "ismaster", "buildinfo",
      "getlasterror", "serverstatus", "dbstats", "collstats", "endsessions", "getparameter", "whatsmyuri",
      "connectionstatus", "hostinfo", "getcmdlineopts", "getfreemonitoringstatus", "getlog", "explain");

  /** A replica set's default wait of a change stream's getMore when the driver asks for none. */
  private static final long AWAIT_MILLIS = 1_000;

  private final MVStore store;
  private final GroupCommit commits;
  /** Only when the oplog is on: a store that several processes share. */
  private volatile AwaitedOplog awaited;

  DurableH2Backend(MVStore store, GroupCommit commits) {
    super(store);
    this.store = store;
    this.commits = commits;
  }

  @Override
  public Document handleCommand(Channel channel, String database, String command, Document query) {
    AwaitedOplog changes = awaited;
    if (changes == null || !command.equalsIgnoreCase("getMore")) {
      return pinned(channel, database, command, query);
    }
    long writesBefore = changes.writes();
    Document reply = pinned(channel, database, command, query);
    // Without this wait the driver asks again at once and the command threads spin on an idle stream. The wait
    // holds this connection's command thread, as a sync does, up to a second.
    if (emptyChangeStreamBatch(reply) && changes.awaitWriteAfter(writesBefore, awaitMillis(query))) {
      return pinned(channel, database, command, query);
    }
    return reply;
  }

  @Override
  protected Oplog createOplog() {
    awaited = new AwaitedOplog(super.createOplog());
    return awaited;
  }

  private static long awaitMillis(Document query) {
    return query.get("maxTimeMS") instanceof Number millis ? Math.min(millis.longValue(), AWAIT_MILLIS) : AWAIT_MILLIS;
  }

  private boolean emptyChangeStreamBatch(Document reply) {
    if (!(reply.get("cursor") instanceof Document cursor) || !(cursor.get("nextBatch") instanceof List<?> batch)
        || !batch.isEmpty() || !(cursor.get("id") instanceof Number id) || id.longValue() == 0) {
      return false;
    }
    try {
      return getCursorRegistry().getCursor(id.longValue()) instanceof OplogCursor;
    } catch (CursorNotFoundException e) {
      return false;
    }
  }

  private Document pinned(Channel channel, String database, String command, Document query) {
    MVStore.TxCounter pinned = store.registerVersionUsage();
    Document reply;
    try {
      reply = super.handleCommand(channel, database, command, query);
    } finally {
      store.deregisterVersionUsage(pinned);
    }
    if (changesData(command, query)) {
      commits.awaitDurable();
    }
    return reply;
  }

  private static boolean changesData(String command, Document query) {
    String name = command.toLowerCase(java.util.Locale.ROOT);
    if (name.equals("aggregate")) {
      return query.get("pipeline") instanceof List<?> stages && stages.stream()
          .anyMatch(stage -> stage instanceof Document d && (d.containsKey("$out") || d.containsKey("$merge")));
    }
    return !READS.contains(name);
  }
}
