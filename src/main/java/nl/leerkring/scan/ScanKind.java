package nl.leerkring.scan;

import nl.leerkring.platform.ClosedList;

/** A before measurement at the start of a community's work, or an after measurement later; messages: {@code scan.kind.<value>}. */
public enum ScanKind implements ClosedList {
  BEFORE, AFTER
}
