package nl.leerkring.session;

import nl.leerkring.platform.ClosedList;

/**
 * What a group found since its previous session, as "since last time" groups it; messages:
 * {@code since.kind.<value>}. A feature that brings a new kind (learning snacks) adds its constant here.
 */
public enum FindingKind implements ClosedList {
  NOTE, CONTRIBUTION, ANSWER, AGREEMENT, SNACK
}
