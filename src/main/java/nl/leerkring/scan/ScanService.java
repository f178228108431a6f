package nl.leerkring.scan;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.community.Access;
import nl.leerkring.community.Community;
import nl.leerkring.community.CommunityService;
import nl.leerkring.community.CommunityStore;
import nl.leerkring.community.Role;
import nl.leerkring.mail.MailKind;
import nl.leerkring.notification.Fanout;
import nl.leerkring.platform.ClosedList;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Ids;
import nl.leerkring.platform.Lost;
import nl.leerkring.platform.Problem;
import nl.leerkring.platform.Step;
import nl.leerkring.platform.Times;
import nl.leerkring.web.Caller;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Learning-culture scan rounds: a company admin (or a community's facilitator, for their community) opens one,
 * the participants are asked in the app and by mail, each answers once, and the round is closed. While a person
 * answers, their answers are a draft of their own; sent, they become counts without anyone's id.
 */
public final class ScanService {

  private final Database db;
  private final Access access;
  private final CommunityService communities;
  private final CommunityStore communityStore;
  private final QuestionSets sets;
  private final ScanRoundStore rounds;
  private final ScanDraftStore drafts;
  private final ScanAnsweredStore answered;
  private final String publicUrl;

  public ScanService(Database db, Access access, CommunityService communities, CommunityStore communityStore,
                     QuestionSets sets, String publicUrl) {
    this.db = db;
    this.access = access;
    this.communities = communities;
    this.communityStore = communityStore;
    this.sets = sets;
    this.rounds = new ScanRoundStore(db);
    this.drafts = new ScanDraftStore(db);
    this.answered = new ScanAnsweredStore(db);
    this.publicUrl = publicUrl;
  }

  static String link(String roundId) {
    return "/scans/" + roundId;
  }

  /** Whom a new round asks, and in whose name. */
  private record Scope(String organisationId, String communityId, String title, List<String> asked) {
  }

  /** {@code body} is checked against the contract (openScanRound): a kind and a community or a company. */
  public Future<JsonObject> open(Caller caller, JsonObject body) {
    String communityId = body.getString("communityId");
    String organisationId = body.getString("organisationId");
    if ((communityId == null) == (organisationId == null)) {
      return Future.failedFuture(Problem.invalidField("communityId", "one_scope",
          "Name either a community (communityId) or a company (organisationId)."));
    }
    ScanKind kind = ClosedList.parse(ScanKind.class, body.getString("kind"));
    Future<Scope> scope = communityId != null ? communityScope(caller, communityId) : companyScope(caller, organisationId);
    return scope.compose(s -> questionSet(body.getString("questionSet")).compose(set -> rounds.ofScope(
        s.communityId() != null ? s.communityId() : s.organisationId()).compose(existing -> {
      if (existing.stream().anyMatch(ScanRound::open)) {
        throw Problem.conflict("scan_round_open", "Close the round that is open before opening another.");
      }
      if (s.asked().isEmpty()) {
        throw Problem.conflict("scan_no_participants", "There are no participants to ask yet.");
      }
      Instant now = db.clock().instant();
      ScanRound round = new ScanRound(Ids.newId(), s.organisationId(), s.communityId(), s.title(), kind, set.id(),
          caller.userId(), caller.displayName(), now, null, s.asked());
      return db.writes().apply(opened(round, now)).map(done -> view(new Standing(round, caller, true, round.invited(caller.userId())), 0, false));
    })));
  }

  /** The round, and for everyone asked a notification in the app and a mail with the link to answer. */
  private List<Step> opened(ScanRound round, Instant now) {
    List<Step> steps = new ArrayList<>(ScanRoundStore.opened(round));
    String jobId = "scan:" + round.id();
    JsonObject model = new JsonObject().put("title", round.title()).put("answerUrl", publicUrl + link(round.id()));
    for (String userId : round.invitedIds()) {
      steps.addAll(Fanout.inApp(jobId, round.id(), userId, "scan", new JsonArray().add(round.title()), link(round.id()),
          Times.format(now)));
      steps.add(Fanout.mail(jobId, round.id(), userId, MailKind.SCAN, "scan", new JsonArray().add(round.title()), model,
          null, now));
    }
    return steps;
  }

  private Future<Scope> communityScope(Caller caller, String communityId) {
    return access.in(caller, communityId).map(m -> {
      m.requireManager();
      Community c = m.community();
      return new Scope(c.organisationId(), c.id(), c.title(), participants(List.of(c)));
    });
  }

  /** A company's round asks the participants of all its communities; only its admins open one. */
  private Future<Scope> companyScope(Caller caller, String organisationId) {
    return communities.organisation(caller, organisationId).compose(org -> communityStore.ofOrganisation(organisationId)
        .map(list -> new Scope(organisationId, null, org.getString("name", organisationId), participants(list))));
  }

  private static List<String> participants(List<Community> list) {
    Set<String> ids = new LinkedHashSet<>();
    list.forEach(c -> c.withRole(Role.PARTICIPANT).forEach(member -> ids.add(member.userId())));
    return List.copyOf(ids);
  }

  private Future<QuestionSet> questionSet(String id) {
    Future<QuestionSet> found = id == null ? sets.all().map(all -> all.get(0)) : sets.get(id);
    return found.map(set -> {
      if (set == null) {
        throw Problem.invalidField("questionSet", "unknown_question_set", "There is no question set " + id + ".");
      }
      return set;
    });
  }

  /** The rounds of a community or a company as the caller may see them, oldest first. */
  public Future<JsonArray> list(Caller caller, String communityId, String organisationId) {
    Future<List<Standing>> visible = communityId != null
        ? access.reading(caller, communityId, "community").compose(m -> rounds.ofScope(communityId).map(all -> all.stream()
            .map(r -> new Standing(r, caller, m.companyAdmin() || m.is(Role.FACILITATOR), r.invited(caller.userId()) && m.isMember()))
            .toList()))
        : companyRounds(caller, organisationId);
    return visible.compose(standings -> {
      List<Future<JsonObject>> views = standings.stream().map(this::described).toList();
      return Future.all(views).map(done -> new JsonArray(views.stream().map(Future::result).toList()));
    });
  }

  /** A community's or company's scan page: its rounds, whether the caller may open one, and the sets on offer. */
  public Future<JsonObject> overview(Caller caller, String communityId, String organisationId) {
    Future<JsonObject> head;
    if (communityId != null) {
      head = access.in(caller, communityId).map(m -> new JsonObject().put("communityId", communityId)
          .put("title", m.community().title()).put("canOpen", m.companyAdmin() || m.is(Role.FACILITATOR)));
    } else if (caller.administers(organisationId)) {
      head = communities.organisation(caller, organisationId).map(org -> new JsonObject()
          .put("organisationId", organisationId).put("title", org.getString("name")).put("canOpen", true));
    } else {
      head = Future.succeededFuture(new JsonObject().put("organisationId", organisationId).put("canOpen", false));
    }
    return head.compose(h -> list(caller, communityId, organisationId).compose(found -> sets.all().map(all -> {
      JsonArray offered = new JsonArray();
      all.forEach(set -> offered.add(new JsonObject().put("id", set.id()).put("title", set.title(caller.language()))));
      return h.put("rounds", found).put("sets", offered);
    })));
  }

  /** A company's admins see all its company-wide rounds; its other people those they were asked in. */
  private Future<List<Standing>> companyRounds(Caller caller, String organisationId) {
    boolean admin = organisationId != null && caller.administers(organisationId);
    if (!admin && (organisationId == null || !organisationId.equals(caller.organisationId()))) {
      return Future.failedFuture(Problem.notFound("organisation"));
    }
    return rounds.ofScope(organisationId).map(all -> all.stream()
        .filter(r -> admin || r.invited(caller.userId()))
        .map(r -> new Standing(r, caller, admin, r.invited(caller.userId()))).toList());
  }

  /** One round with how many answered and whether the caller did. */
  Future<JsonObject> described(Standing s) {
    Future<Boolean> mine = s.asked() ? answered.has(s.round().id(), s.userId()) : Future.succeededFuture(false);
    return Future.all(new ScanTallyStore(db).of(s.round().id()), mine)
        .map(both -> view(s, both.<Tally>resultAt(0).respondents(), both.<Boolean>resultAt(1)));
  }

  /** The round with its statements in the caller's language and what the caller answered so far. */
  public Future<JsonObject> get(Caller caller, String roundId) {
    return standing(caller, roundId).compose(s -> Future.all(described(s), sets.get(s.round().questionSet()),
        s.asked() ? drafts.of(roundId, caller.userId()) : Future.succeededFuture(Map.<String, Integer>of())).map(all -> {
      JsonObject view = all.resultAt(0);
      QuestionSet set = all.resultAt(1);
      Map<String, Integer> draft = all.resultAt(2);
      return view.put("questions", questions(set, caller.language())).put("draft", new JsonObject(new HashMap<String, Object>(draft)));
    }));
  }

  static JsonArray questions(QuestionSet set, String language) {
    JsonArray blocks = new JsonArray();
    set.blocks().forEach(b -> {
      JsonArray statements = new JsonArray();
      b.statements().forEach(s -> statements.add(new JsonObject().put("key", s.key()).put("text", s.text(language))));
      blocks.add(new JsonObject().put("key", b.key()).put("title", b.title(language)).put("statements", statements));
    });
    return blocks;
  }

  public Future<JsonObject> close(Caller caller, String roundId) {
    return standing(caller, roundId).compose(s -> {
      if (!s.manages()) {
        throw Problem.forbidden("Only a company admin or the community's facilitator closes a round.");
      }
      requireOpen(s.round());
      Instant now = db.clock().instant();
      ScanRound closed = new ScanRound(s.round().id(), s.round().organisationId(), s.round().communityId(),
          s.round().title(), s.round().kind(), s.round().questionSet(), s.round().openedBy(), s.round().openedByName(),
          s.round().openedAt(), now, s.round().invitedIds());
      // Unsent drafts hold answers next to a person's id: they go with the round's end.
      return db.writes().apply(ScanRoundStore.closed(roundId, now))
          .compose(x -> drafts.removeAll(roundId, s.round().invitedIds()))
          .compose(x -> described(new Standing(closed, caller, true, s.asked())));
    });
  }

  /** Keeps answers given so far; any statements of the set, each 0 ("don't know") to 5. */
  public Future<JsonObject> saveDraft(Caller caller, String roundId, JsonObject answers) {
    return answerable(caller, roundId).compose(found -> {
      Map<String, Integer> given = valid(found.set(), answers);
      if (given.isEmpty()) {
        return Future.succeededFuture(new JsonObject().put("saved", 0));
      }
      return db.writes().apply(ScanDraftStore.saved(roundId, caller.userId(), given))
          .map(x -> new JsonObject().put("saved", given.size()));
    });
  }

  /**
   * A person's answers, once. The "has answered" mark is claimed first (a second answer loses: 409), then the
   * counts grow; the two are separate writes on purpose, so that nothing ties the counts to the mark. Should the
   * counts fail, the mark is taken back and the person may send again.
   */
  public Future<JsonObject> answer(Caller caller, String roundId, JsonObject answers) {
    return answerable(caller, roundId).compose(found -> {
      Map<String, Integer> given = valid(found.set(), answers);
      for (String key : found.set().statementKeys()) {
        if (!given.containsKey(key)) {
          throw Problem.invalidField("answers/" + key, "required", "Answer every statement (or choose don't know).");
        }
      }
      return db.writes().apply(ScanAnsweredStore.claimed(roundId, caller.userId()))
          .recover(Lost.as(alreadyAnswered()))
          .compose(x -> db.writes().apply(ScanTallyStore.added(roundId, found.set(), given))
              .recover(failure -> answered.release(roundId, caller.userId())
                  .transform(released -> Future.<Void>failedFuture(failure))))
          .compose(x -> drafts.remove(roundId, caller.userId()))
          .map(x -> new JsonObject().put("roundId", roundId).put("answered", true));
    });
  }

  private static Problem alreadyAnswered() {
    return Problem.conflict("scan_answered", "You already answered this scan.");
  }

  private record Answerable(Standing standing, QuestionSet set) {
  }

  /** The round, open, and the caller asked in it and not yet answered. */
  private Future<Answerable> answerable(Caller caller, String roundId) {
    return standing(caller, roundId).compose(s -> {
      if (!s.asked()) {
        throw Problem.forbidden("Only the participants asked in this round answer it.");
      }
      requireOpen(s.round());
      return answered.has(roundId, caller.userId()).compose(done -> {
        if (done) {
          throw alreadyAnswered();
        }
        return sets.get(s.round().questionSet()).map(set -> new Answerable(s, set));
      });
    });
  }

  private static void requireOpen(ScanRound round) {
    if (!round.open()) {
      throw Problem.conflict("scan_closed", "This round is closed.");
    }
  }

  /** Only the set's statements, each on the scale or "don't know"; the contract has checked the types. */
  static Map<String, Integer> valid(QuestionSet set, JsonObject answers) {
    List<String> keys = set.statementKeys();
    Map<String, Integer> given = new HashMap<>();
    for (String key : answers.fieldNames()) {
      Object value = answers.getValue(key);
      if (!keys.contains(key)) {
        throw Problem.invalidField("answers/" + key, "unknown_statement", "This round has no statement " + key + ".");
      }
      if (!(value instanceof Number number) || number.intValue() < Tally.DONT_KNOW || number.intValue() > Tally.SCALE) {
        throw Problem.invalidField("answers/" + key, "maximum", "Choose 1 to 5, or 0 for don't know.");
      }
      given.put(key, number.intValue());
    }
    return given;
  }

  /** How the caller stands towards the round; 404 when it is not theirs to see. */
  Future<Standing> standing(Caller caller, String roundId) {
    return rounds.byId(roundId).compose(round -> {
      if (round == null) {
        return Future.failedFuture(Problem.notFound("scan"));
      }
      if (round.forCommunity()) {
        // A manager of someone in the community reads its rounds and results, and may neither answer nor close.
        return access.reading(caller, round.communityId(), "scan").map(m -> new Standing(round, caller,
            m.companyAdmin() || m.is(Role.FACILITATOR), m.isMember() && round.invited(caller.userId())));
      }
      boolean admin = caller.administers(round.organisationId());
      boolean asked = round.invited(caller.userId()) && round.organisationId().equals(caller.organisationId());
      if (!admin && !asked) {
        return Future.failedFuture(Problem.notFound("scan"));
      }
      return Future.succeededFuture(new Standing(round, caller, admin, asked));
    });
  }

  private static JsonObject view(Standing s, int respondents, boolean answeredByMe) {
    ScanRound r = s.round();
    return new JsonObject()
        .put("id", r.id())
        .put("organisationId", r.organisationId())
        .put("communityId", r.communityId())
        .put("title", r.title())
        .put("kind", r.kind().value())
        .put("questionSet", r.questionSet())
        .put("open", r.open())
        .put("openedAt", Times.format(r.openedAt()))
        .put("openedBy", r.openedByName())
        .put("closedAt", r.closedAt() == null ? null : Times.format(r.closedAt()))
        .put("asked", r.invitedIds().size())
        .put("respondents", respondents)
        .put("canClose", s.manages() && r.open())
        .put("canAnswer", s.asked() && r.open() && !answeredByMe)
        .put("answeredByMe", answeredByMe);
  }
}
