package nl.leerkring;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The warm-up command that an operator runs to write the start's class archive")
class WarmUpCommandTest {

  @Test
  @DisplayName("It serves the demo on a loopback port, opens the login page and Sanne's first pages, stops, and "
      + "leaves no temporary store behind")
  void servesTheFirstPagesAndStops() throws IOException {
    List<Path> before = warmUpDirectories();
    StringWriter out = new StringWriter();
    CommandLine command = new CommandLine(new Main());
    command.setOut(new PrintWriter(out));

    assertEquals(0, command.execute("warm-up"), out::toString);

    assertTrue(out.toString().contains("Served the login page and " + WarmUpCommand.PAGES.size() + " pages"),
        out::toString);
    assertEquals(before, warmUpDirectories());
  }

  private static List<Path> warmUpDirectories() throws IOException {
    try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return entries.filter(path -> path.getFileName().toString().startsWith("leerkring-warm-up")).sorted().toList();
    }
  }
}
