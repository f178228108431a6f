package nl.leerkring.question;

import nl.leerkring.platform.ClosedList;

/** How pressing a question is, most pressing first; messages: {@code question.priority.<value>}. */
public enum Priority implements ClosedList {
  HIGH, MEDIUM, LOW;

  public static Priority parse(String value) {
    return ClosedList.parse(Priority.class, value);
  }
}
