package nl.leerkring.report;

import java.time.Instant;
import java.util.List;

/** The shared notes a facilitator picked for a cycle's harvest report, in the order picked. */
public record Highlights(String cycleId, String communityId, int cycle, List<String> noteIds, String pickedBy,
                         Instant pickedAt) {

  public Highlights {
    noteIds = List.copyOf(noteIds);
  }

  public static Highlights none(String cycleId, String communityId, int cycle) {
    return new Highlights(cycleId, communityId, cycle, List.of(), null, null);
  }
}
