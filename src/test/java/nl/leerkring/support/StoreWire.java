package nl.leerkring.support;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import org.bson.RawBsonDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A TCP relay between a server and its store that counts what crosses it: the store commands sent (MongoDB wire
 * messages, each a length-prefixed frame) and the bytes answered. A server started on {@link #uri()} talks to the
 * store through it, so a test can ask what one request cost in store round trips and bytes read. It also keeps
 * the {@code find} commands it saw, and can hold commands back, as a store that is slow to answer them would.
 */
public final class StoreWire implements AutoCloseable {

  /** The opcode of OP_MSG, the message every command of a current driver travels in. */
  private static final int OP_MSG = 2013;

  private final NetServer relay;
  private final NetClient client;
  private final AtomicLong commands = new AtomicLong();
  private final AtomicLong bytesRead = new AtomicLong();
  private final AtomicLong bytesSent = new AtomicLong();
  private final List<JsonObject> finds = new CopyOnWriteArrayList<>();
  private final Set<Link> links = ConcurrentHashMap.newKeySet();
  private volatile Predicate<JsonObject> held = command -> false;

  public StoreWire(Vertx vertx, int storePort) {
    client = vertx.createNetClient();
    relay = vertx.createNetServer().connectHandler(serverSide -> {
      serverSide.pause();
      client.connect(storePort, "127.0.0.1").onSuccess(storeSide -> {
        Link link = new Link(storeSide);
        links.add(link);
        serverSide.handler(data -> {
          bytesSent.addAndGet(data.length());
          link.sent(data);
        });
        storeSide.handler(data -> {
          bytesRead.addAndGet(data.length());
          serverSide.write(data);
        });
        serverSide.closeHandler(x -> {
          links.remove(link);
          storeSide.close();
        });
        storeSide.closeHandler(x -> serverSide.close());
        serverSide.resume();
      }).onFailure(x -> serverSide.close());
    });
    relay.listen(0, "127.0.0.1").await();
  }

  /** The connection string of the store as seen through this relay. */
  public String uri() {
    return "mongodb://127.0.0.1:" + relay.actualPort();
  }

  public Counts counts() {
    return new Counts(commands.get(), bytesRead.get(), bytesSent.get());
  }

  /** What crossed the wire so far; subtract two to get what happened in between. */
  public record Counts(long commands, long bytesRead, long bytesSent) {

    public Counts minus(Counts earlier) {
      return new Counts(commands - earlier.commands, bytesRead - earlier.bytesRead, bytesSent - earlier.bytesSent);
    }
  }

  /** Every {@code find} command sent so far, in order, as the store received it ({@code find}, {@code filter}, ...). */
  public List<JsonObject> finds() {
    return List.copyOf(finds);
  }

  /**
   * From now on, a command that matches (the command document, {@code find} and {@code filter} for a query) is not
   * passed on until {@link #release}, and neither is anything sent after it on the same connection.
   */
  public void hold(Predicate<JsonObject> command) {
    held = command;
  }

  /** Passes on everything held back, and holds nothing any more. */
  public void release() {
    held = command -> false;
    links.forEach(Link::release);
  }

  /** One connection's way to the store: whole frames, passed on in order unless held back. */
  private final class Link {

    private final NetSocket store;
    private Buffer pending = Buffer.buffer();
    private final List<Buffer> waiting = new ArrayList<>();

    Link(NetSocket store) {
      this.store = store;
    }

    synchronized void sent(Buffer data) {
      pending.appendBuffer(data);
      int at = 0;
      while (pending.length() - at >= 4) {
        int length = pending.getIntLE(at);
        if (pending.length() - at < length) {
          break;
        }
        Buffer frame = pending.getBuffer(at, at + length);
        at += length;
        commands.incrementAndGet();
        JsonObject command = command(frame);
        if (command != null && command.containsKey("find")) {
          finds.add(command);
        }
        if (!waiting.isEmpty() || command != null && held.test(command)) {
          waiting.add(frame);
        } else {
          store.write(frame);
        }
      }
      pending = pending.getBuffer(at, pending.length());
    }

    synchronized void release() {
      waiting.forEach(store::write);
      waiting.clear();
    }
  }

  /** The command document of an OP_MSG frame (its first section), or null for any other message. */
  private static JsonObject command(Buffer frame) {
    if (frame.length() < 26 || frame.getIntLE(12) != OP_MSG || frame.getByte(20) != 0) {
      return null;
    }
    byte[] bytes = frame.getBytes();
    int length = frame.getIntLE(21);
    return new JsonObject(new RawBsonDocument(bytes, 21, length).toJson());
  }

  @Override
  public void close() {
    relay.close().await();
    client.close().await();
  }
}
