package nl.leerkring.platform.jobs;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("A job that fails is tried again, and a claimed job is held for a while")
class RetriesAndLeasesTest {

  private final JobHandler handler = new JobHandler() {
    @Override
    public String kind() {
      return "test";
    }

    @Override
    public Future<Outcome> run(JsonObject job) {
      return Future.failedFuture("unused");
    }
  };

  @Test
  @DisplayName("The pause grows fourfold with every failed try: 30 s, 2 min, 8 min, 32 min")
  void pausesGrow() {
    assertEquals(Duration.ofSeconds(30), handler.retryDelay(1));
    assertEquals(Duration.ofMinutes(2), handler.retryDelay(2));
    assertEquals(Duration.ofMinutes(8), handler.retryDelay(3));
    assertEquals(Duration.ofMinutes(32), handler.retryDelay(4));
  }

  @Test
  @DisplayName("The pause stops growing after the eleventh try, so it never overflows")
  void pausesStopGrowing() {
    assertEquals(handler.retryDelay(11), handler.retryDelay(12));
    assertEquals(handler.retryDelay(11), handler.retryDelay(1000));
    assertEquals(Duration.ofSeconds(30L << 20), handler.retryDelay(1000));
  }

  @Test
  @DisplayName("A kind with a shorter first pause (mail in tests) grows the same way")
  void ownFirstPause() {
    JobHandler quick = new JobHandler() {
      @Override
      public String kind() {
        return "quick";
      }

      @Override
      public Future<Outcome> run(JsonObject job) {
        return Future.failedFuture("unused");
      }

      @Override
      public Duration firstRetry() {
        return Duration.ofSeconds(1);
      }
    };
    assertEquals(Duration.ofSeconds(1), quick.retryDelay(1));
    assertEquals(Duration.ofSeconds(16), quick.retryDelay(3));
  }

  @Test
  @DisplayName("After five failed tries the job is given up on (and recorded as failed), not before")
  void givesUpAfterFive() {
    assertFalse(handler.givesUp(4));
    assertTrue(handler.givesUp(5));
  }

  @Test
  @DisplayName("A claim marks the job as this process's and holds it for the lease (30 s unless set), renewed while it runs")
  void claimHoldsForTheLease() {
    JsonObject set = Scheduler.claim("process-a", Instant.parse("2026-06-10T08:00:00Z"), Duration.ofSeconds(30))
        .getJsonObject("$set");
    assertEquals(Jobs.CLAIMED, set.getString("status"));
    assertEquals("process-a", set.getString("claimedBy"));
    assertEquals(Instant.parse("2026-06-10T08:00:30Z"), Instant.parse(set.getString("dueAt")));
  }
}
