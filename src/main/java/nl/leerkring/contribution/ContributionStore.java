package nl.leerkring.contribution;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.platform.ClientKeys;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.IdLists;
import nl.leerkring.platform.Step;
import nl.leerkring.platform.Times;
import nl.leerkring.question.QuestionStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Where a lecturer's contributions are kept: the only class that knows a contribution document's fields. */
public final class ContributionStore {

  public static final String CONTRIBUTIONS = "contributions";

  private ContributionStore() {
  }

  public static String listKey(String communityId) {
    return IdLists.key(communityId, CONTRIBUTIONS);
  }

  /** The contribution and its place in the community's list; the questions it answers point to it. */
  public static List<Step> added(Contribution c) {
    return added(c, null);
  }

  /** The same, made only once per client key (null: no key; see {@link ClientKeys}): a repeat loses. */
  public static List<Step> added(Contribution c, String clientKey) {
    List<Step> steps = new ArrayList<>();
    steps.add(clientKey == null ? Step.insert(CONTRIBUTIONS, toDocument(c))
        : Step.claim(CONTRIBUTIONS, toDocument(c).put(ClientKeys.FIELD, clientKey)));
    steps.add(IdLists.add(listKey(c.communityId()), c.id()));
    c.questionIds().forEach(q -> steps.add(QuestionStore.contributionLinked(q, c.id())));
    return steps;
  }

  /** The contribution an earlier request with this client key made (the same person's, as the key says), or null. */
  public static Future<Contribution> byClientKey(Database db, String clientKey) {
    return db.mongo().findOne(CONTRIBUTIONS, new JsonObject().put(ClientKeys.FIELD, clientKey), null)
        .map(d -> d == null ? null : fromDocument(d));
  }

  /** The API views of the contributions, in the order of the ids given. */
  public static Future<JsonArray> views(Database db, List<String> ids) {
    return db.lists().byIds(CONTRIBUTIONS, ids).map(found -> {
      JsonArray out = new JsonArray();
      found.forEach(c -> out.add(view(c)));
      return out;
    });
  }

  /** The contributions of these ids that still exist, in the order given. */
  public static Future<List<Contribution>> byIds(Database db, List<String> ids) {
    return db.lists().byIds(CONTRIBUTIONS, ids)
        .map(found -> found.stream().map(ContributionStore::fromDocument).toList());
  }

  /** Every contribution to a community, in the order they were added. */
  public static Future<List<Contribution>> ofCommunity(Database db, String communityId) {
    return db.lists().all(listKey(communityId), CONTRIBUTIONS)
        .map(found -> found.stream().map(ContributionStore::fromDocument).toList());
  }

  /** A community's contributions made from {@code from} until {@code until} (now when null), newest first. */
  public static Future<List<Contribution>> between(Database db, String communityId, Instant from, Instant until,
                                                   int limit) {
    return db.lists().between(listKey(communityId), CONTRIBUTIONS, from, until, limit)
        .map(found -> found.stream().map(ContributionStore::fromDocument).toList());
  }

  /** The API's view of a stored contribution, built from the record. */
  public static JsonObject view(JsonObject contribution) {
    return fromDocument(contribution).view();
  }

  static JsonObject toDocument(Contribution c) {
    JsonArray references = new JsonArray();
    c.references().forEach(r -> references.add(r.toJson()));
    return new JsonObject()
        .put("_id", c.id())
        .put("communityId", c.communityId())
        .put("authorId", c.authorId())
        .put("authorName", c.authorName())
        .put("kind", c.kind().value())
        .put("text", c.text())
        .put("questionIds", new JsonArray(c.questionIds()))
        .put("references", references)
        .put("createdAt", Times.format(c.createdAt()));
  }

  static Contribution fromDocument(JsonObject d) {
    List<Contribution.Reference> references = d.getJsonArray("references", new JsonArray()).stream()
        .map(r -> Contribution.Reference.of((JsonObject) r)).toList();
    return new Contribution(d.getString("_id"), d.getString("communityId"), d.getString("authorId"),
        d.getString("authorName"), ContributionKind.parse(d.getString("kind")), d.getString("text"),
        IdLists.strings(d.getJsonArray("questionIds", new JsonArray())), references,
        Instant.parse(d.getString("createdAt")));
  }
}
