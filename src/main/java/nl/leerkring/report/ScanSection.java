package nl.leerkring.report;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import nl.leerkring.community.Membership;
import nl.leerkring.cycle.Cycle;

/**
 * Where the learning-culture scan puts its before and after into a cycle's harvest report. The report shows the
 * section ({@code partials/report-scan}) only when this answers an object. The scan feature answers it
 * ({@code scan.ScanResults#forReport}); the report does not depend on the scan.
 */
@FunctionalInterface
public interface ScanSection {

  /**
   * The scan's section for this cycle's report, as {@code partials/report-scan} reads it ({@code blocks}: name,
   * before, after, change; {@code answers}), or null when there is no scan result to show (none held, or too few
   * answers to stay anonymous).
   */
  Future<JsonObject> forReport(Membership membership, Cycle cycle);
}
