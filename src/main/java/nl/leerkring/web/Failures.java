package nl.leerkring.web;

import io.vertx.core.Handler;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

  /** Names the offending field where the schema says which, so a client can show it next to that field. */
  static Problem invalid(ValidatorException invalid) {
    if (invalid instanceof SchemaValidationException schema && schema.getOutputUnit() != null) {
      OutputUnit unit = mostSpecific(schema.getOutputUnit());
      String field = unit.getInstanceLocation() == null ? "" : unit.getInstanceLocation().replaceFirst("^#?/?", "");
      String reason = unit.getError() == null ? "" : unit.getError();
      Matcher missing = MISSING.matcher(reason);
      if ("required".equals(keyword(unit)) && missing.find()) {
        // A missing property is reported at its parent; the person needs the name of what is missing.
        field = field.isEmpty() ? missing.group(1) : field + "/" + missing.group(1);
        return Problem.invalidField(field, "required", "The field '" + field + "' is required.");
      }
      return field.isEmpty()
          ? Problem.badRequest("invalid_request", invalid.getMessage())
          : Problem.invalidField(field, keyword(unit), "The field '" + field + "' is not valid: " + reason);
    }
    return Problem.badRequest("invalid_request", invalid.getMessage());
  }

  /** The schema keyword that failed, such as maxLength: the last step of the keyword's location. */
  private static String keyword(OutputUnit unit) {
    String location = unit.getKeywordLocation();
    return location == null ? "invalid" : location.substring(location.lastIndexOf('/') + 1);
  }

  /**
   * The leaf error that says most: a wrong value inside a known field explains more than the generic
   * "additional properties" complaint the same value also triggers.
   */
  private static OutputUnit mostSpecific(OutputUnit root) {
    List<OutputUnit> leaves = new ArrayList<>();
    collectLeaves(root, leaves);
    // The validator may list "properties", "$ref" and "$ref/minLength" side by side; the deepest says why.
    // An empty text breaks both minLength and a "\\S" pattern; that it is empty is what the person must hear.
    return leaves.stream()
        .filter(u -> u.getKeywordLocation() == null || !u.getKeywordLocation().contains("additionalProperties"))
        .min(Comparator.comparing((OutputUnit u) -> !"minLength".equals(keyword(u)))
            .thenComparing(Comparator.comparingInt(Failures::depth).reversed()))
        .orElse(leaves.isEmpty() ? root : leaves.get(0));
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
