package nl.leerkring.platform;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * Which documents belong to what, kept as lists of ids per owner ("communityId/notes"). The embedded store
 * ignores non-unique indexes, so a query on a foreign key would scan the whole collection; reading a list by
 * _id and then the documents with $in on _id costs the same at any size.
 * <p>
 * A list is a head document with the newest ids and, once the head holds {@value #HEAD_LIMIT}, archive
 * documents of {@value #BUCKET} older ids each ("communityId/notes#0", "#1", ...). So an addition rewrites a
 * document of at most a few hundred ids, and the newest page reads the head alone, whether the list holds a
 * hundred ids or a hundred thousand. Ids removed from a list are remembered in the head, wherever they are.
 */
public final class IdLists {

  static final String COLLECTION = "idlists";
  static final int BUCKET = 100;
  static final int HEAD_LIMIT = 2 * BUCKET;

  private final MongoClient mongo;
  /** The heads read, kept until a write changes them; null where nothing is kept (the writes' own lists). */
  private Kept<Head> heads;
  /** Documents read through lists, by collection and projection, for the collections that asked for it. */
  private final ConcurrentMap<String, Kept<JsonObject>> documents = new ConcurrentHashMap<>();

  public IdLists(MongoClient mongo) {
    this.mongo = mongo;
  }

  /**
   * Keeps the heads this instance reads: nearly every page reads one or two (a community's sessions, questions,
   * prompts), and they change only with a write that adds to or removes from them.
   */
  void keepHeads(Kept<Head> kept) {
    this.heads = kept;
  }

  /**
   * Keeps the documents of {@code collection} that lists read with {@code fields} (null: whole documents), for a
   * collection whose lists nearly every page of a community reads (its sessions, its questions). Asking again for
   * the same collection and fields keeps using the first.
   */
  void keepDocuments(String collection, JsonObject fields, Supplier<Kept<JsonObject>> kept) {
    documents.computeIfAbsent(documentsKey(collection, fields), k -> kept.get());
  }

  private static String documentsKey(String collection, JsonObject fields) {
    return fields == null ? collection : collection + " " + fields.encode();
  }

  public static String key(String ownerId, String kind) {
    return ownerId + "/" + kind;
  }

  /** An id taken off a list may come back (a note linked to a question again): it is no longer removed. */
  public static Step add(String key, String id) {
    return Step.upsert(COLLECTION, key, new JsonObject()
        .put("$addToSet", new JsonObject().put("ids", id))
        .put("$pull", new JsonObject().put("removed", id)));
  }

  public static Step remove(String key, String id) {
    return Step.update(COLLECTION, key, new JsonObject()
        .put("$pull", new JsonObject().put("ids", id))
        .put("$addToSet", new JsonObject().put("removed", id)));
  }

  /** Whether a step adds to a list, after which the list's head may need {@link #tidy}. */
  static boolean adds(Step step) {
    JsonObject added = step.update().getJsonObject("$addToSet");
    return COLLECTION.equals(step.collection()) && added != null && added.containsKey("ids");
  }

  /**
   * Moves the oldest ids of a full head into archive documents. Two processes may tidy one list at once:
   * both write the same ids into the same archive (a set) and take them out of the head (a no-op the second
   * time), so no id is lost or shown twice; a crash between the two writes leaves the ids in the head, where
   * readers find them, and the next tidy finishes the move.
   */
  public Future<Void> tidy(String key) {
    return read(key).compose(head -> {
      if (head.ids.size() < HEAD_LIMIT) {
        return Future.succeededFuture();
      }
      JsonArray moved = new JsonArray(new ArrayList<>(head.ids.subList(0, BUCKET)));
      return mongo.updateCollectionWithOptions(COLLECTION, byId(archive(key, head.archived)),
              new JsonObject().put("$addToSet", new JsonObject().put("ids", new JsonObject().put("$each", moved))),
              new UpdateOptions().setUpsert(true))
          .compose(x -> mongo.updateCollection(COLLECTION, byId(key), new JsonObject()
              .put("$pullAll", new JsonObject().put("ids", moved))
              .put("$max", new JsonObject().put("archived", head.archived + 1))))
          .compose(x -> tidy(key));
    });
  }

  /**
   * A whole list's documents as additions one by one would have left them, for loading a large list in one go
   * (the benchmarks' loaders).
   */
  public static List<JsonObject> documents(String key, List<String> ids) {
    int archived = ids.size() < HEAD_LIMIT ? 0 : (ids.size() - BUCKET) / BUCKET;
    List<JsonObject> documents = new ArrayList<>();
    for (int i = 0; i < archived; i++) {
      documents.add(new JsonObject().put("_id", archive(key, i))
          .put("ids", new JsonArray(new ArrayList<>(ids.subList(i * BUCKET, (i + 1) * BUCKET)))));
    }
    documents.add(new JsonObject().put("_id", key).put("archived", archived)
        .put("ids", new JsonArray(new ArrayList<>(ids.subList(archived * BUCKET, ids.size())))));
    return documents;
  }

  /** Oldest first, in the order they were added. */
  public Future<List<String>> ids(String key) {
    return head(key).compose(head -> archived(key, 0, head.archived)
        .map(older -> head.visible(older, head.ids.size() + older.size())));
  }

  /**
   * Several whole lists, each oldest first, in two reads: their heads, then all their archives. For going through
   * everything a few owners at a time (the search index built again): the embedded store gathers a query's
   * whole answer before it sends any of it, so this holds no more than these lists, where one query over a
   * whole collection would hold every document of it. Straight from the store: nothing read here is kept.
   */
  public Future<Map<String, List<String>>> ids(List<String> keys) {
    if (keys.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    JsonObject query = new JsonObject().put("_id", new JsonObject().put("$in", new JsonArray(keys)));
    return mongo.findWithOptions(COLLECTION, query, new FindOptions().setLimit(keys.size())
        .setFields(new JsonObject().put("ids", 1).put("removed", 1).put("archived", 1))).compose(found -> {
          Map<String, Head> heads = new HashMap<>();
          found.forEach(doc -> heads.put(doc.getString("_id"), new Head(
              List.copyOf(strings(doc.getJsonArray("ids", new JsonArray()))),
              Set.copyOf(strings(doc.getJsonArray("removed", new JsonArray()))),
              doc.getInteger("archived", 0))));
          JsonArray archives = new JsonArray();
          heads.forEach((key, head) -> {
            for (int i = 0; i < head.archived; i++) {
              archives.add(archive(key, i));
            }
          });
          Future<Map<String, List<String>>> older = archives.isEmpty() ? Future.succeededFuture(Map.of())
              : mongo.findWithOptions(COLLECTION, new JsonObject().put("_id", new JsonObject().put("$in", archives)),
                  new FindOptions().setLimit(archives.size())).map(docs -> {
                    Map<String, List<String>> byId = new HashMap<>();
                    docs.forEach(doc -> byId.put(doc.getString("_id"), strings(doc.getJsonArray("ids", new JsonArray()))));
                    return byId;
                  });
          return older.map(archived -> {
            Map<String, List<String>> lists = new LinkedHashMap<>();
            for (String key : keys) {
              Head head = heads.getOrDefault(key, new Head(List.of(), Set.of(), 0));
              List<String> before = new ArrayList<>();
              for (int i = 0; i < head.archived; i++) {
                before.addAll(archived.getOrDefault(archive(key, i), List.of()));
              }
              lists.put(key, head.visible(before, Integer.MAX_VALUE));
            }
            return lists;
          });
        });
  }

  /** The documents of a list, newest first, skipping ids whose document is gone. */
  public Future<List<JsonObject>> newestFirst(String key, String collection, int offset, int limit) {
    return newestFirst(key, collection, offset, limit, null);
  }

  /** The same, with only the {@code fields} named (a projection; null for whole documents). */
  public Future<List<JsonObject>> newestFirst(String key, String collection, int offset, int limit, JsonObject fields) {
    return head(key).compose(head -> {
      long wanted = (long) offset + limit;
      long fromArchives = Math.max(0, wanted - head.ids.size() + head.removed.size());
      int archives = (int) Math.min(head.archived, (fromArchives + BUCKET - 1) / BUCKET);
      return archived(key, head.archived - archives, head.archived).map(older -> {
        List<String> newest = head.visible(older, Integer.MAX_VALUE);
        Collections.reverse(newest);
        int from = Math.min(offset, newest.size());
        return newest.subList(from, (int) Math.min(newest.size(), from + (long) limit));
      });
    }).compose(ids -> byIds(collection, ids, fields));
  }

  public Future<List<JsonObject>> all(String key, String collection) {
    return all(key, collection, null);
  }

  /** The same with only {@code fields} of each document (and its _id). */
  public Future<List<JsonObject>> all(String key, String collection, JsonObject fields) {
    return ids(key).compose(ids -> byIds(collection, ids, fields));
  }

  /**
   * The documents added from {@code from} until {@code until} (now when null), newest first, at most
   * {@code limit}. Ids grow with time and a list keeps them in the order they were added, so these are at the
   * list's end: the head, and archives only while the oldest id read is still that new. Ids not made by
   * {@link Ids#newId} (the demo's) sort after every made one: callers check each document's own time.
   */
  public Future<List<JsonObject>> between(String key, String collection, Instant from, Instant until, int limit) {
    Range range = new Range(Ids.from(from), until == null ? null : Ids.from(until));
    return head(key).compose(head -> {
      List<String> newest = head.visible(List.of(), Integer.MAX_VALUE);
      Collections.reverse(newest);
      return between(key, head, head.archived, newest, range, limit);
    }).compose(ids -> byIds(collection, ids));
  }

  private record Range(String from, String until) {

    boolean holds(String id) {
      return id.compareTo(from) >= 0 && (until == null || id.compareTo(until) < 0);
    }
  }

  private Future<List<String>> between(String key, Head head, int archive, List<String> newestFirst, Range range,
                                       int limit) {
    List<String> found = newestFirst.stream().filter(range::holds).limit(limit).toList();
    boolean olderMayHold = archive > 0 && found.size() < limit
        && (newestFirst.isEmpty() || newestFirst.get(newestFirst.size() - 1).compareTo(range.from()) >= 0);
    if (!olderMayHold) {
      return Future.succeededFuture(found);
    }
    return archived(key, archive - 1, archive).compose(older -> {
      List<String> all = new ArrayList<>(newestFirst);
      List<String> more = new ArrayList<>(older.stream().filter(id -> !head.removed.contains(id)).toList());
      Collections.reverse(more);
      all.addAll(more);
      return between(key, head, archive - 1, all, range, limit);
    });
  }

  /** Removes a whole list, head and archives. */
  public Future<Void> drop(String key) {
    return read(key).compose(head -> {
      JsonArray all = new JsonArray().add(key);
      for (int i = 0; i < head.archived; i++) {
        all.add(archive(key, i));
      }
      return mongo.removeDocuments(COLLECTION, new JsonObject().put("_id", new JsonObject().put("$in", all)));
    }).compose(x -> heads == null ? Future.succeededFuture() : heads.changed(key));
  }

  /** Documents in the order of the ids given. */
  public Future<List<JsonObject>> byIds(String collection, List<String> ids) {
    return byIds(collection, ids, null);
  }

  /** The same, with only the {@code fields} named (null for whole documents). */
  public Future<List<JsonObject>> byIds(String collection, List<String> ids, JsonObject fields) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    Kept<JsonObject> kept = documents.get(documentsKey(collection, fields));
    return kept == null ? find(collection, ids, fields) : byIds(kept, collection, ids, fields);
  }

  /** Those kept as copies, the others read and kept; callers may change what they get. */
  private Future<List<JsonObject>> byIds(Kept<JsonObject> kept, String collection, List<String> ids, JsonObject fields) {
    long seen = kept.seen();
    Map<String, JsonObject> byId = new HashMap<>();
    List<String> missing = new ArrayList<>();
    for (String id : ids) {
      JsonObject known = kept.known(id);
      if (known != null) {
        byId.put(id, known.copy());
      } else {
        missing.add(id);
      }
    }
    Future<List<JsonObject>> read = missing.isEmpty() ? Future.succeededFuture(List.of())
        : find(collection, missing, fields);
    return read.map(found -> {
      found.forEach(doc -> {
        kept.keep(doc.getString("_id"), doc.copy(), seen);
        byId.put(doc.getString("_id"), doc);
      });
      return ids.stream().filter(byId::containsKey).map(byId::get).toList();
    });
  }

  private Future<List<JsonObject>> find(String collection, List<String> ids, JsonObject fields) {
    JsonObject query = new JsonObject().put("_id", new JsonObject().put("$in", new JsonArray(ids)));
    FindOptions options = new FindOptions().setLimit(ids.size());
    if (fields != null) {
      options.setFields(fields);
    }
    return mongo.findWithOptions(collection, query, options).map(found -> {
      Map<String, JsonObject> byId = new HashMap<>();
      found.forEach(doc -> byId.put(doc.getString("_id"), doc));
      List<String> ordered = ids.stream().filter(byId::containsKey).toList();
      return ordered.stream().map(byId::get).toList();
    });
  }

  public static List<String> strings(JsonArray array) {
    List<String> out = new ArrayList<>(array.size());
    array.forEach(value -> out.add(String.valueOf(value)));
    return out;
  }

  record Head(List<String> ids, Set<String> removed, int archived) {

    /** The archived ids given, then the head's, without removed ones or repeats, at most {@code limit}. */
    List<String> visible(List<String> older, int limit) {
      Set<String> seen = new LinkedHashSet<>();
      for (List<String> part : List.of(older, ids)) {
        part.stream().filter(id -> !removed.contains(id)).forEach(seen::add);
      }
      return new ArrayList<>(seen).subList(0, Math.min(limit, seen.size()));
    }
  }

  private Future<Head> head(String key) {
    return heads == null ? read(key) : heads.get(key, () -> read(key));
  }

  /** From the store, never kept: what a change to the list starts from. */
  private Future<Head> read(String key) {
    return mongo.findOne(COLLECTION, byId(key), new JsonObject().put("ids", 1).put("removed", 1).put("archived", 1))
        .map(doc -> doc == null ? new Head(List.of(), Set.of(), 0) : new Head(
            List.copyOf(strings(doc.getJsonArray("ids", new JsonArray()))),
            Set.copyOf(strings(doc.getJsonArray("removed", new JsonArray()))),
            doc.getInteger("archived", 0)));
  }

  /** The ids of archives {@code from} (inclusive) to {@code to} (exclusive), oldest first. */
  private Future<List<String>> archived(String key, int from, int to) {
    if (from >= to) {
      return Future.succeededFuture(List.of());
    }
    JsonArray wanted = new JsonArray();
    for (int i = from; i < to; i++) {
      wanted.add(archive(key, i));
    }
    return mongo.findWithOptions(COLLECTION, new JsonObject().put("_id", new JsonObject().put("$in", wanted)),
        new FindOptions().setLimit(wanted.size())).map(found -> {
          Map<String, List<String>> byId = new HashMap<>();
          found.forEach(doc -> byId.put(doc.getString("_id"), strings(doc.getJsonArray("ids", new JsonArray()))));
          List<String> ids = new ArrayList<>();
          wanted.forEach(id -> ids.addAll(byId.getOrDefault((String) id, List.of())));
          return ids;
        });
  }

  private static String archive(String key, int number) {
    return key + "#" + number;
  }

  private static JsonObject byId(String id) {
    return new JsonObject().put("_id", id);
  }
}
