package nl.leerkring.session;

import nl.leerkring.platform.Problem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

@DisplayName("The stage timer of a live session's phase")
class StageTimerTest {

  private static final Instant NOW = Instant.parse("2026-12-02T09:10:00Z");
  private static final StageTimer RUNNING = new StageTimer(Phase.SHARE_FINDINGS, 15, Instant.parse("2026-12-02T09:20:00Z"));

  @Test
  @DisplayName("Fenna gives the phase 15 minutes: the timer ends 15 minutes from now on the server's clock")
  void set() {
    assertEquals(new StageTimer(Phase.EXPLORE, 15, Instant.parse("2026-12-02T09:25:00Z")),
        StageTimer.after(null, SessionStatus.LIVE, Phase.EXPLORE, 15, NOW.plusMillis(400)), "to the second, as stored");
  }

  @Test
  @DisplayName("The timer keeps running while the phase lasts, and setting it again starts it afresh")
  void keptWhileThePhaseLasts() {
    assertEquals(RUNNING, StageTimer.after(RUNNING, SessionStatus.LIVE, Phase.SHARE_FINDINGS, null, NOW));
    assertEquals(Instant.parse("2026-12-02T09:15:00Z"),
        StageTimer.after(RUNNING, SessionStatus.LIVE, Phase.SHARE_FINDINGS, 5, NOW).endsAt());
  }

  @Test
  @DisplayName("Moving on to the next phase, stopping it with 0 minutes or ending the session ends the timer")
  void ended() {
    assertNull(StageTimer.after(RUNNING, SessionStatus.LIVE, Phase.EXPLORE, null, NOW));
    assertNull(StageTimer.after(RUNNING, SessionStatus.LIVE, Phase.SHARE_FINDINGS, 0, NOW));
    assertNull(StageTimer.after(RUNNING, SessionStatus.DONE, Phase.SHARE_FINDINGS, null, NOW));
  }

  @Test
  @DisplayName("A session that is not live gets no timer")
  void notLive() {
    Problem refused = assertThrows(Problem.class,
        () -> StageTimer.after(null, SessionStatus.PLANNED, Phase.CHECK_IN, 10, NOW));
    assertEquals(409, refused.status());
    assertEquals("session_not_live", refused.code());
  }

  @Test
  @DisplayName("The timer is stored with the session and read back the same; the API shows its phase, minutes and end")
  void stored() {
    Session live = new Session("s-1", "c-1", 2, Instant.parse("2026-12-02T09:00:00Z"), ZoneId.of("Europe/Amsterdam"),
        120, "Kantine", null, SessionStatus.LIVE, Phase.SHARE_FINDINGS, List.of(Phase.values()), List.of(), List.of(),
        List.of(), null, 0, Instant.parse("2026-11-01T10:00:00Z"), RUNNING, 4);
    assertEquals(live, SessionDocument.from(SessionDocument.of(live)));
    assertEquals("share-findings", live.view().getJsonObject("timer").getString("phase"));
    assertEquals(15, live.view().getJsonObject("timer").getInteger("minutes"));
    assertEquals("2026-12-02T09:20:00Z", live.view().getJsonObject("timer").getString("endsAt"));
  }
}
