package nl.leerkring.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A class of this project run in a JVM of its own, as an operator runs it: its output is read line by line, and
 * it is ended when the test JVM ends, whatever happened before.
 */
public final class JavaProcess implements AutoCloseable {

  private final Process process;
  private final Predicate<String> keep;
  private final List<String> output = new ArrayList<>();

  private JavaProcess(Process process, Consumer<String> onLine, Predicate<String> keep) {
    this.process = process;
    this.keep = keep;
    Thread reader = new Thread(() -> read(onLine), "child-output-" + process.pid());
    reader.setDaemon(true);
    reader.start();
    TestRun.closeAtEnd(this::kill);
  }

  /** Runs {@code main} with the test run's class path; {@code onLine} sees every line of its output. */
  public static JavaProcess start(Class<?> main, List<String> jvmOptions, List<String> args, Map<String, String> env,
                                  Path workingDirectory, Consumer<String> onLine) {
    return start(main, jvmOptions, args, env, workingDirectory, onLine, line -> true);
  }

  /**
   * As above, but only the lines {@code keep} accepts stay in {@link #output()}: a server's access log under
   * load would otherwise fill this JVM's heap.
   */
  public static JavaProcess start(Class<?> main, List<String> jvmOptions, List<String> args, Map<String, String> env,
                                  Path workingDirectory, Consumer<String> onLine, Predicate<String> keep) {
    return start(classPath(), main.getName(), jvmOptions, args, env, workingDirectory, onLine, keep);
  }

  /** As above, but from another build: {@code classPath} such as an earlier release jar. */
  public static JavaProcess start(String classPath, String main, List<String> jvmOptions, List<String> args,
                                  Map<String, String> env, Path workingDirectory, Consumer<String> onLine,
                                  Predicate<String> keep) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", classPath, main));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(workingDirectory.toFile());
    builder.environment().putAll(env);
    try {
      return new JavaProcess(builder.start(), onLine, keep);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void read(Consumer<String> onLine) {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        onLine.accept(line);
        if (keep.test(line)) {
          synchronized (output) {
            output.add(line);
            output.notifyAll();
          }
        }
      }
    } catch (IOException ignored) {
      // the process went away
    }
    synchronized (output) {
      output.notifyAll();
    }
  }

  /** The first line of output that starts with {@code prefix}, waiting for it at most {@code within}. */
  public String awaitLine(String prefix, Duration within) throws InterruptedException {
    long until = System.nanoTime() + within.toNanos();
    synchronized (output) {
      while (true) {
        for (String line : output) {
          if (line.startsWith(prefix) || line.contains(" - " + prefix)) {
            return line;
          }
        }
        long left = until - System.nanoTime();
        if (!process.isAlive() || left <= 0) {
          kill();
          throw new IllegalStateException("No line '" + prefix + "' from " + process.info().command().orElse("java")
              + (process.isAlive() ? "" : " (exited)") + ":\n" + String.join("\n", output));
        }
        output.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 500)));
      }
    }
  }

  /** The CPU time the process used so far (user and system). */
  public Duration cpu() {
    return process.info().totalCpuDuration().orElseThrow();
  }

  /** Every line so far (that was kept). */
  public List<String> output() {
    synchronized (output) {
      return List.copyOf(output);
    }
  }

  /** kill -9: no shutdown hook runs. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** As an operator stops it (SIGTERM, its shutdown hooks run), and the hard way if that takes too long. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(Duration.ofSeconds(20).toMillis(), TimeUnit.MILLISECONDS)) {
      kill();
    }
  }

  /** Under {@code mvn exec:java} the project's classes are in a class loader of their own, not on java.class.path. */
  private static String classPath() {
    StringBuilder path = new StringBuilder(System.getProperty("java.class.path"));
    if (JavaProcess.class.getClassLoader() instanceof java.net.URLClassLoader loader) {
      for (java.net.URL url : loader.getURLs()) {
        try {
          path.append(java.io.File.pathSeparator).append(Path.of(url.toURI()));
        } catch (java.net.URISyntaxException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return path.toString();
  }
}
