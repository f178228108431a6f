package nl.leerkring.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatableRequest;
import io.vertx.openapi.validation.ValidatorException;
import nl.leerkring.platform.Ids;
import nl.leerkring.platform.Problem;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a submitted HTML form into the JSON body of the matching API operation and checks it against the
 * same contract the API checks, so a page accepts exactly what the API accepts and says why it does not.
 */
public final class Forms {

  /**
   * The hidden field with a token made when a form that creates something is shown: a second press of its
   * button sends the same token and creates nothing new (see {@link nl.leerkring.platform.ClientKeys}).
   */
  public static final String CLIENT_TOKEN = "clientToken";

  private final ContractValidation validation;

  public Forms(ContractValidation validation) {
    this.validation = validation;
  }

  /** The body, once the contract's operation accepts it; otherwise a field problem a page can show. */
  public Future<JsonObject> check(String operationId, Map<String, String> pathParameters, JsonObject body) {
    Problem notText = PlainText.check(body, "");
    if (notText != null) {
      return Future.failedFuture(notText);
    }
    Map<String, RequestParameter> path = new HashMap<>();
    pathParameters.forEach((name, value) -> path.put(name, parameter(value)));
    return validation.validate(new FormRequest(path, parameter(body.toBuffer())), operationId)
        .recover(failure -> Future.failedFuture(failure instanceof ValidatorException invalid
            ? refusal(invalid, body) : failure))
        .map(body);
  }

  /** RequestParameter's only abstract method is its value; vertx-openapi 5.0 has no public factory for one. */
  private static RequestParameter parameter(Object value) {
    return () -> value;
  }

  /**
   * A form as the request the API would get: its JSON body and the operation's path parameters. vertx-openapi
   * 5.0 builds a ValidatableRequest publicly only from an HttpServerRequest, which a form post is not.
   */
  private record FormRequest(Map<String, RequestParameter> getPathParameters, RequestParameter getBody)
      implements ValidatableRequest {

    @Override
    public Map<String, RequestParameter> getCookies() {
      return Map.of();
    }

    @Override
    public Map<String, RequestParameter> getQuery() {
      return Map.of();
    }

    @Override
    public Map<String, RequestParameter> getHeaders() {
      return Map.of();
    }

    @Override
    public String getContentType() {
      return "application/json";
    }
  }

  /** What a page says when the contract refuses a form: each field it is about and why, in words for people. */
  static Problem refusal(ValidatorException invalid, JsonObject body) {
    Problem problem = Failures.invalid(invalid);
    return problem.field() == null ? problem
        : Problem.invalidFields(problem.fieldProblems().stream().map(p -> blankIsMissing(p, body)).toList());
  }

  /**
   * A field left empty is missing, whatever part of its schema (a shared text type behind a $ref) the
   * validator names: the person is told to fill it in rather than that it is wrong.
   */
  private static Problem blankIsMissing(Problem problem, JsonObject body) {
    Object value = body;
    for (String step : problem.field().split("/")) {
      value = value instanceof JsonObject object ? object.getValue(step) : null;
    }
    // An unpicked choice keeps its own message ("choose one of the options").
    return value instanceof String text && text.isBlank() && !"enum".equals(problem.reason())
        ? Problem.invalidField(problem.field(), "required", "Fill this in.")
        : problem;
  }

  /** The token a form carries so that sending it twice (a double tap, a retry) creates one record. */
  public static String newClientToken() {
    return Ids.newSecret();
  }

  /** The token a posted form came with, or a new one for a form shown for the first time. */
  public static String clientToken(RoutingContext ctx) {
    return "POST".equals(ctx.request().method().name()) ? text(ctx, CLIENT_TOKEN) : newClientToken();
  }

  /** What was typed, trimmed; an empty field stays empty so that a required field fails on its own name. */
  public static String text(RoutingContext ctx, String name) {
    String value = ctx.request().getFormAttribute(name);
    return value == null ? "" : value.strip();
  }

  /** An optional field: left out of the body when blank. */
  public static void putOptional(JsonObject body, RoutingContext ctx, String name) {
    String value = text(ctx, name);
    if (!value.isEmpty()) {
      body.put(name, value);
    }
  }

  /** Every value of a repeated field, such as a group of checkboxes. */
  public static JsonArray all(RoutingContext ctx, String name) {
    List<String> values = ctx.request().formAttributes().getAll(name);
    return new JsonArray(values.stream().filter(v -> !v.isBlank()).map(String::strip).toList());
  }
}
