package nl.leerkring.account;

import nl.leerkring.platform.ClosedList;

/**
 * What a person is in their own company, beside any role in a community; messages: {@code manager.role.<value>}.
 * A manager (leidinggevende) sees only what their people chose to share with them, and is no member of any
 * community for it.
 */
public enum CompanyRole implements ClosedList {
  EMPLOYEE, MANAGER;

  /** The role a person's document holds; anyone without one is an employee. */
  public static CompanyRole of(String stored) {
    return stored == null ? EMPLOYEE : ClosedList.parse(CompanyRole.class, stored);
  }
}
