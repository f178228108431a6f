package nl.leerkring.cycle;

import nl.leerkring.platform.ClosedList;

/** One cycle of a community is active; the ones before it are closed. Messages: {@code cycle.status.<value>}. */
public enum CycleStatus implements ClosedList {
  ACTIVE, CLOSED;

  public static CycleStatus parse(String value) {
    return ClosedList.parse(CycleStatus.class, value);
  }
}
