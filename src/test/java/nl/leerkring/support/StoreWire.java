package nl.leerkring.support;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay between a server and its store that counts what crosses it: the store commands sent (MongoDB wire
 * messages, each a length-prefixed frame) and the bytes answered. A server started on {@link #uri()} talks to the
 * store through it, so a test can ask what one request cost in store round trips and bytes read.
 */
public final class StoreWire implements AutoCloseable {

  private final NetServer relay;
  private final NetClient client;
  private final AtomicLong commands = new AtomicLong();
  private final AtomicLong bytesRead = new AtomicLong();
  private final AtomicLong bytesSent = new AtomicLong();

  public StoreWire(Vertx vertx, int storePort) {
    client = vertx.createNetClient();
    relay = vertx.createNetServer().connectHandler(serverSide -> {
      serverSide.pause();
      client.connect(storePort, "127.0.0.1").onSuccess(storeSide -> {
        Frames frames = new Frames();
        serverSide.handler(data -> {
          bytesSent.addAndGet(data.length());
          commands.addAndGet(frames.completed(data));
          storeSide.write(data);
        });
        storeSide.handler(data -> {
          bytesRead.addAndGet(data.length());
          serverSide.write(data);
        });
        serverSide.closeHandler(x -> storeSide.close());
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

  /** Counts whole wire messages in a byte stream that arrives in arbitrary pieces. */
  private static final class Frames {

    private Buffer pending = Buffer.buffer();

    int completed(Buffer data) {
      pending.appendBuffer(data);
      int count = 0;
      int at = 0;
      while (pending.length() - at >= 4) {
        int length = pending.getIntLE(at);
        if (pending.length() - at < length) {
          break;
        }
        at += length;
        count++;
      }
      pending = pending.getBuffer(at, pending.length());
      return count;
    }
  }

  @Override
  public void close() {
    relay.close().await();
    client.close().await();
  }
}
