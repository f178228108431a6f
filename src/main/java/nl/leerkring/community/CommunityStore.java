package nl.leerkring.community;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.IdLists;
import nl.leerkring.platform.Kept;
import nl.leerkring.platform.Step;
import nl.leerkring.platform.Times;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Communities with their challenge and members embedded: a community has some ten members, and every
 * request in it needs them to decide what the caller may do, so one read by _id answers both. This is the
 * only class that knows the stored shape of a community. Since every request in a community reads it, the
 * communities read are kept in this process until they change ({@link Kept}): a role changed, a member added or
 * removed is seen by the next request, here at once and in other processes as soon as the news arrives there.
 */
public final class CommunityStore {

  public static final String COMMUNITIES = "communities";
  /** The communities in use at one time in a large installation; one is a few kilobytes. */
  private static final int KEPT = 5_000;

  private final Database db;
  private final MongoClient mongo;
  private final Kept<Community> kept;

  public CommunityStore(Database db) {
    this.db = db;
    this.mongo = db.mongo();
    this.kept = db.kept(COMMUNITIES, KEPT);
  }

  /** Cycles are numbered per community, and their id says which, so a retried close finds its own work. */
  public static String cycleId(String communityId, int number) {
    return communityId + ":" + number;
  }

  /** The list of a company's communities. */
  public static String organisationList(String organisationId) {
    return IdLists.key(organisationId, COMMUNITIES);
  }

  /** Null when there is no such community. */
  public Future<Community> byId(String id) {
    return kept.get(id, () -> mongo.findOne(COMMUNITIES, new JsonObject().put("_id", id), null)
        .map(doc -> doc == null ? null : fromDocument(doc)));
  }

  /** The communities there are of these ids, in the order given. */
  public Future<List<Community>> byIds(List<String> ids) {
    Map<String, Community> found = new HashMap<>();
    List<String> unknown = new ArrayList<>();
    ids.forEach(id -> {
      Community known = kept.known(id);
      if (known != null) {
        found.put(id, known);
      } else {
        unknown.add(id);
      }
    });
    long seen = kept.seen();
    return db.lists().byIds(COMMUNITIES, unknown).map(read -> {
      read.stream().map(CommunityStore::fromDocument).forEach(c -> {
        kept.keep(c.id(), c, seen);
        found.put(c.id(), c);
      });
      return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    });
  }

  public Future<List<Community>> ofOrganisation(String organisationId) {
    return db.lists().all(organisationList(organisationId), COMMUNITIES).map(CommunityStore::fromDocuments);
  }

  /** Every community: only for work done once a week, when reading them all is fine at any size. */
  public Future<List<Community>> all() {
    return mongo.find(COMMUNITIES, new JsonObject()).map(CommunityStore::fromDocuments);
  }

  /**
   * Every community's id with its current cycle's number, and nothing else of it: the embedded store gathers a
   * query's whole answer before it sends any of it, so this holds a few dozen bytes per community (what is
   * built again from everything, the search index, goes through the communities this way).
   */
  public Future<Map<String, Integer>> currentCycles() {
    return mongo.findWithOptions(COMMUNITIES, new JsonObject(),
        new FindOptions().setFields(new JsonObject().put("currentCycle", 1))).map(found -> {
          Map<String, Integer> cycles = new LinkedHashMap<>();
          found.forEach(doc -> cycles.put(doc.getString("_id"), doc.getInteger("currentCycle", 1)));
          return cycles;
        });
  }

  public static Step inserted(Community community) {
    return Step.insert(COMMUNITIES, toDocument(community));
  }

  /** The community in its company's list: written after the community and its first cycle. */
  public static Step listed(Community community) {
    return IdLists.add(organisationList(community.organisationId()), community.id());
  }

  public static Step addMember(String communityId, Community.Member member) {
    // The filter skips a person already in the list, so a replayed join adds nobody twice.
    return new Step(COMMUNITIES,
        new JsonObject().put("_id", communityId).put("members.userId", new JsonObject().put("$ne", member.userId())),
        new JsonObject().put("$push", new JsonObject().put("members", toDocument(member))), false);
  }

  public static Step removeMember(String communityId, String userId) {
    return Step.update(COMMUNITIES, communityId, new JsonObject()
        .put("$pull", new JsonObject().put("members", new JsonObject().put("userId", userId))));
  }

  /** Whether the member still had the role {@code from} and now has {@code role}. */
  public Future<Boolean> changeRole(String communityId, String userId, Role from, Role role) {
    // An array filter, not the positional $: the embedded store finds no position for an $elemMatch.
    return mongo.updateCollectionWithOptions(COMMUNITIES, new JsonObject().put("_id", communityId).put("members",
                new JsonObject().put("$elemMatch", new JsonObject().put("userId", userId).put("role", from.value()))),
            new JsonObject().put("$set", new JsonObject().put("members.$[member].role", role.value())),
            new UpdateOptions().setArrayFilters(new JsonArray().add(new JsonObject().put("member.userId", userId))))
        .compose(result -> db.writes().changed(COMMUNITIES, communityId).map(result.getDocMatched() == 1));
  }

  public static Step setChallenge(String communityId, Community.Challenge challenge) {
    return Step.update(COMMUNITIES, communityId,
        new JsonObject().put("$set", new JsonObject().put("challenge", toDocument(challenge))));
  }

  public static Step setCurrentCycle(String communityId, int number) {
    return Step.update(COMMUNITIES, communityId,
        new JsonObject().put("$max", new JsonObject().put("currentCycle", number)));
  }

  public static JsonObject toDocument(Community c) {
    JsonArray members = new JsonArray();
    c.members().forEach(m -> members.add(toDocument(m)));
    return new JsonObject()
        .put("_id", c.id())
        .put("organisationId", c.organisationId())
        .put("challenge", toDocument(c.challenge()))
        .put("members", members)
        .put("currentCycle", c.currentCycle())
        .put("createdBy", c.createdBy())
        .put("createdAt", Times.format(c.createdAt()));
  }

  public static Community fromDocument(JsonObject d) {
    List<Community.Member> members = d.getJsonArray("members", new JsonArray()).stream().map(m -> (JsonObject) m)
        .map(CommunityStore::member).toList();
    JsonObject challenge = d.getJsonObject("challenge", new JsonObject());
    return new Community(d.getString("_id"), d.getString("organisationId"),
        new Community.Challenge(challenge.getString("title"), challenge.getString("description"),
            challenge.getString("whyItMatters"), challenge.getString("desiredOutcome")),
        members, d.getInteger("currentCycle"), d.getString("createdBy"), instant(d.getString("createdAt")));
  }

  private static List<Community> fromDocuments(List<JsonObject> docs) {
    return docs.stream().map(CommunityStore::fromDocument).toList();
  }

  private static Community.Member member(JsonObject m) {
    return new Community.Member(m.getString("userId"), m.getString("displayName"), Role.parse(m.getString("role")),
        instant(m.getString("joinedAt")));
  }

  private static JsonObject toDocument(Community.Member m) {
    return new JsonObject().put("userId", m.userId()).put("displayName", m.displayName()).put("role", m.role().value())
        .put("joinedAt", m.joinedAt() == null ? null : Times.format(m.joinedAt()));
  }

  private static JsonObject toDocument(Community.Challenge c) {
    return new JsonObject().put("title", c.title()).put("description", c.description())
        .put("whyItMatters", c.whyItMatters()).put("desiredOutcome", c.desiredOutcome());
  }

  private static Instant instant(String value) {
    return value == null ? null : Instant.parse(value);
  }
}
