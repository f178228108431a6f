package nl.leerkring.audit;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.web.Caller;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.IdLists;
import nl.leerkring.platform.Ids;
import nl.leerkring.platform.Problem;
import nl.leerkring.platform.Step;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What was done to people's accounts and memberships in a company, for its admins and a works council:
 * invitations, role changes, removals, password resets, exports, erasures, company and admin changes. Each
 * record says who, when, what and about whom, never what anyone wrote. Records are only ever inserted. People
 * are kept by id and named when the trail is read, so an erased person shows under their pseudonym there too.
 */
public final class AuditTrail {

  static final String AUDIT = "audit";

  /** The people (user documents with _id and displayName) of these ids; the account feature keeps them. */
  public interface People {
    Future<List<JsonObject>> byIds(List<String> userIds);
  }

  private final Database db;
  private final People users;

  public AuditTrail(Database db, People users) {
    this.db = db;
    this.users = users;
  }

  /**
   * The steps that append one record, for a feature that writes its change and the record together through
   * {@code db.writes().apply(...)}. {@code actorId} and {@code subjectId} are user ids (either may be null).
   */
  public List<Step> steps(String organisationId, String actorId, String action, String subjectId, JsonObject details) {
    String id = Ids.newId();
    JsonObject record = new JsonObject()
        .put("_id", id)
        .put("organisationId", organisationId)
        .put("at", db.now())
        .put("actorId", actorId)
        .put("action", action)
        .put("subjectId", subjectId)
        .put("details", details == null ? new JsonObject() : details);
    return List.of(Step.insert(AUDIT, record), IdLists.add(key(organisationId), id));
  }

  /** Appends one record on its own, as in {@code audit.record(orgId, actor, "admin.added", subject, details)}. */
  public Future<Void> record(String organisationId, String actorId, String action, String subjectId, JsonObject details) {
    return db.writes().apply(steps(organisationId, actorId, action, subjectId, details));
  }

  /** The company's trail, oldest first, for its admins only (others: 404, as for any other company's things). */
  public Future<List<JsonObject>> of(Caller caller, String organisationId) {
    if (!caller.administers(organisationId)) {
      return Future.failedFuture(Problem.notFound("organisation"));
    }
    return db.lists().all(key(organisationId), AUDIT).compose(records -> {
      Set<String> people = new HashSet<>();
      records.forEach(r -> {
        people.add(r.getString("actorId"));
        people.add(r.getString("subjectId"));
      });
      people.remove(null);
      return users.byIds(new ArrayList<>(people)).map(found -> {
        Map<String, String> names = found.stream().collect(Collectors.toMap(u -> u.getString("_id"),
            u -> u.getString("displayName"), (a, b) -> a));
        Function<String, String> name = id -> id == null ? null : names.getOrDefault(id, id);
        return records.stream().map(r -> new JsonObject()
            .put("id", r.getString("_id"))
            .put("at", r.getString("at"))
            .put("action", r.getString("action"))
            .put("actorId", r.getString("actorId"))
            .put("actorName", name.apply(r.getString("actorId")))
            .put("subjectId", r.getString("subjectId"))
            .put("subjectName", name.apply(r.getString("subjectId")))
            .put("details", r.getJsonObject("details", new JsonObject()))).toList();
      });
    });
  }

  public static JsonArray toJson(List<JsonObject> records) {
    return new JsonArray(new ArrayList<>(records));
  }

  private static String key(String organisationId) {
    return IdLists.key(organisationId, "audit");
  }
}
