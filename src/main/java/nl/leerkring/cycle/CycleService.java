package nl.leerkring.cycle;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.account.Caller;
import nl.leerkring.activity.ActivityLog;
import nl.leerkring.community.Access;
import nl.leerkring.community.CommunityStore;
import nl.leerkring.community.Membership;
import nl.leerkring.community.Role;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Problem;
import nl.leerkring.platform.Step;
import nl.leerkring.question.QuestionStatus;
import nl.leerkring.question.QuestionStore;

import java.util.ArrayList;
import java.util.List;

/** Learning cycles: numbered per community, one active at a time; closing one harvests it and starts the next. */
public final class CycleService {

  static final String CYCLES = "cycles";

  private final Database db;
  private final Access access;
  private final QuestionStore questions;
  private final ActivityLog activity;

  public CycleService(Database db, Access access, QuestionStore questions, ActivityLog activity) {
    this.db = db;
    this.access = access;
    this.questions = questions;
    this.activity = activity;
  }

  private Future<JsonObject> cycle(Membership m, int number) {
    return db.mongo().findOne(CYCLES, new JsonObject().put("_id", CommunityStore.cycleId(m.communityId(), number)), null)
        .map(cycle -> {
          if (cycle == null) {
            throw Problem.notFound("cycle");
          }
          return cycle;
        });
  }

  /** All cycles of a community, first to last. */
  public Future<JsonArray> list(Caller caller, String communityId) {
    return access.in(caller, communityId).compose(m -> {
      List<String> ids = new ArrayList<>();
      for (int n = 1; n <= m.currentCycle(); n++) {
        ids.add(CommunityStore.cycleId(m.communityId(), n));
      }
      return db.lists().byIds(CYCLES, ids);
    }).map(cycles -> {
      JsonArray out = new JsonArray();
      cycles.forEach(c -> out.add(view(c)));
      return out;
    });
  }

  public Future<JsonObject> get(Caller caller, String communityId, int number) {
    return access.in(caller, communityId).compose(m -> cycle(m, number)).map(CycleService::view);
  }

  public Future<JsonObject> updateGoal(Caller caller, String communityId, int number, String goal) {
    return access.in(caller, communityId).compose(m -> {
      m.requireRole(Role.FACILITATOR);
      return cycle(m, number).compose(cycle -> {
        if ("closed".equals(cycle.getString("status"))) {
          throw Problem.conflict("cycle_closed", "This cycle is closed; its goal stays as it was.");
        }
        return db.mongo().updateCollection(CYCLES, new JsonObject().put("_id", cycle.getString("_id")),
                new JsonObject().put("$set", new JsonObject().put("goal", goal.trim())))
            .compose(done -> cycle(m, number));
      });
    }).map(CycleService::view);
  }

  /**
   * Closes the active cycle with its harvest and starts the next one with the questions still open. The next
   * cycle is written first and the community points to it last, so a crash in between leaves cycle n active
   * and visible as before, and the same request can simply be sent again.
   */
  public Future<JsonObject> close(Caller caller, String communityId, int number, JsonObject body) {
    return access.in(caller, communityId).compose(m -> {
      m.requireRole(Role.FACILITATOR);
      return cycle(m, number).compose(cycle -> {
        if (!"active".equals(cycle.getString("status")) || m.currentCycle() != number) {
          throw Problem.conflict("cycle_not_active", "Only the active cycle can be closed.");
        }
        return questions.ofCommunity(m.communityId()).compose(all -> {
          JsonArray carried = new JsonArray();
          all.stream().filter(q -> QuestionStatus.isOpen(q.getString("status")))
              .forEach(q -> carried.add(q.getString("_id")));
          String now = db.now();
          JsonObject next = new JsonObject()
              .put("_id", CommunityStore.cycleId(m.communityId(), number + 1))
              .put("communityId", m.communityId())
              .put("number", number + 1)
              .put("goal", body.getString("nextGoal").trim())
              .put("status", "active")
              .put("startedAt", now)
              .put("carriedQuestionIds", carried)
              .put("startedFrom", new JsonObject().put("nextSteps", body.getJsonArray("nextSteps")));
          JsonObject closing = new JsonObject().put("$set", new JsonObject()
              .put("status", "closed")
              .put("closedAt", now)
              .put("closedBy", m.userId())
              .put("harvest", body.getJsonObject("harvest"))
              .put("nextSteps", body.getJsonArray("nextSteps")));
          return activity.entry(m.communityId(), "cycle.closed", m.userId(), m.caller().displayName(),
                  new JsonObject().put("number", number).put("nextGoal", next.getString("goal")))
              .compose(entry -> db.writes().apply(
                  Step.insert(CYCLES, next),
                  Step.update(CYCLES, cycle.getString("_id"), closing),
                  CommunityStore.setCurrentCycle(m.communityId(), number + 1),
                  entry))
              .compose(done -> Future.all(cycle(m, number), cycle(m, number + 1)))
              .map(both -> new JsonObject()
                  .put("closed", view(both.resultAt(0)))
                  .put("current", view(both.resultAt(1))));
        });
      });
    });
  }

  static JsonObject view(JsonObject cycle) {
    JsonObject out = cycle.copy();
    out.remove("_id");
    out.put("id", cycle.getString("_id"));
    return out;
  }
}
