package nl.leerkring.contribution;

import nl.leerkring.platform.ClosedList;

/** What a lecturer brings in; messages: {@code contribution.kind.<value>}. */
public enum ContributionKind implements ClosedList {
  EXPLANATION, SOURCE, METHOD, EXAMPLE;

  public static ContributionKind parse(String value) {
    return ClosedList.parse(ContributionKind.class, value);
  }
}
