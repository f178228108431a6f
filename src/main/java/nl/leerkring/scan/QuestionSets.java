package nl.leerkring.scan;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The question sets on offer, read once from the classpath: {@code scan/index.json} names them (the default
 * first), each is {@code scan/ID.json}.
 */
public final class QuestionSets {

  private final Vertx vertx;
  private Future<Map<String, QuestionSet>> loaded;

  public QuestionSets(Vertx vertx) {
    this.vertx = vertx;
  }

  /** The set with this id, or null when there is none. */
  public Future<QuestionSet> get(String id) {
    return loaded().map(sets -> sets.get(id));
  }

  public Future<List<QuestionSet>> all() {
    return loaded().map(sets -> List.copyOf(sets.values()));
  }

  /** Reading files is blocking; it happens once, off the event loop. */
  private synchronized Future<Map<String, QuestionSet>> loaded() {
    if (loaded == null) {
      loaded = vertx.executeBlocking(QuestionSets::load, false);
    }
    return loaded;
  }

  /** Every set named in the index, in its order. Blocking. */
  public static Map<String, QuestionSet> load() {
    Map<String, QuestionSet> sets = new LinkedHashMap<>();
    for (Object id : read("scan/index.json").getJsonArray("sets")) {
      QuestionSet set = QuestionSet.parse(read("scan/" + id + ".json"));
      if (!set.id().equals(id)) {
        throw new IllegalArgumentException("scan/" + id + ".json names itself " + set.id());
      }
      sets.put(set.id(), set);
    }
    return sets;
  }

  private static JsonObject read(String resource) {
    try (InputStream in = QuestionSets.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("No question set file " + resource);
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
