package nl.leerkring.cycle;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.web.Caller;
import nl.leerkring.activity.ActivityLog;
import nl.leerkring.community.Access;
import nl.leerkring.community.CommunityStore;
import nl.leerkring.community.Membership;
import nl.leerkring.community.Role;
import nl.leerkring.fieldnote.NoteStore;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.IdLists;
import nl.leerkring.platform.Lost;
import nl.leerkring.platform.Problem;
import nl.leerkring.platform.Step;
import nl.leerkring.question.Question;
import nl.leerkring.question.QuestionStore;
import nl.leerkring.session.Session;
import nl.leerkring.session.SessionStatus;
import nl.leerkring.session.SessionStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Learning cycles: numbered per community, one active at a time; closing one harvests it and starts the next. */
public final class CycleService {

  private final Database db;
  private final CycleStore store;
  private final Access access;
  private final QuestionStore questions;
  private final SessionStore sessions;
  private final NoteStore notes;
  private final ActivityLog activity;

  public CycleService(Database db, CycleStore store, Access access, QuestionStore questions, SessionStore sessions,
                      NoteStore notes, ActivityLog activity) {
    this.db = db;
    this.store = store;
    this.access = access;
    this.questions = questions;
    this.sessions = sessions;
    this.notes = notes;
    this.activity = activity;
  }

  private Future<Cycle> cycle(Membership m, int number) {
    return store.byNumber(m.communityId(), number).map(cycle -> {
      if (cycle == null) {
        throw Problem.notFound("cycle");
      }
      return cycle;
    });
  }

  private static Problem notActive() {
    return Problem.conflict("cycle_not_active", "Only the active cycle can be closed.");
  }

  /** All cycles of a community, first to last, each with its figures. */
  public Future<JsonArray> list(Caller caller, String communityId) {
    return access.in(caller, communityId).compose(m -> Future.all(store.upTo(m.communityId(), m.currentCycle()),
            sessions.ofCommunity(m.communityId()), notes.ofCommunity(m.communityId()),
            questions.ofCommunity(m.communityId())))
        .map(read -> {
          JsonArray out = new JsonArray();
          read.<List<Cycle>>resultAt(0).forEach(c -> out.add(c.view().put("figures", CycleFigures.of(c.number(),
              read.resultAt(1), read.resultAt(2), read.resultAt(3)).view())));
          return out;
        });
  }

  public Future<JsonObject> get(Caller caller, String communityId, int number) {
    return access.in(caller, communityId).compose(m -> cycle(m, number)).map(Cycle::view);
  }

  public Future<JsonObject> updateGoal(Caller caller, String communityId, int number, String goal) {
    return access.in(caller, communityId).compose(m -> {
      m.requireRole(Role.FACILITATOR);
      return cycle(m, number).compose(cycle -> {
        if (cycle.status() == CycleStatus.CLOSED) {
          throw Problem.conflict("cycle_closed", "This cycle is closed; its goal stays as it was.");
        }
        return store.goal(cycle, goal.trim()).compose(done -> cycle(m, number));
      });
    }).map(Cycle::view);
  }

  /**
   * Closes the active cycle with its harvest and starts the next one with the questions still open; sessions
   * of the closed cycle still planned for later belong to the next one. Closing comes first and only while the
   * cycle is active, so of two closes at once one wins and the other, having written nothing, gets 409; the
   * community points to the next cycle last.
   */
  public Future<JsonObject> close(Caller caller, String communityId, int number, JsonObject body) {
    return access.in(caller, communityId).compose(m -> {
      m.requireRole(Role.FACILITATOR);
      return cycle(m, number).compose(cycle -> {
        if (cycle.status() != CycleStatus.ACTIVE || m.currentCycle() != number) {
          throw notActive();
        }
        return Future.all(questions.ofCommunity(m.communityId()), sessions.ofCommunity(m.communityId()))
            .compose(read -> {
              List<String> open = read.<List<Question>>resultAt(0).stream().filter(Question::isOpen)
                  .map(Question::id).toList();
              List<String> nextSteps = IdLists.strings(body.getJsonArray("nextSteps"));
              Instant now = db.clock().instant();
              Cycle next = cycle.next(body.getString("nextGoal").trim(), open, nextSteps, now);
              Cycle closed = cycle.closed(Harvest.of(body.getJsonObject("harvest")), nextSteps, m.userId(), now);
              List<Step> steps = new ArrayList<>(List.of(CycleStore.closed(closed), CycleStore.started(next)));
              read.<List<Session>>resultAt(1).stream()
                  .filter(s -> s.cycle() == number && s.is(SessionStatus.PLANNED) && s.startsAt().isAfter(now))
                  .forEach(s -> steps.add(SessionStore.movedToCycle(s, number + 1)));
              steps.add(CommunityStore.setCurrentCycle(m.communityId(), number + 1));
              return activity.entry(m.communityId(), "cycle.closed", m.userId(), m.caller().displayName(),
                  new JsonObject().put("number", number).put("nextGoal", next.goal())).compose(entry -> {
                    steps.add(entry);
                    return db.writes().apply(steps).recover(Lost.as(notActive()));
                  });
            })
            .compose(done -> Future.all(cycle(m, number), cycle(m, number + 1)))
            .map(both -> new JsonObject()
                .put("closed", both.<Cycle>resultAt(0).view())
                .put("current", both.<Cycle>resultAt(1).view()));
      });
    });
  }
}
