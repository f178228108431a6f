package nl.leerkring.scan;

import nl.leerkring.web.Caller;

/**
 * How a caller stands towards one round. Everyone who may see a round sees its results (once it allows):
 * the company's admins, and for a community's round its members, for a company-wide round the people asked.
 * {@code manages}: may close it; {@code asked}: may answer it.
 */
record Standing(ScanRound round, Caller caller, boolean manages, boolean asked) {

  String userId() {
    return caller.userId();
  }
}
