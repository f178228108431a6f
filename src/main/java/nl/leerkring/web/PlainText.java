package nl.leerkring.web;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import nl.leerkring.platform.Problem;

import java.util.Map;

/**
 * Every text that comes in is text: no control characters but line breaks and tabs, and no half of a
 * character (a lone UTF-16 surrogate, which the store would silently turn into '?'). A NUL or an escape
 * sequence passes the contract's "not blank" check while showing as nothing, or as a trick, to others.
 * One check for the JSON API (a handler before validation) and for the pages (through {@link Forms}).
 */
public final class PlainText implements Handler<RoutingContext> {

  @Override
  public void handle(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    Buffer body = ctx.body() == null ? null : ctx.body().buffer();
    if (body == null || body.length() == 0 || (type != null && !type.startsWith("application/json"))) {
      ctx.next();
      return;
    }
    Object json;
    try {
      json = Json.decodeValue(body);
    } catch (DecodeException e) {
      // Malformed JSON is the contract validator's to refuse.
      ctx.next();
      return;
    }
    Problem problem = check(json, "");
    if (problem != null) {
      ctx.fail(problem);
      return;
    }
    ctx.next();
  }

  /** The first text in {@code value} that is not plain text, as a field problem; null when all is well. */
  public static Problem check(Object value, String field) {
    if (value instanceof JsonObject object) {
      return checkAll(object.getMap(), field);
    }
    if (value instanceof Map<?, ?> map) {
      return checkAll(map, field);
    }
    if (value instanceof JsonArray array) {
      return checkList(array.getList(), field);
    }
    if (value instanceof java.util.List<?> list) {
      return checkList(list, field);
    }
    if (value instanceof String text && !isPlain(text)) {
      return Problem.invalidField(field, "control_character",
          "The field '" + field + "' contains control characters or broken characters.");
    }
    return null;
  }

  private static Problem checkAll(Map<?, ?> map, String field) {
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      Problem problem = check(entry.getValue(), join(field, String.valueOf(entry.getKey())));
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  private static Problem checkList(java.util.List<?> list, String field) {
    for (int i = 0; i < list.size(); i++) {
      Problem problem = check(list.get(i), join(field, String.valueOf(i)));
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  private static String join(String field, String step) {
    return field.isEmpty() ? step : field + "/" + step;
  }

  static boolean isPlain(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)
          || (Character.getType(c) == Character.CONTROL && c != '\n' && c != '\r' && c != '\t')) {
        return false;
      }
    }
    return true;
  }
}
