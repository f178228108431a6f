package nl.leerkring.installation;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import nl.leerkring.web.Caller;
import nl.leerkring.account.PasswordPolicy;
import nl.leerkring.account.Passwords;
import nl.leerkring.audit.AuditTrail;
import nl.leerkring.account.UserStore;
import nl.leerkring.community.InvitationService;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Hashes;
import nl.leerkring.community.CommunityStore;
import nl.leerkring.platform.Ids;
import nl.leerkring.platform.Problem;
import nl.leerkring.platform.Step;
import nl.leerkring.platform.StoreErrors;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The installation itself: its administrators, who add the companies, and each company's first admin. A
 * release starts without any account; the first installation administrator comes from a one-time setup
 * link in the log or from the {@code create-admin} command. The API and the pages both ask here.
 */
public final class InstallationService {

  static final String SETUP = "installation";
  private static final DateTimeFormatter BACKUP_NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
      .withZone(ZoneOffset.UTC);
  private static final String SETUP_ID = "setup";
  static final String ORGANISATIONS = "organisations";
  /** One document per company name, by its normalised name as _id: the store refuses a second one. */
  public static final String ORGANISATION_NAMES = "organisationNames";

  private final Database db;
  private final MongoClient mongo;
  private final UserStore users;
  private final Passwords passwords;
  private final InvitationService invitations;
  private final PasswordPolicy policy;
  private final AuditTrail audit;
  private final Path backups;

  public InstallationService(Database db, UserStore users, Passwords passwords, PasswordPolicy policy,
                             InvitationService invitations, AuditTrail audit, Path backups) {
    this.db = db;
    this.policy = policy;
    this.audit = audit;
    this.backups = backups;
    this.mongo = db.mongo();
    this.users = users;
    this.passwords = passwords;
    this.invitations = invitations;
  }

  /** The key under which a company's name is unique: case and spacing do not make another company. */
  public static String nameKey(String name) {
    return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  /**
   * While the installation has no administrator, a new setup link: its token is answered once (for the log),
   * the store keeps only its hash, and it replaces any earlier link. Answers null when an administrator exists.
   */
  public Future<String> openSetupIfNeeded() {
    return mongo.findOne(UserStore.USERS, new JsonObject().put("installationAdmin", true), new JsonObject().put("_id", 1))
        .compose(admin -> {
          if (admin != null) {
            return Future.succeededFuture();
          }
          String token = Ids.newSecret();
          JsonObject setup = new JsonObject().put("tokenHash", Hashes.sha256(token)).put("createdAt", db.now())
              .putNull("usedAt");
          return mongo.updateCollectionWithOptions(SETUP, new JsonObject().put("_id", SETUP_ID),
              new JsonObject().put("$set", setup), new UpdateOptions().setUpsert(true)).map(token);
        });
  }

  /** Whether a setup link is still usable: the page shows its form only then. */
  public Future<Void> checkSetup(String token) {
    return mongo.findOne(SETUP, unusedSetup(token), null)
        .map(found -> {
          if (found == null) {
            throw setupUnknown();
          }
          return null;
        });
  }

  /** Uses the setup link once: the person who opens it becomes the first installation administrator. */
  public Future<JsonObject> completeSetup(String token, JsonObject body) {
    return mongo.findOneAndUpdateWithOptions(SETUP, unusedSetup(token),
            new JsonObject().put("$set", new JsonObject().put("usedAt", db.now())), new FindOptions(), new UpdateOptions())
        .compose(claimed -> {
          if (claimed == null) {
            throw setupUnknown();
          }
          return createAdmin(body).recover(failure -> mongo.updateCollection(SETUP,
                  new JsonObject().put("_id", SETUP_ID), new JsonObject().put("$set", new JsonObject().putNull("usedAt")))
              .compose(released -> Future.failedFuture(failure)));
        });
  }

  /**
   * A new installation administrator from {@code login}, {@code displayName}, {@code password} and an optional
   * {@code language}, checked against the contract before. Any setup link still open stops working.
   */
  public Future<JsonObject> createAdmin(JsonObject body) {
    String userId = Ids.newId();
    return users.byLogin(body.getString("login"))
        .compose(existing -> {
          if (existing != null) {
            throw loginTaken();
          }
          return policy.require("password", body.getString("password"), body.getString("login"),
              body.getString("displayName"));
        })
        .compose(strong -> passwords.hash(body.getString("password")))
        .compose(hash -> {
          JsonObject user = UserStore.newUser(userId, body.getString("login"), body.getString("displayName"), hash,
              body.getString("language", "nl"), null, db.now()).put("installationAdmin", true);
          return users.insert(user).recover(error -> Future.failedFuture(
              StoreErrors.isDuplicateKey(error) ? loginTaken() : error));
        })
        .compose(x -> mongo.removeDocument(SETUP, new JsonObject().put("_id", SETUP_ID).putNull("usedAt")))
        .compose(x -> users.byId(userId));
  }

  /** Every organisation of the installation, with how many communities it has. */
  public Future<JsonArray> organisations(Caller caller) {
    return requireInstallationAdmin(caller)
        .compose(x -> mongo.find(ORGANISATIONS, new JsonObject()))
        .compose(orgs -> {
          List<Future<List<String>>> communities = orgs.stream()
              .map(org -> db.lists().ids(CommunityStore.organisationList(org.getString("_id")))).toList();
          return Future.all(communities).map(done -> {
            JsonArray out = new JsonArray();
            for (int i = 0; i < orgs.size(); i++) {
              out.add(view(orgs.get(i)).put("communityCount", communities.get(i).result().size()));
            }
            return out;
          });
        });
  }

  /**
   * A new company and the invitation of its first company admin, whose link and token are in the answer
   * only now. The body was checked against the contract; a company of the same name answers 409.
   */
  public Future<JsonObject> createOrganisation(Caller caller, JsonObject body) {
    String name = body.getString("name").strip();
    String id = Ids.newId();
    JsonObject organisation = new JsonObject().put("_id", id).put("name", name).put("kind", "company")
        .put("createdBy", caller.userId()).put("createdAt", db.now());
    return requireInstallationAdmin(caller)
        // The invitation is made first: a bad e-mail address must leave nothing behind, not even the name.
        .map(x -> invitations.companyAdmin(organisation, body.getJsonObject("admin"), caller.displayName(), caller.userId()))
        .compose(invitation -> mongo.insert(ORGANISATION_NAMES, new JsonObject().put("_id", nameKey(name)).put("organisationId", id))
            .recover(error -> Future.failedFuture(StoreErrors.isDuplicateKey(error)
                ? Problem.conflict("organisation_exists", "There is already a company of that name.", "name")
                : error))
            .compose(x -> {
              List<Step> steps = new ArrayList<>(List.of(Step.insert(ORGANISATIONS, organisation)));
              steps.addAll(audit.steps(id, caller.userId(), "company.created", null, new JsonObject().put("name", name)));
              return write(organisation, invitation, steps);
            }));
  }

  /** A new invitation for a company admin of an existing company, for instance when the first one expired. */
  public Future<JsonObject> inviteCompanyAdmin(Caller caller, String organisationId, JsonObject admin) {
    return requireInstallationAdmin(caller)
        .compose(x -> mongo.findOne(ORGANISATIONS, new JsonObject().put("_id", organisationId), null))
        .compose(organisation -> {
          if (organisation == null) {
            throw Problem.notFound("organisation");
          }
          return write(organisation,
              invitations.companyAdmin(organisation, admin, caller.displayName(), caller.userId()), List.of());
        });
  }

  private Future<JsonObject> write(JsonObject organisation, InvitationService.Prepared invitation, List<Step> before) {
    List<Step> steps = new ArrayList<>(before);
    steps.addAll(invitation.steps());
    return db.writes().apply(steps).map(done -> view(organisation).put("adminInvitation", invitation.view()));
  }

  /**
   * One consistent copy of the embedded store, taken while everyone keeps working, in the data directory's
   * backups folder. A real MongoDB is backed up with its own tools, so there this answers 409 and says so.
   */
  public Future<JsonObject> backup(Caller caller) {
    String name = "leerkring-" + BACKUP_NAME.format(db.clock().instant()) + ".mv.db";
    return requireInstallationAdmin(caller)
        .compose(x -> db.backup(backups.resolve(name)))
        .recover(error -> Future.failedFuture(error instanceof UnsupportedOperationException
            ? Problem.conflict("backup_elsewhere", error.getMessage()) : error))
        .map(file -> new JsonObject().put("file", file.toAbsolutePath().toString()).put("takenAt", db.now()));
  }

  private static Future<Void> requireInstallationAdmin(Caller caller) {
    return caller.installationAdmin() ? Future.succeededFuture()
        : Future.failedFuture(Problem.forbidden("Only an installation administrator can do this."));
  }

  private static JsonObject unusedSetup(String token) {
    return new JsonObject().put("_id", SETUP_ID).put("tokenHash", Hashes.sha256(token)).putNull("usedAt");
  }

  private static Problem setupUnknown() {
    return Problem.notFound("setup link (it was used, or replaced by a newer one in the log)");
  }

  private static Problem loginTaken() {
    return Problem.conflict("username_taken", "That login is taken. Choose another one.", "login");
  }

  private static JsonObject view(JsonObject organisation) {
    return new JsonObject()
        .put("id", organisation.getString("_id"))
        .put("name", organisation.getString("name"))
        .put("kind", organisation.getString("kind"))
        .put("createdAt", organisation.getString("createdAt"));
  }
}
