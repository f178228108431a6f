package nl.leerkring.portfolio;

import nl.leerkring.platform.ClosedList;

/** What an item of a person's portfolio is; messages: {@code portfolio.kind.<value>}. */
public enum PortfolioKind implements ClosedList {
  SESSION, QUESTION, NOTE, CONTRIBUTION, AGREEMENT;

  public static PortfolioKind parse(String value) {
    return ClosedList.parse(PortfolioKind.class, value);
  }
}
