package org.servicegrid.registry.heartbeat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live while the heart-beat scheduler ran within the last three periods. If it stalls, dead
 * instances are never evicted and dependents keep calling them, which only a restart repairs: that
 * is what liveness is for.
 */
@Liveness
@ApplicationScoped
public class HeartBeatLivenessCheck implements HealthCheck {

  static final int PERIODS = 3;

  @Inject private HeartBeatMonitor monitor;

  @Override
  public HealthCheckResponse call() {
    Instant last = monitor.lastTick();
    Duration silence = Duration.between(last, Instant.now());
    Duration limit = monitor.period().multipliedBy(PERIODS);
    boolean running = silence.compareTo(limit) <= 0;
    var response =
        HealthCheckResponse.named("heart-beat-scheduler")
            .status(running)
            .withData("lastRound", last.toString())
            .withData("periodMillis", monitor.period().toMillis());
    if (!running) {
      response.withData(
          "reason",
          "no heart-beat round for "
              + silence.toMillis()
              + " ms (limit "
              + limit.toMillis()
              + " ms): dead instances are not evicted");
    }
    return response.build();
  }
}
