package nl.leerkring.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.json.schema.JsonSchema;
import io.vertx.junit5.VertxExtension;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.RequestValidator;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatableRequest;
import io.vertx.openapi.validation.ValidatedRequest;
import io.vertx.openapi.validation.ValidatorException;
import nl.leerkring.MainVerticle;
import nl.leerkring.account.ApiScopes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract's checks with validators made once answer every request as vertx-openapi's own request validator
 * does, and make no validator per request. No server: each request as the router hands it to a validator.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Requests checked against the contract with validators made once")
class ContractValidationTest {

  private static final List<String> VALUES = List.of("2", "x", "demo-warmtepomp", "", "y".repeat(300), "true");
  private static final List<String> BODIES = List.of("{}", "[]", "not json", "{\"text\": 5, \"kind\": \"nope\"}",
      "{\"text\": \"Warmtepomp\", \"kind\": \"observation\", \"visibility\": \"community\", \"title\": \"\"}",
      "{\"login\": \"sanne\", \"password\": \"welkom2026\"}",
      // A body far larger than any text the contract accepts.
      "{\"text\": \"" + "a".repeat(64 * 1024) + "\"}");

  private static OpenAPIContract contract;

  @BeforeAll
  static void load(Vertx vertx) {
    contract = ApiScopes.load(vertx, MainVerticle.CONTRACT).compose(scopes -> scopes.contractWithoutSecurity(vertx))
        .await();
  }

  @Test
  @DisplayName("Every operation, with parameters right, wrong and missing and bodies right, wrong and not JSON, "
      + "gets the same answer and the same refusal as from vertx-openapi's own validator")
  void sameAnswers(Vertx vertx) {
    RequestValidator library = RequestValidator.create(vertx, contract);
    ContractValidation once = new ContractValidation(vertx, contract);
    List<String> different = new ArrayList<>();
    int refused = 0;
    for (ValidatableRequest request : requests()) {
      String operationId = ((Request) request).operationId();
      String expected = outcome(library.validate(request, operationId));
      String actual = outcome(once.validate(request, operationId));
      if (!expected.equals(actual)) {
        different.add(operationId + " " + request + ":\n  expected " + abbreviated(expected) + "\n  actual   "
            + abbreviated(actual));
      }
      refused += expected.startsWith("valid ") ? 0 : 1;
    }
    assertEquals(List.of(), different);
    assertTrue(refused > 0 && refused < requests().size(), "both accepted and refused requests were compared");
  }

  @Test
  @DisplayName("Checking requests of every operation makes each schema's validator once, not one per request")
  void noValidatorPerRequest(Vertx vertx) {
    ContractValidation once = new ContractValidation(vertx, contract);
    for (ValidatableRequest request : requests()) {
      outcome(once.validate(request, ((Request) request).operationId()));
    }
    int afterFirstRound = once.made();
    for (ValidatableRequest request : requests()) {
      outcome(once.validate(request, ((Request) request).operationId()));
    }
    assertTrue(afterFirstRound > 0, "validators were made");
    assertEquals(afterFirstRound, once.made(), "the second round made none");
    assertEquals(0, once.madeForUnnamed());
  }

  /** Every operation, asked with each value in every parameter, without parameters, and with each body. */
  private static List<ValidatableRequest> requests() {
    List<ValidatableRequest> requests = new ArrayList<>();
    for (Operation operation : contract.operations()) {
      for (String value : VALUES) {
        requests.add(request(operation, parameter -> value, "{}"));
      }
      requests.add(request(operation, parameter -> null, null));
      for (String body : BODIES) {
        requests.add(request(operation, ContractValidationTest::plausible, body));
      }
    }
    return requests;
  }

  private static ValidatableRequest request(Operation operation, Function<Parameter, String> value, String body) {
    Map<String, Map<String, RequestParameter>> in = new HashMap<>();
    for (Parameter parameter : operation.getParameters()) {
      String given = value.apply(parameter);
      if (given != null) {
        in.computeIfAbsent(parameter.getIn().name(), where -> new TreeMap<>()).put(parameter.getName(), () -> given);
      }
    }
    return new Request(operation.getOperationId(), in.getOrDefault("COOKIE", Map.of()),
        in.getOrDefault("HEADER", Map.of()), in.getOrDefault("PATH", Map.of()), in.getOrDefault("QUERY", Map.of()),
        body == null ? null : () -> Buffer.buffer(body), "application/json");
  }

  /** A value a parameter of its type would have. */
  private static String plausible(Parameter parameter) {
    JsonSchema schema = parameter.getSchema();
    if (schema.containsKey("enum")) {
      return String.valueOf(schema.<JsonArray>get("enum").getValue(0));
    }
    return switch (String.valueOf(schema.<Object>get("type"))) {
      case "integer", "number" -> "2";
      case "boolean" -> "true";
      default -> "demo-warmtepomp";
    };
  }

  private record Request(String operationId, Map<String, RequestParameter> getCookies,
                         Map<String, RequestParameter> getHeaders, Map<String, RequestParameter> getPathParameters,
                         Map<String, RequestParameter> getQuery, RequestParameter getBody, String getContentType)
      implements ValidatableRequest {

    @Override
    public String toString() {
      return text(getCookies) + text(getHeaders) + text(getPathParameters) + text(getQuery) + " body "
          + (getBody == null ? "none" : abbreviated(getBody.get()));
    }
  }

  /** The whole answer: what was validated, or the refusal with everything a response is made of. */
  private static String outcome(Future<ValidatedRequest> validation) {
    try {
      ValidatedRequest valid = validation.await();
      return "valid " + text(valid.getCookies()) + text(valid.getHeaders()) + text(valid.getPathParameters())
          + text(valid.getQuery()) + " body " + (valid.getBody() == null ? "none" : valid.getBody().get());
    } catch (SchemaValidationException e) {
      return e.getClass().getSimpleName() + " " + e.type() + " " + e.getMessage() + " "
          + (e.getOutputUnit() == null ? "" : e.getOutputUnit().toJson().encode());
    } catch (ValidatorException e) {
      return e.getClass().getSimpleName() + " " + e.type() + " " + e.getMessage();
    } catch (RuntimeException e) {
      return e.getClass().getName() + " " + e.getMessage();
    }
  }

  private static String text(Map<String, RequestParameter> parameters) {
    Map<String, Object> values = new TreeMap<>();
    parameters.forEach((name, value) -> values.put(name, value == null ? null : abbreviated(value.get())));
    return values.toString();
  }

  private static String abbreviated(Object value) {
    String text = String.valueOf(value);
    return text.length() > 300 ? text.substring(0, 300) + "... (" + text.length() + " characters)" : text;
  }
}
