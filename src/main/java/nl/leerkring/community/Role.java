package nl.leerkring.community;

import nl.leerkring.platform.ClosedList;

/** What a member does in a community; messages: {@code role.<value>}. */
public enum Role implements ClosedList {
  PARTICIPANT, FACILITATOR, LECTURER;

  public static Role parse(String value) {
    return valueOf(value.toUpperCase(java.util.Locale.ROOT));
  }
}
