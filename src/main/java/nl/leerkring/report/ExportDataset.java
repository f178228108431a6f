package nl.leerkring.report;

import nl.leerkring.platform.ClosedList;

/** What a facilitator or company admin can download of a community; messages: {@code report.dataset.<value>}. */
public enum ExportDataset implements ClosedList {
  QUESTIONS, QUESTION_HISTORY, SESSIONS, AGREEMENTS, CONTRIBUTIONS, NOTES;

  public static ExportDataset parse(String value) {
    return ClosedList.parse(ExportDataset.class, value);
  }
}
