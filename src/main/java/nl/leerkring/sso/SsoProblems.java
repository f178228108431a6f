package nl.leerkring.sso;

import nl.leerkring.platform.Problem;

/**
 * Why a company sign-in did not go through. Each reason has its own page text ({@code sso.failed.<reason>})
 * that says what to do next; the API and the logs get the code {@code sso_<reason>}.
 */
final class SsoProblems {

  private static final String PREFIX = "sso_";

  private SsoProblems() {
  }

  static Problem failure(int status, String reason, String message) {
    return Problem.status(status, PREFIX + reason, message);
  }

  /** A refusal on the way back from the provider: the person starts again. */
  static Problem refused(String reason, String message) {
    return failure(400, reason, message);
  }

  static boolean isFailure(Throwable error) {
    return error instanceof Problem problem && problem.code().startsWith(PREFIX);
  }

  static String reason(Problem problem) {
    return problem.code().substring(PREFIX.length());
  }
}
