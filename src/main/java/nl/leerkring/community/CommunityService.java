package nl.leerkring.community;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.web.Caller;
import nl.leerkring.account.UserStore;
import nl.leerkring.activity.ActivityLog;
import nl.leerkring.audit.AuditTrail;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Ids;
import nl.leerkring.platform.Problem;
import nl.leerkring.platform.Step;
import nl.leerkring.platform.Times;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Communities: starting one, its challenge, its members. The API and the pages both ask here. */
public final class CommunityService {

  private final Database db;
  private final CommunityStore communities;
  private final Access access;
  private final ActivityLog activity;
  private final AuditTrail audit;
  private final FirstCycle firstCycle;

  /** The write that starts a new community's first cycle: the cycle feature's, which depends on communities. */
  @FunctionalInterface
  public interface FirstCycle {
    Step start(String communityId, String goal, Instant now);
  }

  public CommunityService(Database db, CommunityStore communities, Access access, ActivityLog activity,
                          AuditTrail audit, FirstCycle firstCycle) {
    this.audit = audit;
    this.firstCycle = firstCycle;
    this.db = db;
    this.communities = communities;
    this.access = access;
    this.activity = activity;
  }

  public Future<Membership> get(Caller caller, String communityId) {
    return access.in(caller, communityId);
  }

  /** The communities a person is in, and those of the companies they administer. */
  public Future<JsonArray> list(Caller caller) {
    List<Future<List<String>>> adminLists = caller.adminOf().stream()
        .map(org -> db.lists().ids(CommunityStore.organisationList(org))).toList();
    return Future.all(adminLists).compose(done -> {
      Set<String> ids = new LinkedHashSet<>(caller.communityIds());
      adminLists.forEach(list -> ids.addAll(list.result()));
      return communities.byIds(new ArrayList<>(ids));
    }).map(found -> {
      JsonArray out = new JsonArray();
      found.stream().map(c -> Access.of(caller, c)).filter(m -> m != null).forEach(m -> out.add(summary(m)));
      return out;
    });
  }

  public Future<JsonObject> create(Caller caller, JsonObject body) {
    String organisationId = body.getString("organisationId");
    if (!caller.administers(organisationId)) {
      // Staff may know their own company exists; anyone else's stays unknown.
      return Future.failedFuture(organisationId.equals(caller.organisationId())
          ? Problem.forbidden("Only a company admin can start a community.")
          : Problem.notFound("organisation"));
    }
    String id = Ids.newId();
    Instant now = Instant.parse(db.now());
    Community community = Community.started(id, organisationId,
        Community.Challenge.of(body.getJsonObject("challenge")), caller.userId(), now);
    return activity.entry(id, "community.started", caller.userId(), caller.displayName(),
            new JsonObject().put("title", community.title()))
        .compose(entry -> db.writes().apply(
            CommunityStore.inserted(community),
            firstCycle.start(id, body.getString("firstCycleGoal", "Verkennen van het vraagstuk").trim(), now),
            CommunityStore.listed(community),
            entry))
        .compose(done -> access.in(caller, id))
        .map(CommunityService::view);
  }

  public Future<JsonObject> updateChallenge(Caller caller, String communityId, JsonObject challenge) {
    return access.in(caller, communityId)
        .compose(m -> {
          if (!m.companyAdmin() && !m.is(Role.FACILITATOR)) {
            throw Problem.forbidden("Only the facilitator or a company admin can change the challenge.");
          }
          return db.writes().apply(CommunityStore.setChallenge(m.communityId(), Community.Challenge.of(challenge)));
        })
        .compose(done -> access.in(caller, communityId))
        .map(CommunityService::view);
  }

  public Future<JsonObject> changeRole(Caller caller, String communityId, String userId, Role role) {
    return access.in(caller, communityId)
        .compose(m -> {
          m.requireManager();
          if (!m.hasMember(userId)) {
            throw Problem.notFound("member");
          }
          // Two managers changing the same person's role at once: the second finds the role it read gone.
          Role from = m.community().member(userId).role();
          return communities.changeRole(m.communityId(), userId, from, role).compose(changed -> {
            if (!changed) {
              throw Problem.conflict("role_changed",
                  "Someone else changed this member's role just now; look again before changing it.");
            }
            return audit.record(
              m.community().organisationId(), m.userId(), "member.role_changed", userId,
              new JsonObject().put("communityId", m.communityId()).put("role", role.value()));
          });
        })
        .compose(done -> access.in(caller, communityId))
        .map(m -> {
          Community.Member member = m.community().member(userId);
          if (member == null) {
            throw Problem.notFound("member");
          }
          return member.view();
        });
  }

  public Future<Void> removeMember(Caller caller, String communityId, String userId) {
    return access.in(caller, communityId).compose(m -> {
      m.requireManager();
      if (!m.hasMember(userId)) {
        throw Problem.notFound("member");
      }
      // The community's own list decides membership, so it goes first: the person loses access at once.
      List<Step> steps = new ArrayList<>(List.of(CommunityStore.removeMember(m.communityId(), userId),
          UserStore.leaveCommunity(userId, m.communityId())));
      steps.addAll(audit.steps(m.community().organisationId(), m.userId(), "member.removed", userId,
          new JsonObject().put("communityId", m.communityId())));
      return db.writes().apply(steps);
    });
  }

  public Future<JsonObject> organisation(Caller caller, String organisationId) {
    if (!caller.administers(organisationId)) {
      return Future.failedFuture(Problem.notFound("organisation"));
    }
    return db.mongo().findOne("organisations", new JsonObject().put("_id", organisationId), null)
        .compose(org -> communities.ofOrganisation(organisationId)
            .map(list -> {
              JsonArray summaries = new JsonArray();
              list.forEach(c -> summaries.add(summary(Access.of(caller, c))));
              return new JsonObject()
                  .put("id", organisationId)
                  .put("name", org == null ? null : org.getString("name"))
                  .put("kind", org == null ? null : org.getString("kind"))
                  .put("communities", summaries);
            }));
  }

  public static JsonObject summary(Membership m) {
    Community c = m.community();
    return new JsonObject()
        .put("id", c.id())
        .put("organisationId", c.organisationId())
        .put("title", c.title())
        .put("currentCycle", c.currentCycle())
        .put("memberCount", c.members().size())
        .put("myRole", m.role() == null ? null : m.role().value())
        .put("companyAdmin", m.companyAdmin());
  }

  /** The API's view: built from the record, so what is only stored (who started it) stays out. */
  public static JsonObject view(Membership m) {
    JsonArray members = new JsonArray();
    m.community().members().forEach(member -> members.add(member.view()));
    return summary(m)
        .put("challenge", m.community().challenge().view())
        .put("members", members)
        .put("createdAt", Times.format(m.community().createdAt()));
  }
}
