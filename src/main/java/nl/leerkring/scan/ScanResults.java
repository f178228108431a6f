package nl.leerkring.scan;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.audit.AuditTrail;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Problem;
import nl.leerkring.web.Caller;

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
    }));
  }

  /** The last closed before measurement of the same community or company on the same set, for an after one. */
  private Future<ScanRound> before(ScanRound round) {
    if (round.kind() != ScanKind.AFTER) {
      return Future.succeededFuture();
    }
    return rounds.ofScope(round.scopeId()).map(all -> all.stream()
        .filter(r -> r.kind() == ScanKind.BEFORE && !r.open() && r.questionSet().equals(round.questionSet())
            && r.openedAt().isBefore(round.openedAt()))
        .max(Comparator.comparing(ScanRound::openedAt)).orElse(null));
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
