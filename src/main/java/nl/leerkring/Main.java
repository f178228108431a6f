package nl.leerkring;

import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts Leerkring; settings come from config/leerkring.json and LEERKRING_* environment variables. */
public final class Main {

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {
  }

  public static void main(String[] args) {
    Vertx vertx = Vertx.vertx();
    vertx.deployVerticle(new MainVerticle())
        .onFailure(error -> {
          LOG.error("Leerkring could not start", error);
          vertx.close().onComplete(done -> System.exit(1));
        });
    Runtime.getRuntime().addShutdownHook(new Thread(() -> vertx.close().await()));
  }
}
