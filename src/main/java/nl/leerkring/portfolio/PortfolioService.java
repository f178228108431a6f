package nl.leerkring.portfolio;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.account.Managers;
import nl.leerkring.account.UserStore;
import nl.leerkring.audit.AuditTrail;
import nl.leerkring.community.Community;
import nl.leerkring.community.CommunityStore;
import nl.leerkring.contribution.Contribution;
import nl.leerkring.contribution.ContributionStore;
import nl.leerkring.cycle.Cycle;
import nl.leerkring.cycle.CycleStore;
import nl.leerkring.fieldnote.Note;
import nl.leerkring.fieldnote.NoteStore;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.IdLists;
import nl.leerkring.platform.Problem;
import nl.leerkring.platform.Step;
import nl.leerkring.question.Question;
import nl.leerkring.question.QuestionStore;
import nl.leerkring.report.ReportPdf;
import nl.leerkring.session.Session;
import nl.leerkring.session.SessionStore;
import nl.leerkring.web.Caller;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A person's own portfolio: what they learned and did, which items they share with their manager (none until
 * they choose), and their learning record as JSON or PDF. Each export is in the company's audit trail; so is each
 * change of what is shared (how many items, never which).
 */
public final class PortfolioService {

  /** Which items and which part of them: a community and a cycle, either or both absent for all. */
  public record Filter(String communityId, Integer cycle) {

    static final Filter ALL = new Filter(null, null);

    boolean keeps(Item item) {
      return (communityId == null || communityId.equals(item.communityId()))
          && (cycle == null || cycle == item.cycle());
    }

    JsonObject view() {
      return new JsonObject().put("communityId", communityId).put("cycle", cycle);
    }
  }

  /** A person's whole portfolio as read now, with their communities and what they share. */
  record Read(JsonObject user, List<Community> communities, List<Item> items, ShareStore.Shares shares) {

    Set<String> sharedKeys() {
      Set<String> own = items.stream().map(Item::key).collect(Collectors.toSet());
      return shares.items().stream().filter(own::contains).collect(Collectors.toCollection(LinkedHashSet::new));
    }
  }

  private final Database db;
  private final UserStore users;
  private final CommunityStore communities;
  private final CycleStore cycles;
  private final SessionStore sessions;
  private final QuestionStore questions;
  private final NoteStore notes;
  private final ShareStore shares;
  private final AuditTrail audit;
  private final ReportPdf pdf;
  private final String publicUrl;

  public PortfolioService(Database db, UserStore users, CommunityStore communities, CycleStore cycles,
                          SessionStore sessions, QuestionStore questions, NoteStore notes, AuditTrail audit,
                          ReportPdf pdf, String publicUrl) {
    this.db = db;
    this.users = users;
    this.communities = communities;
    this.cycles = cycles;
    this.sessions = sessions;
    this.questions = questions;
    this.notes = notes;
    this.shares = new ShareStore(db);
    this.audit = audit;
    this.pdf = pdf;
    this.publicUrl = publicUrl;
  }

  public ShareStore shares() {
    return shares;
  }

  /** The portfolio as its owner sees it, within the filter; a community that is not theirs is refused at its field. */
  public Future<JsonObject> mine(Caller caller, Filter filter) {
    return read(caller.userId()).compose(read -> manager(read.user()).map(manager -> {
      requireOwn(read, filter);
      Set<String> shared = read.sharedKeys();
      List<Item> kept = read.items().stream().filter(filter::keeps).toList();
      JsonArray items = new JsonArray();
      kept.forEach(item -> items.add(item.view(shared.contains(item.key()))));
      return new JsonObject()
          .put("person", new JsonObject().put("id", caller.userId()).put("displayName", caller.displayName()))
          .put("manager", manager)
          .put("filter", filter.view())
          .put("communities", communitiesView(read))
          .put("learningHours", Portfolio.hours(kept))
          .put("sharedCount", shared.size())
          .put("items", items);
    }));
  }

  /**
   * Sets what is shared with the manager. {@code shown}: the items the person's form showed, of which those
   * not in {@code chosen} stop being shared (a filtered page leaves the others as they were); null means all.
   * Only the person's own items can be chosen.
   */
  public Future<JsonObject> share(Caller caller, List<String> shown, List<String> chosen) {
    return read(caller.userId()).compose(read -> {
      Set<String> own = read.items().stream().map(Item::key).collect(Collectors.toSet());
      List<String> unknown = chosen.stream().filter(key -> !own.contains(key)).toList();
      if (!unknown.isEmpty()) {
        throw Problem.invalidField("items", "unknown_items", "Only items of your own portfolio can be shared: "
            + String.join(", ", unknown));
      }
      Set<String> next = new LinkedHashSet<>(read.sharedKeys());
      if (shown == null) {
        next.clear();
      } else {
        shown.forEach(next::remove);
      }
      next.addAll(chosen);
      List<Step> steps = new ArrayList<>();
      steps.add(ShareStore.chosen(new ShareStore.Shares(caller.userId(), List.copyOf(next), db.clock().instant())));
      steps.addAll(audit.steps(caller.organisationId(), caller.userId(), "portfolio.sharing.changed", caller.userId(),
          new JsonObject().put("shared", next.size())));
      return db.writes().apply(steps).compose(done -> mine(caller, Filter.ALL));
    });
  }

  /** The learning record as JSON (see {@code webroot/api/learning-record.schema.json}); recorded as an export. */
  public Future<JsonObject> record(Caller caller, Filter filter, boolean sharedOnly) {
    return recordOf(caller, filter, sharedOnly).compose(record -> exported(caller, "json", record).map(record));
  }

  /** The learning record as a PDF, through the harvest report's print pipeline; recorded as an export. */
  public Future<Buffer> pdf(Caller caller, Filter filter, boolean sharedOnly, String language) {
    return recordOf(caller, filter, sharedOnly).compose(record -> exported(caller, "pdf", record)
        .compose(x -> pdf.of("portfolio-record", new JsonObject().put("record", record)
            .put("count", record.getJsonArray("items").size()), language)));
  }

  private Future<Void> exported(Caller caller, String format, JsonObject record) {
    return audit.record(caller.organisationId(), caller.userId(), "export.portfolio", caller.userId(),
        new JsonObject().put("format", format).put("items", record.getJsonArray("items").size()));
  }

  private Future<JsonObject> recordOf(Caller caller, Filter filter, boolean sharedOnly) {
    return read(caller.userId()).map(read -> {
      requireOwn(read, filter);
      Set<String> shared = read.sharedKeys();
      List<Item> kept = read.items().stream().filter(filter::keeps)
          .filter(item -> !sharedOnly || shared.contains(item.key())).toList();
      return LearningRecord.of(read.user(), filter, sharedOnly, kept, db.clock().instant(), publicUrl);
    });
  }

  /**
   * What one person shares with the manager asking: their shared items only, and nothing at all unless the
   * person is of the manager's company and has them as their manager right now.
   */
  public Future<JsonObject> sharedWith(Caller manager, String userId) {
    return read(userId).map(read -> {
      JsonObject user = read.user();
      boolean theirs = user != null && manager.userId().equals(Managers.managerOf(user))
          && manager.organisationId() != null && manager.organisationId().equals(user.getString("organisationId"));
      Set<String> shared = theirs ? read.sharedKeys() : Set.of();
      List<Item> kept = read.items().stream().filter(item -> shared.contains(item.key())).toList();
      JsonArray items = new JsonArray();
      kept.forEach(item -> items.add(item.view(true)));
      return new JsonObject().put("id", userId)
          .put("displayName", user == null ? null : user.getString("displayName"))
          .put("learningHours", Portfolio.hours(kept))
          .put("sharedCount", items.size())
          .put("items", items);
    });
  }

  private static void requireOwn(Read read, Filter filter) {
    if (filter.communityId() != null && read.communities().stream().noneMatch(c -> c.id().equals(filter.communityId()))) {
      throw Problem.invalidField("communityId", "unknown_community", "You are not in that community.");
    }
  }

  private static JsonArray communitiesView(Read read) {
    JsonArray out = new JsonArray();
    read.communities().forEach(c -> out.add(new JsonObject().put("id", c.id()).put("title", c.title())
        .put("currentCycle", c.currentCycle())));
    return out;
  }

  private Future<JsonObject> manager(JsonObject user) {
    String managerId = user == null ? null : Managers.managerOf(user);
    if (managerId == null) {
      return Future.succeededFuture();
    }
    return users.byId(managerId).map(m -> m == null ? null
        : new JsonObject().put("id", managerId).put("displayName", m.getString("displayName")));
  }

  /** The person and everything of theirs in their communities; a person who is gone has no items. */
  Future<Read> read(String userId) {
    return users.byId(userId).compose(user -> {
      if (user == null || user.getBoolean("erased", false)) {
        return Future.succeededFuture(new Read(user, List.of(), List.of(), ShareStore.Shares.none(userId)));
      }
      List<String> ids = IdLists.strings(user.getJsonArray("communityIds", new JsonArray()));
      return Future.all(communities.byIds(ids), notes.ofAuthor(userId), shares.of(userId)).compose(all -> {
        List<Community> found = all.<List<Community>>resultAt(0).stream().filter(c -> c.hasMember(userId)).toList();
        List<Note> own = all.resultAt(1);
        List<Future<Portfolio.Source>> sources = found.stream().map(c -> source(c, own)).toList();
        return Future.all(sources).map(done -> new Read(user, found,
            Portfolio.of(userId, sources.stream().map(Future::result).toList()), all.resultAt(2)));
      });
    });
  }

  private Future<Portfolio.Source> source(Community c, List<Note> own) {
    return Future.all(cycles.upTo(c.id(), c.currentCycle()), sessions.ofCommunity(c.id()),
            questions.ofCommunity(c.id()), ContributionStore.ofCommunity(db, c.id()))
        .map(all -> new Portfolio.Source(c, all.<List<Cycle>>resultAt(0), all.<List<Session>>resultAt(1),
            all.<List<Question>>resultAt(2), own, all.<List<Contribution>>resultAt(3)));
  }
}
