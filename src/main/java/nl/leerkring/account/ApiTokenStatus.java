package nl.leerkring.account;

import nl.leerkring.platform.ClosedList;

/** Whether a token works: until it is revoked or its expiry passes. */
public enum ApiTokenStatus implements ClosedList {
  ACTIVE, EXPIRED, REVOKED
}
