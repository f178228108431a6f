package nl.leerkring.snack;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import nl.leerkring.fieldnote.PhotoSizes;
import nl.leerkring.platform.ClientKeys;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.IdLists;
import nl.leerkring.platform.Step;
import nl.leerkring.platform.Times;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Learning snacks, one collection. Each snack is listed in its community's list (in the order they were made,
 * which the ids' order is too), in its question's list and in its author's list (for their data export and
 * erasure). Every write goes through {@code db.writes()}, so whatever follows snacks (the search index) is told.
 */
public final class SnackStore {

  public static final String SNACKS = "snacks";
  /** How many snacks a page of the community's list reads at once, walking back in time. */
  private static final int PAGE = 50;

  private final Database db;

  public SnackStore(Database db) {
    this.db = db;
  }

  public static String communityList(String communityId) {
    return IdLists.key(communityId, SNACKS);
  }

  static String questionList(String questionId) {
    return IdLists.key(questionId, SNACKS);
  }

  static String authorList(String userId) {
    return IdLists.key(userId, SNACKS);
  }

  /** The snack, or null when there is none with this id. */
  public Future<Snack> byId(String id) {
    return db.mongo().findOne(SNACKS, new JsonObject().put("_id", id), null)
        .map(doc -> doc == null ? null : fromDocument(doc));
  }

  /** The snacks of these ids that still exist, in the order given. */
  public Future<List<Snack>> byIds(List<String> ids) {
    return db.lists().byIds(SNACKS, ids).map(docs -> docs.stream().map(SnackStore::fromDocument).toList());
  }

  /** A question's snacks, newest first. */
  public Future<List<Snack>> ofQuestion(String questionId) {
    return db.lists().newestFirst(questionList(questionId), SNACKS, 0, Integer.MAX_VALUE)
        .map(docs -> docs.stream().map(SnackStore::fromDocument).toList());
  }

  /** Everything a person attached, in any community, newest first. */
  public Future<List<Snack>> ofAuthor(String userId) {
    return db.lists().newestFirst(authorList(userId), SNACKS, 0, Integer.MAX_VALUE)
        .map(docs -> docs.stream().map(SnackStore::fromDocument).toList());
  }

  /**
   * The snacks of a community made at or after {@code since}, oldest first (the order of their ids, which sort
   * by creation time). Reads the community's list from its newest end, a page at a time, and stops at the first
   * older snack, so a long history costs nothing.
   */
  public Future<List<Snack>> ofCommunitySince(String communityId, Instant since) {
    return collectSince(communityId, since, 0, new ArrayList<>()).map(newestFirst -> {
      Collections.reverse(newestFirst);
      return newestFirst;
    });
  }

  private Future<List<Snack>> collectSince(String communityId, Instant since, int offset, List<Snack> found) {
    return db.lists().newestFirst(communityList(communityId), SNACKS, offset, PAGE).compose(docs -> {
      for (JsonObject doc : docs) {
        Snack snack = fromDocument(doc);
        if (snack.createdAt().isBefore(since)) {
          return Future.succeededFuture(found);
        }
        found.add(snack);
      }
      return docs.size() < PAGE ? Future.succeededFuture(found) : collectSince(communityId, since, offset + PAGE, found);
    });
  }

  /**
   * A new snack: the document first, then the lists that point to it. Made once per {@code clientKey} (null:
   * no key; see {@link ClientKeys}): a repeat loses ({@link nl.leerkring.platform.Lost}).
   */
  public Future<Void> add(Snack snack, String clientKey) {
    List<Step> steps = new ArrayList<>(written(snack));
    if (clientKey != null) {
      steps.set(0, Step.claim(SNACKS, toDocument(snack).put(ClientKeys.FIELD, clientKey)));
    }
    return db.writes().apply(steps);
  }

  /** The snack an earlier request with this client key made (the same person's, as the key says), or null. */
  public Future<Snack> byClientKey(String clientKey) {
    return clientKey == null ? Future.succeededFuture()
        : db.mongo().findOne(SNACKS, new JsonObject().put(ClientKeys.FIELD, clientKey), null)
            .map(doc -> doc == null ? null : fromDocument(doc));
  }

  public static List<Step> written(Snack snack) {
    List<Step> steps = new ArrayList<>();
    steps.add(Step.insert(SNACKS, toDocument(snack)));
    steps.add(IdLists.add(communityList(snack.communityId()), snack.id()));
    steps.add(IdLists.add(questionList(snack.questionId()), snack.id()));
    steps.add(IdLists.add(authorList(snack.authorId()), snack.id()));
    return steps;
  }

  /** Sets exactly the fields the edit changed (an emptied text or address is removed). */
  public Future<Void> edited(Snack before, Snack after) {
    JsonObject old = toDocument(before);
    JsonObject now = toDocument(after);
    JsonObject set = new JsonObject();
    JsonObject unset = new JsonObject();
    now.forEach(field -> {
      if (!field.getValue().equals(old.getValue(field.getKey()))) {
        set.put(field.getKey(), field.getValue());
      }
    });
    old.fieldNames().stream().filter(f -> !now.containsKey(f)).forEach(f -> unset.put(f, ""));
    JsonObject update = new JsonObject();
    if (!set.isEmpty()) {
      update.put("$set", set);
    }
    if (!unset.isEmpty()) {
      update.put("$unset", unset);
    }
    return update.isEmpty() ? Future.succeededFuture() : db.writes().apply(List.of(Step.update(SNACKS, after.id(), update)));
  }

  /** The lists let go of it first, so no list points to a snack that is gone; then the snack itself. */
  public Future<Void> remove(Snack snack) {
    return db.writes().apply(List.of(
            IdLists.remove(communityList(snack.communityId()), snack.id()),
            IdLists.remove(questionList(snack.questionId()), snack.id()),
            IdLists.remove(authorList(snack.authorId()), snack.id())))
        .compose(x -> db.mongo().removeDocument(SNACKS, new JsonObject().put("_id", snack.id())))
        .compose(x -> db.writes().changed(SNACKS, snack.id()));
  }

  /**
   * After an erasure: the author's name becomes the pseudonym and the photo is gone. Only those fields are
   * written, never the snack as read, which would undo a write made in between and drop its intent marks.
   */
  public Future<Void> anonymised(Snack snack, String pseudonym) {
    return edited(snack, new Snack(snack.id(), snack.communityId(), snack.questionId(), snack.cycle(),
        snack.authorId(), pseudonym, snack.kind(), snack.title(), snack.text(), snack.url(), null, snack.createdAt(),
        snack.updatedAt()));
  }

  public Future<Void> dropAuthorList(String userId) {
    return db.lists().drop(authorList(userId));
  }

  static JsonObject toDocument(Snack s) {
    JsonObject doc = new JsonObject()
        .put("_id", s.id())
        .put("communityId", s.communityId())
        .put("questionId", s.questionId())
        .put("cycle", s.cycle())
        .put("authorId", s.authorId())
        .put("authorName", s.authorName())
        .put("kind", s.kind().value())
        .put("title", s.title())
        .put("createdAt", Times.format(s.createdAt()));
    if (s.text() != null) {
      doc.put("text", s.text());
    }
    if (s.url() != null) {
      doc.put("url", s.url());
    }
    if (s.photo() != null) {
      JsonObject photo = new JsonObject().put("id", s.photo().id()).put("contentType", s.photo().contentType());
      if (s.photo().sizes() != null) {
        s.photo().sizes().putInto(photo);
      }
      doc.put("photo", photo);
    }
    if (s.updatedAt() != null) {
      doc.put("updatedAt", Times.format(s.updatedAt()));
    }
    return doc;
  }

  public static Snack fromDocument(JsonObject d) {
    JsonObject photo = d.getJsonObject("photo");
    return new Snack(d.getString("_id"), d.getString("communityId"), d.getString("questionId"),
        d.getInteger("cycle", 1), d.getString("authorId"), d.getString("authorName"),
        SnackKind.parse(d.getString("kind")), d.getString("title"), d.getString("text"), d.getString("url"),
        photo == null ? null : new Snack.Photo(photo.getString("id"), photo.getString("contentType"),
            PhotoSizes.of(photo)),
        Instant.parse(d.getString("createdAt")),
        d.getString("updatedAt") == null ? null : Instant.parse(d.getString("updatedAt")));
  }
}
