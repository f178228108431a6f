package nl.leerkring.fieldnote;

import nl.leerkring.platform.ClosedList;

/**
 * The kinds of field note, in the order the form offers them. A new kind is a constant here plus
 * {@code note.kind.<value>} in every message bundle ({@code ClosedListsTest} holds the contract to this list).
 */
public enum NoteKind implements ClosedList {
  CONVERSATION, OBSERVATION, LOOK_UP, EXPERIMENT, REFLECTION;

  public static NoteKind parse(String value) {
    return ClosedList.parse(NoteKind.class, value);
  }
}
