package nl.leerkring.platform;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code restore --from backup.mv.db --data-dir data}: a checked backup becomes the store of an empty data directory. */
@Command(name = "restore", mixinStandardHelpOptions = true,
    description = "Puts a backup of the embedded store in place in an empty data directory (server stopped).")
public final class RestoreCommand implements Callable<Integer> {

  @Option(names = "--from", required = true, description = "The backup file (leerkring-<time>.mv.db)")
  Path backup;

  @Option(names = "--data-dir", defaultValue = "${env:LEERKRING_DATA_DIR:-data}",
      description = "The data directory to restore into (default: ${DEFAULT-VALUE}); it must hold no store yet")
  Path dataDir;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Path restored = StoreFile.restore(backup, dataDir);
    spec.commandLine().getOut().println("Restored " + backup + " to " + restored.toAbsolutePath());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
