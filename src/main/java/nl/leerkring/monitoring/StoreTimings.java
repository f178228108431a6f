package nl.leerkring.monitoring;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandSucceededEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.concurrent.TimeUnit;

/** How long the store takes per command, measured by the driver itself, for the embedded store and MongoDB alike. */
public final class StoreTimings implements CommandListener {

  private final MeterRegistry registry;

  public StoreTimings(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void commandSucceeded(CommandSucceededEvent event) {
    record(event.getCommandName(), "ok", event.getElapsedTime(TimeUnit.NANOSECONDS));
  }

  @Override
  public void commandFailed(CommandFailedEvent event) {
    record(event.getCommandName(), "failed", event.getElapsedTime(TimeUnit.NANOSECONDS));
  }

  private void record(String command, String outcome, long nanos) {
    Timer.builder("leerkring.store.commands").description("Store commands by name and outcome")
        .tags("command", command, "outcome", outcome)
        .publishPercentileHistogram()
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }
}
