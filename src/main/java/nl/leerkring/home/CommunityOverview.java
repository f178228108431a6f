package nl.leerkring.home;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.web.Caller;
import nl.leerkring.community.Access;
import nl.leerkring.community.CommunityService;
import nl.leerkring.community.Membership;
import nl.leerkring.community.Role;
import nl.leerkring.platform.Database;
import nl.leerkring.cycle.Cycle;
import nl.leerkring.question.Question;
import nl.leerkring.session.Session;

import java.util.List;

/**
 * Everything the community page shows at once: the challenge, the cycle, the next session, the open
 * questions, recent activity and the members, with what the caller's role lets them do from there.
 */
public final class CommunityOverview {

  static final int QUESTIONS_SHOWN = 10;
  static final int ACTIVITY_PAGE = 15;

  private final Database db;
  private final Access access;
  private final Agenda agenda;
  private final ActivityService activity;

  public CommunityOverview(Database db, Access access, Agenda agenda, ActivityService activity) {
    this.db = db;
    this.access = access;
    this.agenda = agenda;
    this.activity = activity;
  }

  public Future<JsonObject> overview(Caller caller, String communityId, Long before) {
    return access.in(caller, communityId).compose(m -> {
      Future<Cycle> cycle = agenda.currentCycle(m);
      Future<List<Session>> sessions = agenda.sessions(m.communityId());
      Future<List<Question>> questions = agenda.questions(m.communityId());
      Future<JsonObject> recent = activity.page(m, before, ACTIVITY_PAGE);
      return Future.all(cycle, sessions, questions, recent).map(done -> {
        List<Question> open = Agenda.open(questions.result());
        JsonArray shown = new JsonArray();
        open.stream().limit(QUESTIONS_SHOWN).forEach(q -> shown.add(new JsonObject()
            .put("id", q.id()).put("text", q.text()).put("priority", q.priority().value())
            .put("status", q.status().value()).put("votes", q.votes().size()).put("owned", !q.owners().isEmpty())));
        JsonObject out = CommunityService.view(m)
            .put("cycle", cycle.result() == null ? null : new JsonObject()
                .put("number", cycle.result().number()).put("goal", cycle.result().goal()))
            .put("nextSession", Agenda.next(sessions.result(), db.clock().instant()).map(Agenda::session).orElse(null))
            .put("openQuestions", shown)
            .put("openQuestionCount", open.size())
            .put("activity", recent.result())
            .put("can", can(m));
        return out;
      });
    });
  }

  /** What the caller may start from the community page; the features themselves check it again. */
  static JsonObject can(Membership m) {
    boolean facilitator = m.is(Role.FACILITATOR);
    return new JsonObject()
        .put("writeNote", m.isMember())
        .put("raiseQuestion", m.isMember())
        .put("manageMembers", facilitator || m.companyAdmin())
        .put("sendPrompts", facilitator)
        .put("seePrompts", m.isMember() || m.companyAdmin());
  }
}
