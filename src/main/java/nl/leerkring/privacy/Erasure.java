package nl.leerkring.privacy;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import nl.leerkring.web.Caller;
import nl.leerkring.account.ApiTokenStore;
import nl.leerkring.account.Logins;
import nl.leerkring.account.CompanyRole;
import nl.leerkring.account.Managers;
import nl.leerkring.account.UserStore;
import nl.leerkring.portfolio.ShareStore;
import nl.leerkring.activity.ActivityLog;
import nl.leerkring.audit.AuditTrail;
import nl.leerkring.community.CommunityStore;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Hashes;
import nl.leerkring.platform.IdLists;
import nl.leerkring.platform.Problem;
import nl.leerkring.platform.Step;
import nl.leerkring.platform.Times;
import nl.leerkring.question.QuestionStore;
import nl.leerkring.scan.ScanErasure;
import nl.leerkring.session.SessionStore;
import nl.leerkring.snack.SnackService;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Erases an account (GDPR art. 17), asked by the person or by their company's admin. In this order:
 * the account becomes a tombstone that carries only a pseudonym ("Oud-deelnemer 3"), so the login stops at
 * once and every login session ends; private notes, prompt answers and all photos are deleted; what the
 * person shared with a community stays for the others, under the pseudonym; memberships, mail preferences,
 * calendar link and notifications go, so no job finds them to mail. Their learning snacks stay, like shared notes,
 * under the pseudonym and without photo. The erasure is in the audit trail.
 */
public final class Erasure {

  private static final List<String> SHARED = List.of("questions", "contributions", "prompts", "sessions");
  /**
   * One document per erasure under way, written before the account changes and removed at the end. The
   * account's login and communities are kept there, because the tombstone no longer has them: an erasure cut
   * off by a crash is finished from this at the next start (or the next hourly round).
   */
  static final String PENDING = "erasures";

  private final Database db;
  private final MongoClient mongo;
  private final UserStore users;
  private final Logins logins;
  private final ActivityLog activity;
  private final AuditTrail audit;
  private final ScanErasure scans;
  private final ApiTokenStore tokens;
  private final ShareStore shares;
  private final SnackService snacks;

  public Erasure(Database db, UserStore users, Logins logins, ActivityLog activity, AuditTrail audit,
                 SnackService snacks) {
    this.db = db;
    this.mongo = db.mongo();
    this.users = users;
    this.logins = logins;
    this.activity = activity;
    this.audit = audit;
    this.scans = new ScanErasure(db);
    this.tokens = new ApiTokenStore(db);
    this.shares = new ShareStore(db);
    this.snacks = snacks;
  }

  /** The person erases their own account. */
  public Future<Void> own(Caller caller) {
    return users.byId(caller.userId()).compose(user -> erase(user, caller.userId()));
  }

  /** A company admin erases the account of someone in their company; anyone else gets 404. */
  public Future<Void> byAdmin(Caller caller, String organisationId, String userId) {
    if (!caller.administers(organisationId)) {
      return Future.failedFuture(Problem.notFound("person"));
    }
    return users.byId(userId).compose(user -> {
      if (user == null || !organisationId.equals(user.getString("organisationId"))) {
        throw Problem.notFound("person");
      }
      if (user.getBoolean("erased", false)) {
        // Asking again finishes an erasure that a crash cut off; a finished one is gone for good.
        return mongo.findOne(PENDING, new JsonObject().put("_id", userId), null).compose(pending -> {
          if (pending == null || pending.getBoolean("done", false)) {
            throw Problem.notFound("person");
          }
          return finish(pending);
        });
      }
      return erase(user, caller.userId());
    });
  }

  /** Someone whose account the caller, as admin of their company, may erase; anyone else is unknown (404). */
  public Future<JsonObject> erasableBy(Caller caller, String userId) {
    return users.byId(userId).map(user -> {
      if (user == null || user.getBoolean("erased", false) || !caller.administers(user.getString("organisationId"))) {
        throw Problem.notFound("person");
      }
      return user;
    });
  }

  /**
   * Finishes every erasure that a crash or a failed step left half done, and sweeps the settings of finished
   * ones once more for a day: a notification job that was already running when the erasure started may still
   * have written to the person's inbox after it was removed.
   */
  public Future<Integer> finishPending() {
    String dayAgo = Times.format(db.clock().instant().minus(Duration.ofDays(1)));
    return mongo.find(PENDING, new JsonObject()).compose(pending -> {
      Future<Void> chain = Future.succeededFuture();
      int unfinished = 0;
      for (JsonObject erasure : pending) {
        if (!erasure.getBoolean("done", false)) {
          unfinished++;
          chain = chain.compose(x -> finish(erasure));
        } else {
          String userId = erasure.getString("_id");
          chain = chain.compose(x -> settings(userId, erasure.getString("login")))
              .compose(x -> erasure.getString("doneAt").compareTo(dayAgo) < 0
                  ? mongo.removeDocument(PENDING, new JsonObject().put("_id", userId)).mapEmpty()
                  : Future.<Void>succeededFuture());
        }
      }
      return chain.map(unfinished);
    });
  }

  private Future<Void> erase(JsonObject user, String actorId) {
    String organisationId = user.getString("organisationId");
    return pseudonym(organisationId).compose(pseudonym -> {
      JsonObject pending = new JsonObject()
          .put("_id", user.getString("_id"))
          .put("organisationId", organisationId)
          .put("actorId", actorId)
          .put("pseudonym", pseudonym)
          .put("login", user.getString("login"))
          .put("communityIds", user.getJsonArray("communityIds", new JsonArray()))
          .put("managerId", Managers.managerOf(user))
          .put("manager", Managers.roleOf(user) == CompanyRole.MANAGER)
          .put("people", new JsonArray(Managers.peopleOf(user)))
          .put("startedAt", db.now());
      return mongo.insert(PENDING, pending).compose(x -> finish(pending));
    });
  }

  /** Every step is safe to run again, so a half-done erasure is finished by running it whole. */
  private Future<Void> finish(JsonObject pending) {
    String userId = pending.getString("_id");
    String organisationId = pending.getString("organisationId");
    String pseudonym = pending.getString("pseudonym");
    return tombstone(userId, organisationId, pseudonym)
        .compose(x -> logins.endAllBut(userId, null))
        .compose(x -> communities(pending))
        .compose(communityIds -> ownNotes(userId, pseudonym)
            .compose(x -> shared(communityIds, userId, pseudonym))
            .compose(x -> leave(communityIds, userId))
            .compose(x -> scans.forget(scopes(communityIds, organisationId), userId))
            .compose(x -> tokens.forget(userId))
            .compose(x -> managers(pending))
            .compose(x -> snacks.forget(userId, pseudonym)))
        .compose(x -> settings(userId, pending.getString("login")))
        .compose(x -> {
          List<Step> last = new ArrayList<>(audit.steps(organisationId, pending.getString("actorId"), "account.erased",
              userId, new JsonObject().put("pseudonym", pseudonym)));
          // Marked done in the same write as the audit record, so a repeat never records it twice.
          last.add(Step.update(PENDING, userId, new JsonObject().put("$set", new JsonObject()
              .put("done", true).put("doneAt", db.now()))));
          return db.writes().apply(last);
        });
  }

  /**
   * What they shared with their manager goes, and so do the ties: their manager no longer lists them, and an
   * erased manager's people have no manager (and share with nobody) any more. Each step is safe to repeat.
   */
  private Future<Void> managers(JsonObject pending) {
    String userId = pending.getString("_id");
    List<Step> steps = new ArrayList<>();
    String managerId = pending.getString("managerId");
    if (managerId != null) {
      steps.addAll(Managers.unassign(userId, managerId));
    }
    if (pending.getBoolean("manager", false)) {
      List<String> people = IdLists.strings(pending.getJsonArray("people", new JsonArray()));
      steps.addAll(Managers.endManager(userId, pending.getString("organisationId"), people));
      people.forEach(person -> steps.add(ShareStore.cleared(person, db.clock().instant())));
    }
    return shares.forget(userId).compose(x -> steps.isEmpty() ? Future.<Void>succeededFuture() : db.writes().apply(steps));
  }

  /** The rounds of a learning-culture scan belong to a community or to the whole company. */
  private static List<String> scopes(List<String> communityIds, String organisationId) {
    List<String> scopes = new ArrayList<>(communityIds);
    if (organisationId != null) {
      scopes.add(organisationId);
    }
    return scopes;
  }

  /** Numbered per company, so a works council can tell former participants apart without knowing who. */
  private Future<String> pseudonym(String organisationId) {
    return mongo.findOneAndUpdateWithOptions("erasureCounters", new JsonObject().put("_id", String.valueOf(organisationId)),
            new JsonObject().put("$inc", new JsonObject().put("seq", 1)),
            new FindOptions(), new UpdateOptions().setUpsert(true).setReturningNewDocument(true))
        .map(counter -> "Oud-deelnemer " + counter.getLong("seq"));
  }

  /** Only what others' ids still point to: the pseudonym. The login no longer exists. */
  private Future<Void> tombstone(String userId, String organisationId, String pseudonym) {
    JsonObject tombstone = new JsonObject()
        .put("_id", userId)
        .put("login", "erased:" + userId)
        .put("displayName", pseudonym)
        .put("erased", true)
        .put("erasedAt", db.now())
        .put("organisationId", organisationId)
        .put("adminOf", new JsonArray())
        .put("communityIds", new JsonArray());
    return mongo.findOneAndReplace(UserStore.USERS, new JsonObject().put("_id", userId), tombstone).mapEmpty();
  }

  /** Their own communities and every community of their company, where they may have written before leaving. */
  private Future<List<String>> communities(JsonObject pending) {
    Set<String> ids = new LinkedHashSet<>(IdLists.strings(pending.getJsonArray("communityIds", new JsonArray())));
    return db.lists().ids(CommunityStore.organisationList(pending.getString("organisationId"))).map(company -> {
      ids.addAll(company);
      return new ArrayList<>(ids);
    });
  }

  /** Private notes and prompt answers go; shared notes stay under the pseudonym; every photo goes. */
  private Future<Void> ownNotes(String userId, String pseudonym) {
    String journal = IdLists.key(userId, "journal");
    return db.lists().all(journal, "notes").compose(notes -> {
      Future<Void> chain = Future.succeededFuture();
      for (JsonObject note : notes) {
        chain = chain.compose(x -> ownNote(note, userId, pseudonym));
      }
      return chain;
    }).compose(x -> db.lists().drop(journal));
  }

  private Future<Void> ownNote(JsonObject note, String userId, String pseudonym) {
    String noteId = note.getString("_id");
    JsonObject photo = note.getJsonObject("photo");
    Future<Void> photoGone = photo == null ? Future.succeededFuture()
        : mongo.removeDocument("photos", new JsonObject().put("_id", photo.getString("id"))).mapEmpty();
    boolean keep = "community".equals(note.getString("visibility")) && note.getString("promptId") == null;
    if (keep) {
      JsonObject staying = note.copy();
      // Both go as a whole: a name in them renamed too would be a second update of the same field.
      staying.remove("edits");
      staying.remove("photo");
      Pseudonyms.Renaming renaming = Pseudonyms.renaming(staying, userId, pseudonym);
      JsonObject update = new JsonObject()
          .put("$set", renaming.set().copy().put("edits", new JsonArray()))
          .put("$unset", new JsonObject().put("photo", ""));
      return photoGone.compose(x -> mongo.updateCollectionWithOptions("notes", new JsonObject().put("_id", noteId),
              update, renaming.options()))
          .compose(x -> db.writes().changed("notes", noteId));
    }
    String communityId = note.getString("communityId");
    Future<Void> unlinked = photoGone
        .compose(x -> db.writes().apply(IdLists.remove(IdLists.key(communityId, "notes"), noteId)));
    if (note.getString("promptId") != null) {
      unlinked = unlinked.compose(x -> mongo.updateCollection("prompts", new JsonObject().put("_id", note.getString("promptId")),
          new JsonObject().put("$pull", new JsonObject().put("answers", new JsonObject().put("userId", userId))))).mapEmpty();
    }
    for (Object questionId : note.getJsonArray("questionIds", new JsonArray())) {
      unlinked = unlinked.compose(x -> db.writes().apply(QuestionStore.noteLinked(String.valueOf(questionId), noteId, false)));
    }
    // Whatever keeps a copy of notes (the search index) lets go of it too.
    return unlinked.compose(x -> mongo.removeDocument("notes", new JsonObject().put("_id", noteId)))
        .compose(x -> db.writes().changed("notes", noteId));
  }

  /** Questions, contributions, prompts, sessions and activity of each community: the name becomes the pseudonym. */
  private Future<Void> shared(List<String> communityIds, String userId, String pseudonym) {
    Future<Void> chain = Future.succeededFuture();
    for (String communityId : communityIds) {
      for (String kind : SHARED) {
        chain = chain.compose(x -> db.lists().all(IdLists.key(communityId, kind), kind)
            .compose(docs -> rewrite(kind, docs, userId, pseudonym)));
      }
      chain = chain.compose(x -> activity.allBuckets(communityId)
          .compose(buckets -> rewrite(ActivityLog.collection(), buckets, userId, pseudonym)));
    }
    return chain;
  }

  /**
   * {@code docs} as read: others may have written to them since, and go on writing while this runs, so only the
   * names are updated where they are now (see {@link Pseudonyms}).
   */
  private Future<Void> rewrite(String collection, List<JsonObject> docs, String userId, String pseudonym) {
    Future<Void> chain = Future.succeededFuture();
    for (JsonObject doc : docs) {
      Pseudonyms.Renaming renaming = Pseudonyms.renaming(doc, userId, pseudonym);
      if (renaming.isEmpty()) {
        continue;
      }
      String id = doc.getString("_id");
      JsonObject names = new JsonObject().put("$set", renaming.set());
      // The live console takes the newer of two answers about a session by its revision.
      JsonObject update = SessionStore.SESSIONS.equals(collection) ? SessionStore.raised(names) : names;
      chain = chain.compose(x -> mongo.updateCollectionWithOptions(collection, new JsonObject().put("_id", id), update,
              renaming.options()))
          .compose(x -> db.writes().changed(collection, id));
    }
    return chain;
  }

  private Future<Void> leave(List<String> communityIds, String userId) {
    Future<Void> chain = Future.succeededFuture();
    for (String communityId : communityIds) {
      chain = chain.compose(x -> db.writes().apply(CommunityStore.removeMember(communityId, userId)));
    }
    return chain;
  }

  /** Mail preferences (with the address), calendar link, notifications and login counters. */
  private Future<Void> settings(String userId, String login) {
    String feedOwner = "user/" + userId;
    return mongo.removeDocument("mailPreferences", new JsonObject().put("_id", userId))
        .compose(x -> mongo.findOne("calendarFeeds", new JsonObject().put("_id", feedOwner), null))
        .compose(own -> own == null ? Future.succeededFuture()
            : mongo.removeDocument("calendarFeeds", new JsonObject().put("_id", own.getString("hash"))))
        .compose(x -> mongo.removeDocument("calendarFeeds", new JsonObject().put("_id", feedOwner)))
        .compose(x -> mongo.removeDocument("inboxes", new JsonObject().put("_id", userId)))
        .compose(x -> mongo.removeDocument("loginAttempts", new JsonObject()
            .put("_id", "login:" + Hashes.sha256(UserStore.normaliseLogin(login)))))
        .mapEmpty();
  }
}
