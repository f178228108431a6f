package nl.leerkring.privacy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;

/**
 * Names are copied into what people write (a note's author, a question's asker, an activity entry), so that
 * a list reads in one go. After an erasure each copy of the person's name becomes their pseudonym, wherever
 * the id next to it is theirs.
 */
final class Pseudonyms {

  /** Which name belongs to which id, in every kind of document that carries a copy. */
  private static final List<Map.Entry<String, String>> PAIRS = List.of(
      Map.entry("authorId", "authorName"),
      Map.entry("raisedBy", "raisedByName"),
      Map.entry("by", "byName"),
      Map.entry("createdBy", "createdByName"),
      Map.entry("ownerId", "ownerName"),
      Map.entry("actorId", "actorName"),
      Map.entry("userId", "displayName"));

  private Pseudonyms() {
  }

  /** Replaces the person's name in {@code value}, in place; true when anything changed. */
  static boolean apply(Object value, String userId, String pseudonym) {
    boolean changed = false;
    if (value instanceof JsonObject object) {
      for (Map.Entry<String, String> pair : PAIRS) {
        if (userId.equals(object.getValue(pair.getKey())) && object.containsKey(pair.getValue())
            && !pseudonym.equals(object.getValue(pair.getValue()))) {
          object.put(pair.getValue(), pseudonym);
          changed = true;
        }
      }
      for (String key : object.fieldNames()) {
        changed |= apply(object.getValue(key), userId, pseudonym);
      }
    } else if (value instanceof JsonArray array) {
      for (Object item : array) {
        changed |= apply(item, userId, pseudonym);
      }
    }
    return changed;
  }
}
