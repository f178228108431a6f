package nl.leerkring.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.openapi.validation.ValidatorException;
import nl.leerkring.platform.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where failures become responses, all in the shape of {@link Problem#toJson()}. */
public final class Failures implements Handler<RoutingContext> {

  private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

  @Override
  public void handle(RoutingContext ctx) {
    if (ctx.response().ended()) {
      return;
    }
    Problem problem = toProblem(ctx);
    ctx.response()
        .setStatusCode(problem.status())
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(problem.toJson().encode());
  }

  private static Problem toProblem(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof Problem problem) {
      return problem;
    }
    if (failure instanceof ValidatorException invalid) {
      return Problem.badRequest("invalid_request", invalid.getMessage());
    }
    return switch (ctx.statusCode()) {
      case 400 -> Problem.badRequest("invalid_request", "The request could not be read.");
      case 404 -> Problem.notFound("page or resource");
      case 405 -> Problem.status(405, "method_not_allowed", "This method is not allowed here.");
      case 413 -> Problem.status(413, "too_large", "The request is too large.");
      case 415 -> Problem.status(415, "unsupported_media_type", "This content type is not accepted here.");
      default -> {
        LOG.error("Failed {} {}", ctx.request().method(), ctx.request().path(), failure);
        yield Problem.status(500, "internal_error", "Something went wrong on our side. Please try again.");
      }
    };
  }
}
