package nl.leerkring.community;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import nl.leerkring.platform.IdLists;
import nl.leerkring.platform.Step;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import nl.leerkring.web.Caller;
import nl.leerkring.account.Managers;
import nl.leerkring.account.PasswordPolicy;
import nl.leerkring.account.Passwords;
import nl.leerkring.account.UserStore;
import nl.leerkring.activity.ActivityLog;
import nl.leerkring.audit.AuditTrail;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Hashes;
import nl.leerkring.platform.Ids;
import nl.leerkring.platform.Lost;
import nl.leerkring.platform.Problem;
import nl.leerkring.platform.StoreErrors;
import nl.leerkring.platform.Times;

import java.time.Duration;
import java.time.Instant;

/**
 * Joining by link, for staff without a company e-mail address: the facilitator or an admin makes a link for
 * one person, who opens it on their phone, picks a username and password, and is in. A link works once and
 * expires; the database keeps only the hash of its token. The API and the pages both ask here.
 */
public final class InvitationService {

  /**
   * Who joined where: {@code account} is the account just made, or null when a logged-in person joined. A
   * company admin's invitation leads to their company ({@code organisationId}) instead of a community.
   */
  public record Joined(String communityId, String organisationId, JsonObject account, boolean manager) {

    public Joined(String communityId, String organisationId, JsonObject account) {
      this(communityId, organisationId, account, false);
    }
  }

  /** An invitation about to be written with other documents; its token is in {@code view} only. */
  public record Prepared(List<Step> steps, JsonObject view) {
  }

  static final String COMPANY_ADMIN = "companyAdmin";

  /** An invitation to become a manager (leidinggevende) in the company: no community membership comes with it. */
  static final String MANAGER = "manager";

  static final String INVITATIONS = "invitations";

  private final Database db;
  private final MongoClient mongo;
  private final Access access;
  private final CommunityStore communities;
  private final UserStore users;
  private final Passwords passwords;
  private final PasswordPolicy policy;
  private final ActivityLog activity;
  private final AuditTrail audit;
  private final String publicUrl;

  public InvitationService(Database db, Access access, CommunityStore communities, UserStore users, Passwords passwords,
                           PasswordPolicy policy, ActivityLog activity, AuditTrail audit, String publicUrl) {
    this.audit = audit;
    this.policy = policy;
    this.db = db;
    this.mongo = db.mongo();
    this.access = access;
    this.communities = communities;
    this.users = users;
    this.passwords = passwords;
    this.activity = activity;
    this.publicUrl = publicUrl;
  }

  /** A new link for one person; the token is in the answer only now, the database keeps its hash. */
  public Future<JsonObject> create(Caller caller, String communityId, JsonObject body) {
    return access.in(caller, communityId).compose(m -> {
      m.requireManager();
      String token = Ids.newSecret();
      JsonObject invitation = new JsonObject()
          .put("_id", Hashes.sha256(token))
          .put("communityId", m.communityId())
          .put("organisationId", m.community().organisationId())
          .put("title", m.community().title())
          .put("role", Role.parse(body.getString("role")).value())
          .put("name", body.getString("name", "").trim())
          .put("createdBy", m.userId())
          .put("createdAt", db.now())
          .put("expiresAt", Times.format(db.clock().instant().plus(Duration.ofDays(body.getInteger("validDays", 14)))));
      String url = publicUrl + "/join/" + token;
      List<Step> steps = new ArrayList<>(List.of(Step.insert(INVITATIONS, invitation),
          IdLists.add(openKey(m.communityId()), invitation.getString("_id"))));
      steps.addAll(audit.steps(invitation.getString("organisationId"), m.userId(), "invitation.created", null,
          new JsonObject().put("communityId", m.communityId()).put("role", invitation.getString("role"))));
      steps.addAll(InvitationMail.to(body.getString("email"), body.getString("language"), invitation, url,
          m.caller().displayName()));
      return db.writes().apply(steps).map(done -> view(invitation)
          .put("token", token)
          .put("url", url));
    });
  }

  /**
   * The invitation of a company admin, made by the installation administrator together with the company:
   * whoever opens it makes their account (or uses the one they are logged in with) and administers it.
   */
  public Prepared companyAdmin(JsonObject organisation, JsonObject admin, String inviterName, String inviterId) {
    String token = Ids.newSecret();
    JsonObject invitation = new JsonObject()
        .put("_id", Hashes.sha256(token))
        .put("kind", COMPANY_ADMIN)
        .put("organisationId", organisation.getString("_id"))
        .put("title", organisation.getString("name"))
        .put("role", COMPANY_ADMIN)
        .put("name", admin.getString("displayName", "").trim())
        .put("createdBy", inviterId)
        .put("createdAt", db.now())
        .put("expiresAt", Times.format(db.clock().instant().plus(Duration.ofDays(admin.getInteger("validDays", 14)))));
    String url = publicUrl + "/join/" + token;
    List<Step> steps = new ArrayList<>(List.of(Step.insert(INVITATIONS, invitation)));
    steps.addAll(audit.steps(organisation.getString("_id"), inviterId, "admin.invited", null,
        new JsonObject().put("role", COMPANY_ADMIN)));
    steps.addAll(InvitationMail.toCompanyAdmin(admin.getString("email"), admin.getString("language"), invitation, url,
        inviterName));
    return new Prepared(steps, view(invitation).put("token", token).put("url", url));
  }

  /**
   * The invitation of a manager, made by a company admin: whoever opens it makes their account (or uses the one
   * of their company they are logged in with) and becomes a manager there, a member of no community. The admin
   * hands the link over (shown once, with its QR code); no mail is sent.
   */
  public Prepared manager(String organisationId, String organisationName, JsonObject body, String inviterId) {
    String token = Ids.newSecret();
    JsonObject invitation = new JsonObject()
        .put("_id", Hashes.sha256(token))
        .put("kind", MANAGER)
        .put("organisationId", organisationId)
        .put("title", organisationName)
        .put("role", MANAGER)
        .put("name", body.getString("name", "").trim())
        .put("createdBy", inviterId)
        .put("createdAt", db.now())
        .put("expiresAt", Times.format(db.clock().instant().plus(Duration.ofDays(body.getInteger("validDays", 14)))));
    String url = publicUrl + "/join/" + token;
    List<Step> steps = new ArrayList<>(List.of(Step.insert(INVITATIONS, invitation)));
    steps.addAll(audit.steps(organisationId, inviterId, "manager.invited", null,
        new JsonObject().put("role", MANAGER)));
    return new Prepared(steps, view(invitation).put("token", token).put("url", url));
  }

  /**
   * The community's invitations that can still be used, newest first, for those who may invite; never the
   * token. Using or withdrawing one takes it off the list; expired ones stay on it and are left out here.
   */
  public Future<List<JsonObject>> open(Caller caller, String communityId) {
    return access.in(caller, communityId).compose(m -> {
      m.requireManager();
      String now = db.now();
      return db.lists().newestFirst(openKey(m.communityId()), INVITATIONS, 0, Integer.MAX_VALUE).compose(all -> {
        List<JsonObject> open = all.stream().filter(i -> i.getString("usedBy") == null
            && i.getString("withdrawnAt") == null && i.getString("expiresAt").compareTo(now) > 0).toList();
        return users.byIds(open.stream().map(i -> i.getString("createdBy")).distinct().toList()).map(found -> {
          Map<String, String> names = new HashMap<>();
          found.forEach(u -> names.put(u.getString("_id"), u.getString("displayName")));
          return open.stream().map(i -> view(i)
              .put("id", i.getString("_id"))
              .put("createdAt", i.getString("createdAt"))
              .put("createdByName", names.get(i.getString("createdBy")))).toList();
        });
      });
    });
  }

  /**
   * Stops a link that has not been used yet; the withdrawal and its record in the audit trail are one write.
   * An invitation of another community is unknown here, as it is to an outsider.
   */
  public Future<Void> withdraw(Caller caller, String communityId, String invitationId) {
    return access.in(caller, communityId).compose(m -> {
      m.requireManager();
      return mongo.findOne(INVITATIONS, new JsonObject().put("_id", invitationId), null).compose(invitation -> {
        if (invitation == null || !m.communityId().equals(invitation.getString("communityId"))
            || invitation.getString("withdrawnAt") != null) {
          throw Problem.notFound("invitation");
        }
        if (invitation.getString("usedBy") != null) {
          throw usedNotWithdrawn();
        }
        // Only while still unused and not withdrawn: a link used at this moment is not recorded as withdrawn.
        List<Step> steps = new ArrayList<>(List.of(Step.update(INVITATIONS, invitationId, new JsonObject().put("$set",
                    new JsonObject().put("withdrawnAt", db.now()).put("withdrawnBy", m.userId())))
                .expecting("usedBy", null).expecting("withdrawnAt", null),
            IdLists.remove(openKey(m.communityId()), invitationId)));
        steps.addAll(audit.steps(invitation.getString("organisationId"), m.userId(), "invitation.withdrawn", null,
            new JsonObject().put("communityId", m.communityId()).put("role", invitation.getString("role"))));
        return db.writes().apply(steps).recover(failure -> !(failure instanceof Lost) ? Future.failedFuture(failure)
            : mongo.findOne(INVITATIONS, new JsonObject().put("_id", invitationId), null).compose(now ->
                Future.failedFuture(now.getString("usedBy") != null ? usedNotWithdrawn() : Problem.notFound("invitation"))));
      });
    });
  }

  private static Problem usedNotWithdrawn() {
    return Problem.conflict("invitation_used", "This invitation has already been used; remove the member instead.");
  }

  private static String openKey(String communityId) {
    return IdLists.key(communityId, INVITATIONS);
  }

  /** What the invitation is for, while it can still be used. */
  public Future<JsonObject> preview(String token) {
    return usable(token).map(InvitationService::view);
  }

  private Future<JsonObject> usable(String token) {
    return mongo.findOne(INVITATIONS, new JsonObject().put("_id", Hashes.sha256(token)), null).map(invitation -> {
      if (invitation == null) {
        throw Problem.notFound("invitation");
      }
      if (invitation.getString("usedBy") != null) {
        throw Problem.conflict("invitation_used", "This invitation has already been used. Ask for a new one.");
      }
      if (invitation.getString("withdrawnAt") != null) {
        throw Problem.conflict("invitation_withdrawn", "This invitation has been withdrawn. Ask for a new one.");
      }
      if (invitation.getString("expiresAt").compareTo(db.now()) <= 0) {
        throw Problem.conflict("invitation_expired", "This invitation has expired. Ask for a new one.");
      }
      return invitation;
    });
  }

  /**
   * A logged-in person ({@code caller} not null) joins with their own account; anyone else makes a new one
   * from the body, which the caller then logs in.
   */
  public Future<Joined> accept(Caller caller, String token, JsonObject body) {
    return usable(token).compose(invitation -> caller == null ? newAccount(invitation, body)
        : COMPANY_ADMIN.equals(invitation.getString("kind")) ? becomeAdmin(invitation, caller)
        : MANAGER.equals(invitation.getString("kind")) ? becomeManager(invitation, caller)
        : join(invitation, caller.userId(), caller.displayName())
            .map(x -> new Joined(invitation.getString("communityId"), null, null)));
  }

  private Future<Joined> becomeAdmin(JsonObject invitation, Caller caller) {
    String organisationId = invitation.getString("organisationId");
    if (caller.administers(organisationId)) {
      return Future.failedFuture(Problem.conflict("already_admin", "You already administer this company."));
    }
    return claim(invitation, caller.userId())
        .compose(x -> db.writes().apply(adminSteps(invitation, caller.userId(), UserStore.administer(caller.userId(), organisationId))))
        .map(x -> new Joined(null, organisationId, null));
  }

  /** Only someone of the invitation's company can become its manager; the role and its record are one write. */
  private Future<Joined> becomeManager(JsonObject invitation, Caller caller) {
    String organisationId = invitation.getString("organisationId");
    if (!organisationId.equals(caller.organisationId())) {
      return Future.failedFuture(Problem.conflict("other_company",
          "This invitation is for someone of another company. Log out and make a new account with it."));
    }
    if (caller.manager()) {
      return Future.failedFuture(Problem.conflict("already_manager", "You are already a manager in this company."));
    }
    return claim(invitation, caller.userId())
        .compose(x -> db.writes().apply(managerSteps(invitation, caller.userId())))
        .map(x -> new Joined(null, organisationId, null, true));
  }

  private List<Step> managerSteps(JsonObject invitation, String userId) {
    List<Step> steps = new ArrayList<>(Managers.becomeManager(userId, invitation.getString("organisationId")));
    steps.addAll(audit.steps(invitation.getString("organisationId"), userId, "invitation.used", userId,
        new JsonObject().put("role", MANAGER)));
    return steps;
  }

  /** A company admin's invitation used: the change itself and its record in the audit trail, in one write. */
  private List<Step> adminSteps(JsonObject invitation, String userId, Step... change) {
    List<Step> steps = new ArrayList<>(List.of(change));
    steps.addAll(audit.steps(invitation.getString("organisationId"), userId, "invitation.used", userId,
        new JsonObject().put("role", COMPANY_ADMIN)));
    return steps;
  }

  private Future<Joined> newAccount(JsonObject invitation, JsonObject body) {
    for (String field : new String[] {"displayName", "username", "password"}) {
      if (body.getString(field) == null) {
        return Future.failedFuture(Problem.invalidField(field, "required", "Fill in " + field + " to create your account."));
      }
    }
    String userId = Ids.newId();
    return accountProblems(body).compose(problems -> problems.isEmpty()
        ? passwords.hash(body.getString("password"))
        : Future.failedFuture(Problem.invalidFields(problems))).compose(hash -> {
      JsonObject user = UserStore.newUser(userId, body.getString("username"), body.getString("displayName"), hash,
          body.getString("language", "nl"), invitation.getString("organisationId"), db.now());
      boolean admin = COMPANY_ADMIN.equals(invitation.getString("kind"));
      boolean manager = MANAGER.equals(invitation.getString("kind"));
      if (admin) {
        user.put("adminOf", new JsonArray().add(invitation.getString("organisationId")));
      }
      return claim(invitation, userId)
          .compose(x -> users.insert(user).recover(error -> release(invitation)
              .compose(y -> Future.failedFuture(StoreErrors.isDuplicateKey(error)
                  ? usernameTaken()
                  : error))))
          .compose(x -> admin ? db.writes().apply(adminSteps(invitation, userId))
              : manager ? db.writes().apply(managerSteps(invitation, userId))
              : writeJoin(invitation, userId, user.getString("displayName")))
          .compose(x -> users.byId(userId))
          .map(joined -> new Joined(invitation.getString("communityId"), invitation.getString("organisationId"), joined,
              manager));
    });
  }

  /**
   * What is wrong with a new account's username and password besides their form: a username someone has, a
   * password too easy to guess. Both are looked at, so that the person hears of both after one try.
   */
  public Future<List<Problem>> accountProblems(JsonObject body) {
    String username = body.getString("username", "");
    String password = body.getString("password", "");
    Future<Problem> taken = username.isBlank() ? Future.succeededFuture()
        : users.byLogin(username).map(existing -> existing != null ? usernameTaken() : null);
    Future<Problem> weak = password.isEmpty() ? Future.succeededFuture()
        : policy.require("password", password, username, body.getString("displayName")).<Problem>map(ok -> null)
            .recover(failure -> failure instanceof Problem problem ? Future.succeededFuture(problem)
                : Future.failedFuture(failure));
    return Future.all(taken, weak).map(both -> Stream.of(taken.result(), weak.result()).filter(Objects::nonNull).toList());
  }

  /** Names the field, so that a form can show it there. */
  private static Problem usernameTaken() {
    return Problem.conflict("username_taken", "That username is taken. Choose another one.", "username");
  }

  private Future<Void> join(JsonObject invitation, String userId, String displayName) {
    return communities.byId(invitation.getString("communityId"))
        .compose(community -> {
          if (community != null && community.hasMember(userId)) {
            throw Problem.conflict("already_member", "You are already a member of this community.");
          }
          return claim(invitation, userId);
        })
        .compose(x -> writeJoin(invitation, userId, displayName));
  }

  /** Claims the link atomically, so two people opening it at once cannot both use it. */
  private Future<Void> claim(JsonObject invitation, String userId) {
    JsonObject unused = new JsonObject().put("_id", invitation.getString("_id")).putNull("usedBy").putNull("withdrawnAt");
    return mongo.findOneAndUpdateWithOptions(INVITATIONS, unused,
            new JsonObject().put("$set", new JsonObject().put("usedBy", userId).put("usedAt", db.now())),
            new FindOptions(), new UpdateOptions())
        .map(before -> {
          if (before == null) {
            throw Problem.conflict("invitation_used", "This invitation has already been used. Ask for a new one.");
          }
          return null;
        });
  }

  private Future<Void> release(JsonObject invitation) {
    return mongo.updateCollection(INVITATIONS, new JsonObject().put("_id", invitation.getString("_id")),
        new JsonObject().put("$set", new JsonObject().putNull("usedBy").putNull("usedAt"))).mapEmpty();
  }

  private Future<Void> writeJoin(JsonObject invitation, String userId, String displayName) {
    String communityId = invitation.getString("communityId");
    Community.Member member = new Community.Member(userId, displayName, Role.parse(invitation.getString("role")),
        Instant.parse(db.now()));
    return activity.entry(communityId, "member.joined", userId, displayName,
            new JsonObject().put("role", invitation.getString("role")))
        .compose(entry -> {
          List<Step> steps = new ArrayList<>(List.of(CommunityStore.addMember(communityId, member),
              UserStore.joinCommunity(userId, communityId), entry, IdLists.remove(openKey(communityId), invitation.getString("_id"))));
          steps.addAll(audit.steps(invitation.getString("organisationId"), userId, "invitation.used", userId,
              new JsonObject().put("communityId", communityId).put("role", invitation.getString("role"))));
          return db.writes().apply(steps);
        });
  }

  private static JsonObject view(JsonObject invitation) {
    return new JsonObject()
        .put("kind", invitation.getString("kind", "community"))
        .put("communityId", invitation.getString("communityId"))
        .put("organisationId", invitation.getString("organisationId"))
        .put("title", invitation.getString("title"))
        .put("role", invitation.getString("role"))
        .put("name", invitation.getString("name"))
        .put("expiresAt", invitation.getString("expiresAt"));
  }
}
