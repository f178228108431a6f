package nl.leerkring.platform;

import io.vertx.core.json.JsonObject;

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
