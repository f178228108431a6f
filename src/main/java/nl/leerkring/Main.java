package nl.leerkring;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.core.json.JsonObject;
import nl.leerkring.account.ApiScopes;
import nl.leerkring.installation.CreateAdminCommand;
import nl.leerkring.monitoring.Monitoring;
import nl.leerkring.platform.RestoreCommand;
import nl.leerkring.platform.VerifyCommand;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * The command line of the jar. Without a command it serves; every other command is a small class of its own
 * feature, registered in {@code subcommands} below and nowhere else. Settings come from the settings file
 * and LEERKRING_* environment variables, for every command alike.
 */
@Command(name = "leerkring", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Serves Leerkring (without a command), or runs one of the commands below.",
    subcommands = {CreateAdminCommand.class, VerifyCommand.class, RestoreCommand.class, WarmUpCommand.class})
public final class Main implements Callable<Integer> {

  @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE", defaultValue = "config/leerkring.json",
      description = "The settings file (optional; default: ${DEFAULT-VALUE}).")
  private String configFile;

  @Option(names = "--demo", description = "Load the demo, whose logins all share one known password, into an empty store.")
  private boolean demo;

  public static void main(String[] args) {
    // Before logging and the command line are set up (about half a second): every command but the short ones
    // serves, and those end before the reader matters (issue 14, the first page within 3 s).
    ApiScopes.readAhead(MainVerticle.CONTRACT);
    System.exit(new CommandLine(new Main()).execute(args));
  }

  /** What every command passes to {@code Settings.load}: the settings file chosen on the command line. */
  public JsonObject deploymentConfig() {
    return new JsonObject().put("configFile", configFile);
  }

  @Override
  public Integer call() throws InterruptedException {
    Vertx vertx = Vertx.vertx(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions()
        .setEnabled(true)
        .setJvmMetricsEnabled(true)
        .setRegistryName(Monitoring.REGISTRY)
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))));
    JsonObject config = deploymentConfig();
    if (demo) {
      config.put("demo", true);
    }
    try {
      vertx.deployVerticle(new MainVerticle(), new DeploymentOptions().setConfig(config)).await();
    } catch (RuntimeException e) {
      LoggerFactory.getLogger(Main.class).error("Leerkring could not start", e);
      vertx.close().await();
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> vertx.close().await()));
    // Serving ends with the process (SIGTERM runs the hook above, which closes the store cleanly).
    new CountDownLatch(1).await();
    return 0;
  }
}

