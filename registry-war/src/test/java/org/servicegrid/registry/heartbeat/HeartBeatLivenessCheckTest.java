package org.servicegrid.registry.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The liveness decision: UP while the heart-beat scheduler ran within the last three periods, DOWN
 * with the reason once it stalled longer. Without a server, so with a plain response builder in
 * place of Liberty's.
 */
class HeartBeatLivenessCheckTest {

  private static final Duration PERIOD = Duration.ofSeconds(1);

  @BeforeAll
  static void plainResponses() {
    HealthCheckResponse.setResponseProvider(PlainBuilder::new);
  }

  @Test
  void isUpWhileTheLastRoundIsWithinThreePeriods() throws Exception {
    HealthCheckResponse response =
        checkWithLastRound(Instant.now().minus(PERIOD.multipliedBy(2))).call();

    assertThat(response.getName()).isEqualTo("heart-beat-scheduler");
    assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    assertThat(response.getData().orElseThrow())
        .containsEntry("periodMillis", 1000L)
        .doesNotContainKey("reason");
  }

  @Test
  void isDownWithTheReasonOnceTheSchedulerMissedMoreThanThreePeriods() throws Exception {
    Instant stalledSince = Instant.now().minus(PERIOD.multipliedBy(4));

    HealthCheckResponse response = checkWithLastRound(stalledSince).call();

    assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    Map<String, Object> data = response.getData().orElseThrow();
    assertThat(data).containsEntry("lastRound", stalledSince.toString());
    assertThat((String) data.get("reason"))
        .startsWith("no heart-beat round for ")
        .contains("(limit 3000 ms)")
        .endsWith("dead instances are not evicted");
  }

  private static HeartBeatLivenessCheck checkWithLastRound(Instant lastRound) throws Exception {
    HeartBeatLivenessCheck check = new HeartBeatLivenessCheck();
    Field monitor =
        HeartBeatLivenessCheck.class.getDeclaredField("monitor"); // private @Inject field
    monitor.setAccessible(true);
    monitor.set(check, new StoppedMonitor(lastRound));
    return check;
  }

  /** A monitor whose last round is fixed: the scheduler is not started. */
  private static final class StoppedMonitor extends HeartBeatMonitor {
    private final Instant lastRound;

    StoppedMonitor(Instant lastRound) {
      this.lastRound = lastRound;
    }

    @Override
    public Instant lastTick() {
      return lastRound;
    }

    @Override
    public Duration period() {
      return PERIOD;
    }
  }

  /** Collects what the check reports, as Liberty's builder would. */
  private static final class PlainBuilder extends HealthCheckResponseBuilder {
    private final Map<String, Object> data = new HashMap<>();
    private String name;
    private HealthCheckResponse.Status status = HealthCheckResponse.Status.DOWN;

    @Override
    public HealthCheckResponseBuilder name(String name) {
      this.name = name;
      return this;
    }

    @Override
    public HealthCheckResponseBuilder withData(String key, String value) {
      data.put(key, value);
      return this;
    }

    @Override
    public HealthCheckResponseBuilder withData(String key, long value) {
      data.put(key, value);
      return this;
    }

    @Override
    public HealthCheckResponseBuilder withData(String key, boolean value) {
      data.put(key, value);
      return this;
    }

    @Override
    public HealthCheckResponseBuilder up() {
      return status(true);
    }

    @Override
    public HealthCheckResponseBuilder down() {
      return status(false);
    }

    @Override
    public HealthCheckResponseBuilder status(boolean up) {
      status = up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN;
      return this;
    }

    @Override
    public HealthCheckResponse build() {
      return new HealthCheckResponse(name, status, Optional.of(Map.copyOf(data)));
    }
  }
}
