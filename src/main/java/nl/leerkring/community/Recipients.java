package nl.leerkring.community;

import java.util.List;

/** Who in a community something goes to. */
public final class Recipients {

  private Recipients() {
  }

  /** The chosen members (or all when none were chosen) who are still members, except {@code except}. */
  public static List<String> of(Community community, List<String> chosen, String except) {
    return community.members().stream().map(Community.Member::userId)
        .filter(id -> (chosen == null || chosen.contains(id)) && !id.equals(except)).toList();
  }
}
