package nl.leerkring.web;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatedRequest;

import java.util.function.Function;

/** Turns a handler's future into the JSON response; failures go to {@link Failures}. */
public final class Api {

  /** The request header with the client's token for a request that creates something, sent again on a retry. */
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private Api() {
  }

  public static Handler<RoutingContext> ok(Function<RoutingContext, Future<?>> action) {
    return respond(200, action);
  }

  public static Handler<RoutingContext> created(Function<RoutingContext, Future<?>> action) {
    return respond(201, action);
  }

  private static Handler<RoutingContext> respond(int status, Function<RoutingContext, Future<?>> action) {
    return ctx -> {
      Future<?> result;
      try {
        result = action.apply(ctx);
      } catch (RuntimeException e) {
        ctx.fail(e);
        return;
      }
      result.onSuccess(value -> send(ctx, status, value)).onFailure(ctx::fail);
    };
  }

  static void send(RoutingContext ctx, int status, Object value) {
    if (ctx.response().ended()) {
      return;
    }
    if (value == null) {
      ctx.response().setStatusCode(204).end();
      return;
    }
    String json = value instanceof JsonObject object ? object.encode()
        : value instanceof JsonArray array ? array.encode()
        : String.valueOf(value);
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8").end(json);
  }

  public static JsonObject body(RoutingContext ctx) {
    RequestParameter body = validated(ctx).getBody();
    return body == null || body.isNull() ? new JsonObject() : body.getJsonObject();
  }

  public static String path(RoutingContext ctx, String name) {
    return String.valueOf(validated(ctx).getPathParameters().get(name).get());
  }

  public static int pathInt(RoutingContext ctx, String name) {
    return validated(ctx).getPathParameters().get(name).getInteger();
  }

  public static String query(RoutingContext ctx, String name) {
    RequestParameter value = validated(ctx).getQuery().get(name);
    return value == null || value.isNull() ? null : String.valueOf(value.get());
  }

  public static int queryInt(RoutingContext ctx, String name, int fallback) {
    RequestParameter value = validated(ctx).getQuery().get(name);
    return value == null || value.isNull() ? fallback : value.getInteger();
  }

  private static ValidatedRequest validated(RoutingContext ctx) {
    return ctx.get(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST);
  }
}
