package nl.leerkring.account;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.SecurityRequirement;
import nl.leerkring.MainVerticle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What tokens may do is written in the contract; these are the rules that writing follows. No server. */
@ExtendWith(VertxExtension.class)
@DisplayName("API token scopes, as the contract gives them")
class ApiScopesTest {

  private static OpenAPIContract contract;
  private static ApiScopes scopes;

  @BeforeAll
  static void load(Vertx vertx) {
    contract = OpenAPIContract.from(vertx, MainVerticle.CONTRACT).await();
    scopes = ApiScopes.load(vertx, MainVerticle.CONTRACT).await();
  }

  @Test
  @DisplayName("A read takes read or its own area's scope, a change only its own area's; the scopes offered are read and exactly the areas used")
  void scopesFollowTheAreas() {
    List<String> offered = scopes.offered();
    assertEquals("read", offered.get(0));
    Set<String> used = new TreeSet<>();
    List<String> wrong = new ArrayList<>();
    for (Operation operation : contract.operations()) {
      for (SecurityRequirement requirement : operation.getSecurityRequirements()) {
        if (!requirement.getNames().contains(ApiScopes.BEARER)) {
          continue;
        }
        String area = operation.getTags().isEmpty() ? "(no tag)" : operation.getTags().get(0);
        List<String> scopes = requirement.getScopes(ApiScopes.BEARER);
        boolean read = "GET".equals(operation.getHttpMethod().name()) && scopes.equals(List.of("read"));
        if (!read && !scopes.equals(List.of(area)) || requirement.getNames().size() != 1) {
          wrong.add(operation.getOperationId() + " " + requirement.getNames() + " " + scopes);
        }
        used.addAll(scopes);
      }
    }
    assertEquals(List.of(), wrong);
    assertEquals(new TreeSet<>(offered), used);
  }

  @Test
  @DisplayName("No token manages tokens, logs in or out, or changes a password")
  void sessionOnly() {
    for (String operationId : List.of("createApiToken", "listApiTokens", "revokeApiToken", "login", "logout",
        "changePassword", "eraseMe", "exportMyData")) {
      assertFalse(scopes.takesTokens(operationId), operationId);
    }
    assertTrue(scopes.takesTokens("getMe"));
  }

  @Test
  @DisplayName("Every scope is explained on the tokens page in Dutch and English")
  void everyScopeHasItsText() throws IOException {
    for (String bundle : List.of("token", "token_en")) {
      Properties texts = new Properties();
      try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/i18n/" + bundle + ".properties"),
          StandardCharsets.UTF_8)) {
        texts.load(reader);
      }
      for (String scope : scopes.offered()) {
        assertTrue(texts.containsKey("token.scope." + scope), bundle + " lacks token.scope." + scope);
      }
    }
  }
}
