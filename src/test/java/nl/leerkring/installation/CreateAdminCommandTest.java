package nl.leerkring.installation;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import nl.leerkring.Main;
import nl.leerkring.support.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

@ExtendWith(VertxExtension.class)
@DisplayName("The create-admin command")
class CreateAdminCommandTest {

  @Test
  @DisplayName("With the server stopped, the operator creates the installation administrator, who then logs in; bad input and a taken login are refused")
  void createAdmin(Vertx vertx, @TempDir Path dir) throws IOException {
    Path data = dir.resolve("data");
    Path settings = dir.resolve("leerkring.json");
    Files.writeString(settings, new JsonObject().put("dataDir", data.toString()).encode());

    assertEquals(2, run(settings, "--login", "wim", "--name", "Wim Bos", "--password=kort"), "a short password");
    assertEquals(0, run(settings, "--login", "wim", "--name", "Wim Bos", "--password=beheer-sleutel-kastanje-42"));
    assertEquals(2, run(settings, "--login", "WIM", "--name", "Nog een Wim", "--password=beheer-sleutel-kastanje-42"), "a taken login");

    try (TestServer server = TestServer.start(vertx, data, false)) {
      server.login("wim", "beheer-sleutel-kastanje-42").get("/installation/organisations").expect(200);
    }
  }

  private static int run(Path settings, String... arguments) {
    String[] all = new String[arguments.length + 3];
    all[0] = "--config";
    all[1] = settings.toString();
    all[2] = "create-admin";
    System.arraycopy(arguments, 0, all, 3, arguments.length);
    return new CommandLine(new Main()).execute(all);
  }
}
