package nl.leerkring.scan;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.audit.AuditTrail;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Problem;
import nl.leerkring.community.Membership;
import nl.leerkring.cycle.Cycle;
import nl.leerkring.web.Caller;
import nl.leerkring.web.I18n;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * What a round found, for everyone who may see the round: once it is closed (while it is open every new answer
 * would change the figures, and the difference would be one person's answers), and only as far as the
 * anonymity threshold allows. An after measurement is compared with the community's (or company's) last
 * before measurement on the same question set.
 */
public final class ScanResults {

  private final ScanService scans;
  private final QuestionSets sets;
  private final ScanRoundStore rounds;
  private final ScanTallyStore tallies;
  private final AuditTrail audit;
  private final int threshold;

  public ScanResults(Database db, ScanService scans, QuestionSets sets, AuditTrail audit, int threshold) {
    this.scans = scans;
    this.sets = sets;
    this.rounds = new ScanRoundStore(db);
    this.tallies = new ScanTallyStore(db);
    this.audit = audit;
    this.threshold = threshold;
  }

  /** A round's results and, for an after measurement, its comparison; {@code results} null while open. */
  public record Found(JsonObject round, ScanRound before, ScanStatistics.Results results,
                      List<ScanStatistics.Change> changes) {

    public ScanTable table(String language) {
      return ScanTable.of(results, changes, language);
    }
  }

  public Future<Found> of(Caller caller, String roundId) {
    return scans.standing(caller, roundId).compose(s -> scans.described(s).compose(view -> {
      ScanRound round = s.round();
      if (round.open()) {
        return Future.succeededFuture(new Found(view, null, null, null));
      }
      return closed(round, view);
    }));
  }

  private Future<Found> closed(ScanRound round, JsonObject view) {
    return sets.get(round.questionSet()).compose(set -> Future.all(tallies.of(round.id()), before(round))
        .compose(both -> {
          ScanStatistics.Results results = ScanStatistics.of(set, both.resultAt(0), threshold);
          ScanRound before = both.resultAt(1);
          if (before == null) {
            return Future.succeededFuture(new Found(view, null, results, null));
          }
          return tallies.of(before.id()).map(tally -> new Found(view, before, results,
              ScanStatistics.compare(ScanStatistics.of(set, tally, threshold), results)));
        }));
  }

  /**
   * The harvest report's section (see {@code report.ScanSection}): the last measurement of the community or its
   * company closed by the cycle's end, an after one with the change since its before; null when there is none or
   * too few answered it to show anything. Block titles in the reader's language.
   */
  public Future<JsonObject> forReport(Membership m, Cycle cycle) {
    Instant end = cycle.closedAt() == null ? Instant.MAX : cycle.closedAt();
    return Future.all(rounds.ofScope(m.communityId()), rounds.ofScope(m.community().organisationId()))
        .compose(both -> {
          ScanRound last = java.util.stream.Stream.concat(both.<List<ScanRound>>resultAt(0).stream(),
                  both.<List<ScanRound>>resultAt(1).stream())
              .filter(r -> !r.open() && !r.closedAt().isAfter(end))
              .max(Comparator.comparing((ScanRound r) -> r.kind() == ScanKind.AFTER)
                  .thenComparing(ScanRound::closedAt).thenComparing(ScanRound::id)).orElse(null);
          return last == null ? Future.succeededFuture() : closed(last, null)
              .map(found -> section(found, m.caller().language()));
        });
  }

  private static JsonObject section(Found found, String language) {
    if (!found.results().shown()) {
      return null;
    }
    JsonArray blocks = new JsonArray();
    if (found.changes() == null) {
      found.results().blocks().forEach(b -> blocks.add(new JsonObject().put("name", b.block().title(language))
          .put("before", shown(b.mean(), "%.1f", language))));
    } else {
      found.changes().forEach(c -> blocks.add(new JsonObject().put("name", c.block().title(language))
          .put("before", shown(c.before(), "%.1f", language)).put("after", shown(c.after(), "%.1f", language))
          .put("change", shown(c.change(), "%+.1f", language))));
    }
    return new JsonObject().put("answers", found.results().respondents()).put("blocks", blocks);
  }

  /** A figure as the reader writes numbers (3,8 in Dutch); a dash where it is withheld. */
  private static String shown(java.math.BigDecimal value, String format, String language) {
    return value == null ? "–" : String.format(I18n.locale(language), format, value);
  }

  /** The last closed before measurement of the same community or company on the same set, for an after one. */
  private Future<ScanRound> before(ScanRound round) {
    if (round.kind() != ScanKind.AFTER) {
      return Future.succeededFuture();
    }
    return rounds.ofScope(round.scopeId()).map(all -> all.stream()
        .filter(r -> r.kind() == ScanKind.BEFORE && !r.open() && r.questionSet().equals(round.questionSet())
            && !r.closedAt().isAfter(round.openedAt()))
        // Times are kept to the second, and a scope has one open round at a time: the before closed by the time
        // the after opened, the last one by its id (ids sort by creation).
        .max(Comparator.comparing(ScanRound::closedAt).thenComparing(ScanRound::id)).orElse(null));
  }

  /** The API's view of {@link #of}. */
  public Future<JsonObject> json(Caller caller, String roundId) {
    return of(caller, roundId).map(found -> toJson(found, caller.language()));
  }

  /** The table as a CSV file; an export, so it is in the company's audit trail. */
  public Future<String> csv(Caller caller, String roundId, String language) {
    return of(caller, roundId).compose(found -> {
      if (found.results() == null) {
        throw Problem.conflict("scan_open", "The results come when the round is closed.");
      }
      return audit.record(found.round().getString("organisationId"), caller.userId(), "scan.exported", null,
          new JsonObject().put("roundId", roundId)).map(x -> found.table(language).csv(language));
    });
  }

  static JsonObject toJson(Found found, String language) {
    JsonObject out = new JsonObject().put("round", found.round()).put("threshold", null).put("shown", false);
    ScanStatistics.Results results = found.results();
    if (results == null) {
      return out;
    }
    JsonArray blocks = new JsonArray();
    for (ScanStatistics.BlockResult b : results.blocks()) {
      JsonObject block = new JsonObject().put("key", b.block().key()).put("title", b.block().title(language))
          .put("shown", b.shown());
      if (b.shown()) {
        JsonObject distribution = new JsonObject().put("dontKnow", b.distribution()[Tally.DONT_KNOW]);
        for (int v = 1; v <= Tally.SCALE; v++) {
          distribution.put(String.valueOf(v), b.distribution()[v]);
        }
        block.put("respondents", b.respondents()).put("mean", b.mean().doubleValue()).put("distribution", distribution);
      }
      blocks.add(block);
    }
    out.put("threshold", results.threshold()).put("shown", results.shown()).put("respondents", results.respondents())
        .put("blocks", blocks).put("attention", new JsonArray(results.attention()));
    if (found.changes() != null) {
      JsonArray changes = new JsonArray();
      found.changes().forEach(c -> changes.add(new JsonObject().put("key", c.block().key())
          .put("before", c.before() == null ? null : c.before().doubleValue())
          .put("after", c.after() == null ? null : c.after().doubleValue())
          .put("change", c.change() == null ? null : c.change().doubleValue())));
      out.put("comparison", new JsonObject().put("beforeRoundId", found.before().id()).put("blocks", changes));
    }
    return out;
  }
}
