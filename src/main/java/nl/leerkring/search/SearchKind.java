package nl.leerkring.search;

import nl.leerkring.platform.ClosedList;

/**
 * What a search result is: a question (with its answer), a field note shared with the community, a lecturer's
 * contribution, a harvest (a closed cycle's harvest, or a session's summary and agreements) or a learning
 * snack. Messages: {@code search.kind.<value>}.
 */
public enum SearchKind implements ClosedList {
  QUESTION, NOTE, CONTRIBUTION, HARVEST, SNACK;

  public static SearchKind parse(String value) {
    return ClosedList.parse(SearchKind.class, value);
  }
}
