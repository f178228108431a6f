package nl.leerkring.platform;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

import java.util.List;
import java.util.Set;

/**
 * Two things H2's backend leaves to its user. Every command runs on a pinned store version, so that chunks
 * the command may still read are not reused under it ("Chunk ... not found" while a scan of a large
 * collection ran next to writers, h2database#2118). And a command that may have changed something answers
 * only once the change is on disk, like a journaled MongoDB write.
 */
final class DurableH2Backend extends H2Backend {

  /** Commands that never change data; every other command waits for the disk, so an unknown one is safe. */
  private static final Set<String> READS = Set.of("find", "getmore", "count", "distinct", "killcursors",
      "listcollections", "listindexes", "listdatabases", "ping", "hello", "ismaster", "buildinfo",
      "getlasterror", "serverstatus", "dbstats", "collstats", "endsessions", "getparameter", "whatsmyuri",
      "connectionstatus", "hostinfo", "getcmdlineopts", "getfreemonitoringstatus", "getlog", "explain");

  private final MVStore store;
  private final GroupCommit commits;

  DurableH2Backend(MVStore store, GroupCommit commits) {
    super(store);
    this.store = store;
    this.commits = commits;
  }

  @Override
  public Document handleCommand(Channel channel, String database, String command, Document query) {
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
