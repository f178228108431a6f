package nl.leerkring.question;

import nl.leerkring.platform.ClosedList;

import java.util.Arrays;

/**
 * Where a shared question stands; messages: {@code question.status.<value>} and {@code lecturer.status.<value>},
 * and {@code community.status.<value>} for the open ones (the community page lists only those).
 */
public enum QuestionStatus implements ClosedList {
  OPEN, INVESTIGATING, ANSWERED, PARKED;

  public static QuestionStatus parse(String value) {
    return ClosedList.parse(QuestionStatus.class, value);
  }

  /** Still to be worked on: the group's agenda, and what a note or contribution can still feed. */
  public boolean isOpen() {
    return this == OPEN || this == INVESTIGATING;
  }

  public static boolean isOpen(String value) {
    return Arrays.stream(values()).anyMatch(s -> s.isOpen() && s.value().equals(value));
  }
}
