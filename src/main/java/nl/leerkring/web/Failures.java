package nl.leerkring.web;

import io.vertx.core.Handler;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorException;
import nl.leerkring.platform.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where failures become responses, all in the shape of {@link Problem#toJson()}. */
public final class Failures implements Handler<RoutingContext> {

  private static final Logger LOG = LoggerFactory.getLogger(Failures.class);
  private static final Pattern MISSING = Pattern.compile("required property \"([^\"]+)\"");
  /**
   * The errors that say most first. The validator may list "properties", "$ref" and "$ref/minLength" side by
   * side; the deepest says why. An empty text breaks both minLength and a "\\S" pattern; that it is empty is
   * what the person must hear.
   */
  private static final Comparator<OutputUnit> MOST_SPECIFIC =
      Comparator.comparing((OutputUnit u) -> !"minLength".equals(keyword(u)))
          .thenComparing(Comparator.comparingInt(Failures::depth).reversed());

  @Override
  public void handle(RoutingContext ctx) {
    if (ctx.response().ended()) {
      return;
    }
    Problem problem = toProblem(ctx);
    retryAfter(ctx, problem);
    ctx.response()
        .setStatusCode(problem.status())
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(problem.toJson().encode());
  }

  /** A refusal for now says when to come back, in the header clients and proxies understand. */
  static void retryAfter(RoutingContext ctx, Problem problem) {
    if (problem.retryAfterSeconds() != null) {
      ctx.response().putHeader("Retry-After", String.valueOf(problem.retryAfterSeconds()));
    }
  }

  /**
   * Names every offending field where the schema says which, so a client can show each next to its field and a
   * form every mistake after one try. The most telling problem comes first (see {@link #MOST_SPECIFIC}).
   */
  static Problem invalid(ValidatorException invalid) {
    if (invalid instanceof SchemaValidationException schema && schema.getOutputUnit() != null) {
      List<OutputUnit> leaves = new ArrayList<>();
      collectLeaves(schema.getOutputUnit(), leaves);
      // An unknown extra field is only worth naming when nothing else is wrong: a wrong value in a known field
      // also breaks "additionalProperties", and its own reason says more.
      List<OutputUnit> telling = leaves.stream().filter(u -> !keywordLocation(u).contains("additionalProperties"))
          .sorted(MOST_SPECIFIC).toList();
      Map<String, Problem> byField = new LinkedHashMap<>();
      for (OutputUnit unit : telling.isEmpty() ? leaves.subList(0, Math.min(1, leaves.size())) : telling) {
        problems(unit).forEach(p -> byField.putIfAbsent(p.field(), p));
      }
      // A group that fails because a part of it does ("items" at references, for references/0/url) is told by
      // that part; the whole body ("") by its fields.
      byField.keySet().removeIf(field -> field.isEmpty()
          || byField.keySet().stream().anyMatch(other -> other.startsWith(field + "/")));
      if (!byField.isEmpty()) {
        return Problem.invalidFields(List.copyOf(byField.values()));
      }
    }
    return Problem.badRequest("invalid_request", invalid.getMessage());
  }

  /**
   * What one failed keyword says, by field; a field of "" is about the whole body. A missing property is
   * reported at its parent: the person needs the name of what is missing.
   */
  private static List<Problem> problems(OutputUnit unit) {
    String field = unit.getInstanceLocation() == null ? "" : unit.getInstanceLocation().replaceFirst("^#?/?", "");
    String reason = unit.getError() == null ? "" : unit.getError();
    if ("required".equals(keyword(unit))) {
      List<Problem> missing = new ArrayList<>();
      Matcher names = MISSING.matcher(reason);
      while (names.find()) {
        String name = field.isEmpty() ? names.group(1) : field + "/" + names.group(1);
        missing.add(Problem.invalidField(name, "required", "The field '" + name + "' is required."));
      }
      if (!missing.isEmpty()) {
        return missing;
      }
    }
    return List.of(Problem.invalidField(field, keyword(unit), "The field '" + field + "' is not valid: " + reason));
  }

  private static String keywordLocation(OutputUnit unit) {
    return unit.getKeywordLocation() == null ? "" : unit.getKeywordLocation();
  }

  /** The schema keyword that failed, such as maxLength: the last step of the keyword's location. */
  private static String keyword(OutputUnit unit) {
    String location = unit.getKeywordLocation();
    return location == null ? "invalid" : location.substring(location.lastIndexOf('/') + 1);
  }

  private static int depth(OutputUnit unit) {
    String location = unit.getKeywordLocation();
    return location == null ? 0 : location.split("/").length;
  }

  private static void collectLeaves(OutputUnit unit, List<OutputUnit> leaves) {
    if (unit.getErrors() == null || unit.getErrors().isEmpty()) {
      leaves.add(unit);
      return;
    }
    unit.getErrors().forEach(child -> collectLeaves(child, leaves));
  }

  static Problem toProblem(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof Problem problem) {
      return problem;
    }
    if (failure instanceof HttpException http && http.getCause() instanceof ValidatorException invalid) {
      return invalid(invalid);
    }
    if (failure instanceof HttpException http) {
      return Problem.status(http.getStatusCode(), "http_" + http.getStatusCode(), http.getPayload() != null
          ? http.getPayload() : "The request could not be handled.");
    }
    return switch (ctx.statusCode()) {
      case 400 -> Problem.badRequest("invalid_request", "The request could not be read.");
      case 404 -> Problem.notFound("page or resource");
      case 405 -> Problem.status(405, "method_not_allowed", "This method is not allowed here.");
      case 413 -> Problem.status(413, "too_large", "The request is too large.");
      case 415 -> Problem.status(415, "unsupported_media_type", "This content type is not accepted here.");
      case 503 -> Problem.status(503, "timeout", "The server took too long to answer. Please try again.");
      default -> {
        LOG.error("Failed {} {}", ctx.request().method(), ctx.request().path(), failure);
        yield Problem.status(500, "internal_error", "Something went wrong on our side. Please try again.");
      }
    };
  }
}
