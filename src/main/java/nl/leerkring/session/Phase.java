package nl.leerkring.session;

import nl.leerkring.platform.ClosedList;

/** The phases of a session, in the method's order; messages: {@code session.phase.<value>}. */
public enum Phase implements ClosedList {
  CHECK_IN, SHARE_FINDINGS, EXPLORE, QUESTIONS, AGREEMENTS, CHECK_OUT;

  public static Phase parse(String value) {
    return ClosedList.parse(Phase.class, value);
  }
}
