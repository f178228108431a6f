package nl.leerkring.privacy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.UpdateOptions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names are copied into what people write (a note's author, a question's asker, an activity entry), so that
 * a list reads in one go. After an erasure each copy of the person's name becomes their pseudonym, wherever
 * the id next to it is theirs.
 * <p>
 * The pseudonym is written as an update of those names only, never as a whole document read earlier: others
 * go on writing to the same documents (an answer, an agreement, a new activity entry), and a copy written back
 * would undo what they wrote in between although the server acknowledged it. Inside a list the store checks,
 * element by element while it applies the update, that the id next to the name is still the person's (an array
 * filter), since the list may have changed since it was read. The update's filter names the _id alone: the
 * embedded store answers any other filter by reading the whole collection, and a filter on the document as read
 * would have to be retried whenever anyone wrote in between.
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

  /** Stands for "an element of this list" in a path; no stored field name starts with a $. */
  private static final String ELEMENT = "$";

  private Pseudonyms() {
  }

  /** What puts the pseudonym in place of the person's names: fields to set, and the array filters they use. */
  record Renaming(JsonObject set, JsonArray arrayFilters) {

    boolean isEmpty() {
      return set.isEmpty();
    }

    UpdateOptions options() {
      return arrayFilters.isEmpty() ? new UpdateOptions() : new UpdateOptions().setArrayFilters(arrayFilters);
    }
  }

  /** Where a copy of the document as read still has the person's name; {@code document} is left as it is. */
  private record Place(List<String> path, Map.Entry<String, String> pair) {
  }

  /**
   * The update of every place where {@code document} (as read) has the person's name, empty when it has none
   * (left). A list's element is named by what it holds, not by its position, which another write may have moved;
   * an element with the name added since the read is renamed too. Outside a list the id next to a name is the
   * document's own author (asker, creator), written once with it, so that name is set without a check.
   */
  static Renaming renaming(JsonObject document, String userId, String pseudonym) {
    Set<Place> places = new LinkedHashSet<>();
    collect(document, List.of(), userId, pseudonym, places);
    JsonObject set = new JsonObject();
    JsonArray filters = new JsonArray();
    for (Place place : places) {
      StringBuilder key = new StringBuilder();
      List<String> path = place.path();
      for (int i = 0; i < path.size(); i++) {
        String segment = path.get(i);
        if (ELEMENT.equals(segment)) {
          String identifier = "p" + filters.size();
          filters.add(holding(identifier, path.subList(i + 1, path.size()), place.pair(), userId));
          segment = "$[" + identifier + "]";
        }
        key.append(segment).append('.');
      }
      set.put(key.append(place.pair().getValue()).toString(), pseudonym);
    }
    return new Renaming(set, filters);
  }

  private static void collect(Object value, List<String> path, String userId, String pseudonym, Set<Place> places) {
    if (value instanceof JsonObject object) {
      for (Map.Entry<String, String> pair : PAIRS) {
        if (userId.equals(object.getValue(pair.getKey())) && object.containsKey(pair.getValue())
            && !pseudonym.equals(object.getValue(pair.getValue()))) {
          places.add(new Place(path, pair));
        }
      }
      for (String key : object.fieldNames()) {
        collect(object.getValue(key), append(path, key), userId, pseudonym, places);
      }
    } else if (value instanceof JsonArray array) {
      for (Object item : array) {
        collect(item, append(path, ELEMENT), userId, pseudonym, places);
      }
    }
  }

  /** The array filter for the elements that hold, at {@code rest} below them, the person's id and a name. */
  private static JsonObject holding(String identifier, List<String> rest, Map.Entry<String, String> pair, String userId) {
    StringBuilder prefix = new StringBuilder(identifier);
    // A query's path goes through lists by itself, so a list further down needs no position here.
    rest.stream().filter(segment -> !ELEMENT.equals(segment)).forEach(segment -> prefix.append('.').append(segment));
    return new JsonObject()
        .put(prefix + "." + pair.getKey(), userId)
        .put(prefix + "." + pair.getValue(), new JsonObject().put("$exists", true));
  }

  private static List<String> append(List<String> path, String segment) {
    List<String> longer = new ArrayList<>(path);
    longer.add(segment);
    return longer;
  }
}
