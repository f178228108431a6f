package nl.leerkring.fieldnote;

import nl.leerkring.platform.ClosedList;

/**
 * Who sees a field note (or a prompt answer, which is one): the community, or only its writer.
 * Messages: {@code note.visibility.<value>} and {@code prompt.visibility.<value>}.
 */
public enum Visibility implements ClosedList {
  COMMUNITY, PRIVATE;

  public static Visibility parse(String value) {
    return ClosedList.parse(Visibility.class, value);
  }
}
