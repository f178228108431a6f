package nl.leerkring.scan;

import io.vertx.core.Future;
import nl.leerkring.platform.Database;

import java.util.List;

/**
 * What rounds keep of a person whose account is erased: their unsent drafts (answers next to their id) and
 * their "has answered" marks. The counts their answers went into hold nothing of them and stay.
 */
public final class ScanErasure {

  private final ScanRoundStore rounds;
  private final ScanDraftStore drafts;
  private final ScanAnsweredStore answered;

  public ScanErasure(Database db) {
    this.rounds = new ScanRoundStore(db);
    this.drafts = new ScanDraftStore(db);
    this.answered = new ScanAnsweredStore(db);
  }

  /** In every round of these communities and companies; safe to run again. */
  public Future<Void> forget(List<String> scopeIds, String userId) {
    Future<Void> chain = Future.succeededFuture();
    for (String scopeId : scopeIds) {
      chain = chain.compose(x -> rounds.ofScope(scopeId).compose(all -> {
        Future<Void> each = Future.succeededFuture();
        for (ScanRound round : all) {
          each = each.compose(y -> drafts.remove(round.id(), userId)).compose(y -> answered.release(round.id(), userId));
        }
        return each;
      }));
    }
    return chain;
  }
}
