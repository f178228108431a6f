package nl.leerkring.session;

import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Who takes what on after a session, by when; carried over to later sessions until done. {@code doneAt} is
 * null while it is open, and for agreements marked done before the time was kept.
 */
public record Agreement(String id, String what, String ownerId, String ownerName, String questionId, LocalDate due,
                        boolean done, Instant createdAt, Instant doneAt) {

  public Agreement(String id, String what, String ownerId, String ownerName, String questionId, LocalDate due,
                   boolean done, Instant createdAt) {
    this(id, what, ownerId, ownerName, questionId, due, done, createdAt, null);
  }

  public JsonObject view() {
    return new JsonObject()
        .put("id", id)
        .put("what", what)
        .put("ownerId", ownerId)
        .put("ownerName", ownerName)
        .put("questionId", questionId)
        .put("due", due == null ? null : due.toString())
        .put("done", done)
        .put("createdAt", createdAt.toString());
  }
}
