package nl.leerkring.web;

import io.vertx.core.json.JsonObject;
import nl.leerkring.MainVerticle;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

@DisplayName("The build's JSON copy of the contract")
class ContractCopyTest {

  @Test
  @DisplayName("The copy the build put in the classes holds the very contract the YAML holds")
  void sameContract() throws IOException {
    String yaml = Files.readString(Path.of(MainVerticle.CONTRACT), StandardCharsets.UTF_8);
    String copy = builtCopy();

    JsonObject fromCopy = ContractCopy.contract(yaml, copy);

    assertEquals(ContractCopy.fromYaml(yaml), fromCopy);
    assertEquals(new JsonObject(copy).getJsonObject("contract"), fromCopy, "read from the copy, not the YAML");
  }

  @Test
  @DisplayName("A copy made from other YAML (an edit since the last build) is passed over for the YAML")
  void staleCopyPassedOver() throws IOException {
    String yaml = Files.readString(Path.of(MainVerticle.CONTRACT), StandardCharsets.UTF_8);
    String edited = yaml.replace("title: Leerkring API", "title: Leerkring API (edited)");

    JsonObject contract = ContractCopy.contract(edited, builtCopy());

    assertEquals("Leerkring API (edited)", contract.getJsonObject("info").getString("title"));
  }

  @Test
  @DisplayName("Without a copy the YAML is read")
  void noCopy() throws IOException {
    String yaml = Files.readString(Path.of(MainVerticle.CONTRACT), StandardCharsets.UTF_8);

    assertEquals(ContractCopy.fromYaml(yaml), ContractCopy.contract(yaml, null));
  }

  private static String builtCopy() throws IOException {
    try (InputStream in = ContractCopyTest.class.getClassLoader()
        .getResourceAsStream(ContractCopy.of(MainVerticle.CONTRACT))) {
      assertNotNull(in, "the build made " + ContractCopy.of(MainVerticle.CONTRACT));
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
