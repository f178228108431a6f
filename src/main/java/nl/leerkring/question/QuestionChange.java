package nl.leerkring.question;

import io.vertx.core.json.JsonObject;

/**
 * What an updateQuestion request changes; a null field stays as it is. Only these fields can change, whatever
 * else a body might carry.
 */
public record QuestionChange(QuestionStatus status, String answerSummary, Priority priority, String category,
                             Boolean forLecturer) {

  /** The updateQuestion body, already checked against the contract. */
  public static QuestionChange of(JsonObject body) {
    return new QuestionChange(
        body.containsKey("status") ? QuestionStatus.parse(body.getString("status")) : null,
        trimmed(body.getString("answerSummary")),
        body.containsKey("priority") ? Priority.parse(body.getString("priority")) : null,
        trimmed(body.getString("category")),
        body.getBoolean("forLecturer"));
  }

  /** Whether this moves the question along (state, answer, the lecturer's attention): that is for those who steer. */
  public boolean changesState() {
    return status != null || answerSummary != null || forLecturer != null;
  }

  private static String trimmed(String text) {
    return text == null ? null : text.trim();
  }
}
