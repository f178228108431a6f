package nl.leerkring;

import io.vertx.core.Vertx;
import nl.leerkring.platform.RestoreCommand;
import nl.leerkring.platform.VerifyCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;

/** Starts Leerkring; settings come from config/leerkring.json and LEERKRING_* environment variables. */
public final class Main {

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  /** The store's offline commands; the server starts when none is given. */
  private static final Map<String, Supplier<Object>> STORE_COMMANDS = Map.of(
      "verify", VerifyCommand::new, "restore", RestoreCommand::new);

  private Main() {
  }

  public static void main(String[] args) {
    if (args.length > 0 && STORE_COMMANDS.containsKey(args[0])) {
      System.exit(new CommandLine(STORE_COMMANDS.get(args[0]).get()).execute(Arrays.copyOfRange(args, 1, args.length)));
    }
    Vertx vertx = Vertx.vertx();
    vertx.deployVerticle(new MainVerticle())
        .onFailure(error -> {
          LOG.error("Leerkring could not start", error);
          vertx.close().onComplete(done -> System.exit(1));
        });
    Runtime.getRuntime().addShutdownHook(new Thread(() -> vertx.close().await()));
  }
}
