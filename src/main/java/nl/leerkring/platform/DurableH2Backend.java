package nl.leerkring.platform;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend commits its MVStore only once a second, so a killed process lost acknowledged writes.
 * Committing after every command before the reply goes out makes an acknowledged write durable; a commit
 * without changes costs next to nothing, so reads need no special case.
 */
final class DurableH2Backend extends H2Backend {

  private final MVStore store;

  DurableH2Backend(MVStore store) {
    super(store);
    this.store = store;
  }

  @Override
  public Document handleCommand(Channel channel, String database, String command, Document query) {
    try {
      return super.handleCommand(channel, database, command, query);
    } finally {
      store.commit();
    }
  }
}
