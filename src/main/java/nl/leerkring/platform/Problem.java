package nl.leerkring.platform;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A request the server refuses, with an HTTP status, a machine code a client can branch on and a message a
 * person can read. Every error the API returns has this one shape.
 */
public final class Problem extends RuntimeException {

  private final int status;
  private final String code;
  private final JsonObject details;

  private Problem(int status, String code, String message, JsonObject details) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.details = details;
  }

  public static Problem badRequest(String code, String message) {
    return new Problem(400, code, message, null);
  }

  /**
   * A value a person can correct. The reason is a short word (a JSON Schema keyword such as maxLength, or
   * one of ours such as in_past) that pages turn into a sentence in the person's language.
   */
  public static Problem invalidField(String field, String reason, String message) {
    return new Problem(400, "invalid_field", message, new JsonObject().put("field", field).put("reason", reason));
  }

  /**
   * Several values to correct at once, so that a form shows every mistake after one try. The first problem is
   * the one {@link #field()} names; {@code details.fields} lists them all, each with its reason, code and message.
   */
  public static Problem invalidFields(List<Problem> problems) {
    if (problems.size() == 1) {
      return problems.get(0);
    }
    Problem first = problems.get(0);
    JsonArray all = new JsonArray();
    problems.forEach(p -> all.add(p.details.copy().put("code", p.code).put("message", p.getMessage())));
    return new Problem(first.status, first.code, first.getMessage(), first.details.copy().put("fields", all));
  }

  /** Every field to correct, this one included; none for a problem about no field in particular. */
  public List<Problem> fieldProblems() {
    if (field() == null) {
      return List.of();
    }
    JsonArray all = details.getJsonArray("fields");
    if (all == null) {
      return List.of(this);
    }
    return all.stream().map(f -> (JsonObject) f).map(f -> {
      JsonObject own = f.copy();
      return new Problem(status, (String) own.remove("code"), (String) own.remove("message"), own);
    }).toList();
  }

  /** The same fields under the names a form shows them by (nextSteps/2 as nextSteps, say). */
  public Problem renameFields(UnaryOperator<String> rename) {
    if (field() == null) {
      return this;
    }
    // Two parts of one field (two of its lines, say) are one mistake at that field.
    Map<String, Problem> byField = new LinkedHashMap<>();
    fieldProblems().forEach(p -> byField.putIfAbsent(rename.apply(p.field()), new Problem(p.status, p.code,
        p.getMessage(), p.details.copy().put("field", rename.apply(p.field())))));
    return invalidFields(List.copyOf(byField.values()));
  }

  public static Problem unauthenticated() {
    return new Problem(401, "not_logged_in", "Log in first.", null);
  }

  public static Problem forbidden(String message) {
    return new Problem(403, "forbidden", message, null);
  }

  /** Also the answer for things in another company: whether they exist is none of the asker's business. */
  public static Problem notFound(String what) {
    return new Problem(404, "not_found", "No such " + what + ".", null);
  }

  public static Problem conflict(String code, String message) {
    return new Problem(409, code, message, null);
  }

  /** A conflict about one field's value, such as a username someone else has: a form shows it there. */
  public static Problem conflict(String code, String message, String field) {
    return new Problem(409, code, message, new JsonObject().put("field", field));
  }

  public static Problem status(int status, String code, String message) {
    return new Problem(status, code, message, null);
  }

  /** Says when to try again: the answer carries it as Retry-After. */
  public static Problem tooMany(String message, long retryAfterSeconds) {
    return new Problem(429, "too_many_attempts", message,
        new JsonObject().put("retryAfterSeconds", Math.max(1, retryAfterSeconds)));
  }

  /** Something that works again by itself after a while (503): the answer says when to ask again (Retry-After). */
  public static Problem unavailable(String code, String message, long retryAfterSeconds) {
    return new Problem(503, code, message, new JsonObject().put("retryAfterSeconds", Math.max(1, retryAfterSeconds)));
  }

  /** Seconds until a refused attempt may be made again, or null. */
  public Long retryAfterSeconds() {
    return details == null ? null : details.getLong("retryAfterSeconds");
  }

  /** The field a person can correct, or null when the problem is not about one field. */
  public String field() {
    return details == null ? null : details.getString("field");
  }

  public String reason() {
    return details == null ? null : details.getString("reason");
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public JsonObject toJson() {
    JsonObject error = new JsonObject().put("code", code).put("message", getMessage());
    if (details != null) {
      error.put("details", details);
    }
    return new JsonObject().put("error", error);
  }
}
