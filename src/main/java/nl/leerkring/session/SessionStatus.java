package nl.leerkring.session;

import nl.leerkring.platform.ClosedList;

/** Where a session stands; messages: {@code session.status.<value>}. */
public enum SessionStatus implements ClosedList {
  PLANNED, LIVE, DONE, CANCELLED;

  public static SessionStatus parse(String value) {
    return ClosedList.parse(SessionStatus.class, value);
  }
}
