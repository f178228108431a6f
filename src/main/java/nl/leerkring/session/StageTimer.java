package nl.leerkring.session;

import io.vertx.core.json.JsonObject;
import nl.leerkring.platform.Problem;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The time the facilitator gives the phase the session is in. It belongs to that phase: moving on ends it, as
 * does the end of the session. Phones count down to {@code endsAt}, which the server sets, so every phone shows
 * the same time whatever its own clock says.
 */
public record StageTimer(Phase phase, int minutes, Instant endsAt) {

  /**
   * The timer after a change to the session: the one just set ({@code minutes} 0 stops it), otherwise the
   * running one while its phase and the live session last.
   */
  public static StageTimer after(StageTimer running, SessionStatus status, Phase phase, Integer minutes,
                                 Instant now) {
    if (minutes != null) {
      if (minutes == 0) {
        return null;
      }
      if (status != SessionStatus.LIVE) {
        throw Problem.conflict("session_not_live", "A stage timer runs only while the session is live.");
      }
      // To the second, as stored.
      return new StageTimer(phase, minutes, now.truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofMinutes(minutes)));
    }
    return running != null && status == SessionStatus.LIVE && running.phase() == phase ? running : null;
  }

  public JsonObject view() {
    return new JsonObject()
        .put("phase", phase.value())
        .put("minutes", minutes)
        .put("endsAt", endsAt.toString());
  }
}
