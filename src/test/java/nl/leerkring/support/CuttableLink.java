package nl.leerkring.support;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A network link between a browser and a test server that a test can cut, as a phone loses its connection: a TCP
 * relay on a port of its own. Cutting it closes every open connection (an event stream included) and refuses new
 * ones until it is restored. Cookies do not depend on the port, so a person logged in at the server's address is
 * logged in through the link too.
 */
public final class CuttableLink implements AutoCloseable {

  private final NetServer relay;
  private final NetClient client;
  private final Set<NetSocket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean cut;

  private CuttableLink(Vertx vertx, int serverPort) {
    client = vertx.createNetClient();
    relay = vertx.createNetServer().connectHandler(browserSide -> {
      if (cut) {
        browserSide.close();
        return;
      }
      // Nothing the browser sends is lost while the other side connects.
      browserSide.pause();
      client.connect(serverPort, "127.0.0.1").onComplete(connected -> {
        if (connected.failed() || cut) {
          browserSide.close();
          return;
        }
        NetSocket serverSide = connected.result();
        open.add(browserSide);
        open.add(serverSide);
        browserSide.closeHandler(closed -> serverSide.close());
        serverSide.closeHandler(closed -> browserSide.close());
        browserSide.pipeTo(serverSide);
        serverSide.pipeTo(browserSide);
      });
    });
    relay.listen(0, "127.0.0.1").await();
  }

  public static CuttableLink to(TestServer server) {
    return new CuttableLink(server.vertx(), server.port());
  }

  /** The address to open pages at through this link. */
  public String url(String path) {
    return "http://127.0.0.1:" + relay.actualPort() + path;
  }

  /** Drops every connection through the link and refuses new ones. */
  public void cut() {
    cut = true;
    open.forEach(NetSocket::close);
    open.clear();
  }

  public void restore() {
    cut = false;
  }

  @Override
  public void close() {
    cut();
    relay.close().await();
    client.close().await();
  }
}
