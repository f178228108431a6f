package nl.leerkring.platform;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code verify --data-dir data}: tells a healthy store file from a damaged one; with --repair, H2's recovery. */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Checks the embedded store's file (run it while the server is stopped). Exit code 0: healthy.")
public final class VerifyCommand implements Callable<Integer> {

  @Option(names = "--data-dir", defaultValue = "${env:LEERKRING_DATA_DIR:-data}",
      description = "The data directory (default: ${DEFAULT-VALUE})")
  Path dataDir;

  @Option(names = "--file", description = "A store file to check instead, such as a backup")
  Path file;

  @Option(names = "--repair", description = "Roll a damaged file back to its newest readable version; the damaged "
      + "file is kept as leerkring.mv.db.back")
  boolean repair;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Path target = file != null ? file : dataDir.resolve(EmbeddedStore.FILE_NAME);
    PrintWriter out = spec.commandLine().getOut();
    StoreFile.Verification result = StoreFile.verify(target);
    out.println(target.toAbsolutePath() + ": " + result.message());
    if (!result.healthy() && repair) {
      result = StoreFile.repair(target);
      out.println("After repair: " + result.message());
    }
    out.flush();
    return result.healthy() ? 0 : 1;
  }
}
