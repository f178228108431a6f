package nl.leerkring.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** wrk, from Debian's package {@code wrk}; its summary is read from what it prints with {@code --latency}. */
final class WrkDriver implements LoadDriver {

  private static final Pattern RATE = Pattern.compile("(?m)^Requests/sec:\\s+([0-9.]+)");
  private static final Pattern PERCENTILE = Pattern.compile("(?m)^\\s+(50|99)%\\s+([0-9.]+)(us|ms|s|m|h)\\s*$");
  private static final Pattern STATUS_ERRORS = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
  private static final Pattern SOCKET_ERRORS =
      Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

  private final int threads;
  private final Path postScript;

  WrkDriver(int threads) {
    this.threads = threads;
    try {
      this.postScript = Path.of(WrkDriver.class.getResource("/bench/post-json.lua").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean installed() {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, "wrk")));
  }

  @Override
  public Result run(Target target, int concurrency, Duration duration) {
    // wrk's default timeout of 2 s would drop the slowest answers from the percentiles.
    List<String> command = new ArrayList<>(List.of("wrk", "-t" + Math.min(threads, concurrency), "-c" + concurrency,
        "-d" + duration.toSeconds() + "s", "--timeout", "60s", "--latency"));
    target.headers().forEach((name, value) -> command.addAll(List.of("-H", name + ": " + value)));
    ProcessBuilder builder = new ProcessBuilder().redirectErrorStream(true);
    if (target.body() != null) {
      command.addAll(List.of("-s", postScript.toString()));
      builder.environment().put("BENCH_BODY", target.body());
    }
    command.add(target.url());
    String output = output(builder.command(command));
    Matcher rate = RATE.matcher(output);
    if (!rate.find()) {
      throw new IllegalStateException("No Requests/sec in wrk's output:\n" + output);
    }
    return new Result(Double.parseDouble(rate.group(1)), percentile(output, "50"), percentile(output, "99"),
        errors(output));
  }

  private static String output(ProcessBuilder builder) {
    try {
      Process wrk = builder.start();
      String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (wrk.waitFor() != 0) {
        throw new IllegalStateException(String.join(" ", builder.command()) + " failed:\n" + output);
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while wrk ran", e);
    }
  }

  private static double percentile(String output, String which) {
    Matcher line = PERCENTILE.matcher(output);
    while (line.find()) {
      if (line.group(1).equals(which)) {
        double value = Double.parseDouble(line.group(2));
        return switch (line.group(3)) {
          case "us" -> value / 1000;
          case "ms" -> value;
          case "s" -> value * 1000;
          case "m" -> value * 60_000;
          default -> value * 3_600_000;
        };
      }
    }
    throw new IllegalStateException("No " + which + "% latency in wrk's output:\n" + output);
  }

  private static long errors(String output) {
    long errors = 0;
    Matcher status = STATUS_ERRORS.matcher(output);
    if (status.find()) {
      errors += Long.parseLong(status.group(1));
    }
    Matcher socket = SOCKET_ERRORS.matcher(output);
    if (socket.find()) {
      for (int group = 1; group <= 4; group++) {
        errors += Long.parseLong(socket.group(group));
      }
    }
    return errors;
  }

  @Override
  public String describe() {
    return "wrk, " + threads + " threads";
  }
}
