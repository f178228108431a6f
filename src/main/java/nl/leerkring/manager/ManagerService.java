package nl.leerkring.manager;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.account.CompanyRole;
import nl.leerkring.account.Managers;
import nl.leerkring.account.UserStore;
import nl.leerkring.audit.AuditTrail;
import nl.leerkring.community.Community;
import nl.leerkring.community.CommunityService;
import nl.leerkring.community.CommunityStore;
import nl.leerkring.community.InvitationService;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.IdLists;
import nl.leerkring.platform.Problem;
import nl.leerkring.platform.Step;
import nl.leerkring.portfolio.PortfolioService;
import nl.leerkring.portfolio.ShareStore;
import nl.leerkring.scan.ScanService;
import nl.leerkring.web.Caller;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The manager (leidinggevende): what their people chose to share with them, and the harvest reports and scan
 * results of the communities their people are in; nothing else. A company's admins make managers (by invitation,
 * or by changing a person's company role) and assign people to them; every such change is in the audit trail.
 * A new manager for a person starts with nothing shared: the person chooses again.
 */
public final class ManagerService {

  private final Database db;
  private final UserStore users;
  private final CommunityService communityService;
  private final CommunityStore communities;
  private final InvitationService invitations;
  private final PortfolioService portfolio;
  private final ScanService scans;
  private final AuditTrail audit;

  public ManagerService(Database db, UserStore users, CommunityService communityService, CommunityStore communities,
                        InvitationService invitations, PortfolioService portfolio, ScanService scans, AuditTrail audit) {
    this.db = db;
    this.users = users;
    this.communityService = communityService;
    this.communities = communities;
    this.invitations = invitations;
    this.portfolio = portfolio;
    this.scans = scans;
    this.audit = audit;
  }

  /** The manager's own view: per person their shared items, and where to read reports and scan results. */
  public Future<JsonObject> mine(Caller caller) {
    if (!caller.manager()) {
      return Future.failedFuture(Problem.forbidden("Only a manager sees what their people share with them."));
    }
    List<Future<JsonObject>> people = caller.people().stream().map(id -> portfolio.sharedWith(caller, id)).toList();
    return Future.all(people).compose(done -> users.byIds(caller.people())).compose(found -> {
      List<String> communityIds = new ArrayList<>();
      found.forEach(u -> IdLists.strings(u.getJsonArray("communityIds", new JsonArray())).stream()
          .filter(id -> !communityIds.contains(id)).forEach(communityIds::add));
      return communities.byIds(communityIds);
    }).compose(found -> {
      List<Community> theirs = found.stream().filter(c -> c.organisationId().equals(caller.organisationId())
          && c.members().stream().anyMatch(m -> caller.manages(m.userId())))
          .sorted(Comparator.comparing(Community::title)).toList();
      List<Future<JsonObject>> views = theirs.stream().map(c -> communityView(caller, c)).toList();
      return Future.all(views).map(all -> new JsonObject()
          .put("people", new JsonArray(people.stream().map(Future::result)
              .sorted(Comparator.comparing(p -> String.valueOf(p.getString("displayName")))).toList()))
          .put("communities", new JsonArray(views.stream().map(Future::result).toList())));
    });
  }

  private Future<JsonObject> communityView(Caller caller, Community c) {
    JsonArray cycles = new JsonArray();
    for (int n = c.currentCycle(); n >= 1; n--) {
      cycles.add(n);
    }
    return scans.list(caller, c.id(), null).map(rounds -> new JsonObject().put("id", c.id()).put("title", c.title())
        .put("cycles", cycles)
        .put("scans", new JsonArray(rounds.stream().map(r -> (JsonObject) r).filter(r -> !r.getBoolean("open"))
            .map(r -> new JsonObject().put("id", r.getString("id")).put("title", r.getString("title"))
                .put("kind", r.getString("kind")).put("closedAt", r.getString("closedAt"))).toList())));
  }

  /** For the company's admins: its managers with their people, and the people who could be assigned. */
  public Future<JsonObject> company(Caller caller, String organisationId) {
    return communityService.organisation(caller, organisationId).compose(org -> Future.all(
        db.lists().ids(Managers.companyList(organisationId)), communities.ofOrganisation(organisationId)).compose(all -> {
          List<String> managerIds = all.resultAt(0);
          Map<String, String> members = new LinkedHashMap<>();
          all.<List<Community>>resultAt(1).forEach(c -> c.members().forEach(m -> members.put(m.userId(), m.displayName())));
          List<String> ids = new ArrayList<>(managerIds);
          members.keySet().stream().filter(id -> !ids.contains(id)).forEach(ids::add);
          return users.byIds(ids).map(found -> view(org, organisationId, managerIds, found));
        }));
  }

  private static JsonObject view(JsonObject org, String organisationId, List<String> managerIds, List<JsonObject> found) {
    Map<String, JsonObject> byId = new HashMap<>();
    found.stream().filter(u -> organisationId.equals(u.getString("organisationId")) && !u.getBoolean("erased", false))
        .forEach(u -> byId.put(u.getString("_id"), u));
    JsonArray managers = new JsonArray();
    managerIds.stream().map(byId::get).filter(u -> u != null && Managers.roleOf(u) == CompanyRole.MANAGER)
        .sorted(Comparator.comparing(u -> u.getString("displayName"))).forEach(u -> {
          JsonArray people = new JsonArray();
          Managers.peopleOf(u).stream().map(byId::get).filter(p -> p != null).forEach(p -> people.add(person(p, null)));
          managers.add(person(u, null).put("people", people));
        });
    JsonArray people = new JsonArray();
    byId.values().stream().sorted(Comparator.comparing(u -> u.getString("displayName"))).forEach(u -> {
      JsonObject manager = byId.get(Managers.managerOf(u));
      people.add(person(u, manager).put("companyRole", Managers.roleOf(u).value()));
    });
    return new JsonObject().put("id", organisationId).put("name", org.getString("name"))
        .put("managers", managers).put("people", people);
  }

  private static JsonObject person(JsonObject user, JsonObject manager) {
    JsonObject view = new JsonObject().put("id", user.getString("_id")).put("displayName", user.getString("displayName"));
    if (manager != null) {
      view.put("managerId", manager.getString("_id")).put("managerName", manager.getString("displayName"));
    }
    return view;
  }

  /** A link to become a manager in the company; its token is in the answer only. */
  public Future<JsonObject> invite(Caller caller, String organisationId, JsonObject body) {
    return communityService.organisation(caller, organisationId).compose(org -> {
      InvitationService.Prepared prepared = invitations.manager(organisationId, org.getString("name"), body,
          caller.userId());
      return db.writes().apply(prepared.steps()).map(done -> prepared.view());
    });
  }

  /** Makes a person of the company a manager, or an employee again (who then has no people any more). */
  public Future<JsonObject> changeRole(Caller caller, String organisationId, String userId, CompanyRole role) {
    return personOf(caller, organisationId, userId).compose(user -> {
      CompanyRole from = Managers.roleOf(user);
      if (from == role) {
        return Future.succeededFuture(user);
      }
      List<Step> steps = new ArrayList<>();
      if (role == CompanyRole.MANAGER) {
        steps.addAll(Managers.becomeManager(userId, organisationId));
      } else {
        List<String> people = Managers.peopleOf(user);
        steps.addAll(Managers.endManager(userId, organisationId, people));
        people.forEach(person -> steps.add(ShareStore.cleared(person, db.clock().instant())));
      }
      steps.addAll(audit.steps(organisationId, caller.userId(), "person.role.changed", userId,
          new JsonObject().put("from", from.value()).put("to", role.value())));
      return db.writes().apply(steps).compose(done -> users.byId(userId));
    }).map(user -> person(user, null).put("companyRole", Managers.roleOf(user).value()));
  }

  /** Gives a person of the company a manager of the company; what they shared with a former one is no longer shared. */
  public Future<JsonObject> assign(Caller caller, String organisationId, String userId, String managerId) {
    if (userId.equals(managerId)) {
      return Future.failedFuture(Problem.invalidField("managerId", "own_manager", "Nobody is their own manager."));
    }
    return personOf(caller, organisationId, userId).compose(user -> users.byId(managerId).compose(manager -> {
      if (manager == null || !organisationId.equals(manager.getString("organisationId"))
          || Managers.roleOf(manager) != CompanyRole.MANAGER) {
        throw Problem.invalidField("managerId", "not_manager", "That person is not a manager of this company.");
      }
      String former = Managers.managerOf(user);
      if (managerId.equals(former)) {
        return Future.succeededFuture(user);
      }
      List<Step> steps = new ArrayList<>(Managers.assign(userId, former, managerId));
      steps.add(ShareStore.cleared(userId, db.clock().instant()));
      steps.addAll(audit.steps(organisationId, caller.userId(), "manager.assigned", userId,
          new JsonObject().put("managerId", managerId)));
      return db.writes().apply(steps).compose(done -> users.byId(userId));
    })).compose(this::withManager);
  }

  /** The person has no manager any more; nothing of theirs is shared with anyone. */
  public Future<Void> unassign(Caller caller, String organisationId, String userId) {
    return personOf(caller, organisationId, userId).compose(user -> {
      String former = Managers.managerOf(user);
      if (former == null) {
        throw Problem.notFound("manager");
      }
      List<Step> steps = new ArrayList<>(Managers.unassign(userId, former));
      steps.add(ShareStore.cleared(userId, db.clock().instant()));
      steps.addAll(audit.steps(organisationId, caller.userId(), "manager.unassigned", userId,
          new JsonObject().put("managerId", former)));
      return db.writes().apply(steps);
    });
  }

  private Future<JsonObject> withManager(JsonObject user) {
    String managerId = Managers.managerOf(user);
    return (managerId == null ? Future.<JsonObject>succeededFuture() : users.byId(managerId))
        .map(manager -> person(user, manager));
  }

  /** A person of a company the caller administers; anyone else is unknown here. */
  private Future<JsonObject> personOf(Caller caller, String organisationId, String userId) {
    if (!caller.administers(organisationId)) {
      return Future.failedFuture(Problem.notFound("organisation"));
    }
    return users.byId(userId).map(user -> {
      if (user == null || user.getBoolean("erased", false) || !organisationId.equals(user.getString("organisationId"))) {
        throw Problem.notFound("person");
      }
      return user;
    });
  }
}
