package org.servicegrid.registry.heartbeat;

import java.time.Duration;
import org.servicegrid.registry.RegistryConfig;

/**
 * The heart-beat timing ({@code registry.heartbeat.*}, validated by {@link RegistryConfig}). An instance that
 * dies just after a good check is evicted at worst period + attempts x timeout + (attempts - 1) x pause later,
 * which the defaults keep within the 5 s the protocol promises for telling its dependents.
 */
public record HeartBeatSettings(
    Duration period,
    int attempts,
    Duration retryPause,
    Duration connectTimeout,
    Duration readTimeout,
    int parallelism) {

  static HeartBeatSettings of(RegistryConfig config) {
    return new HeartBeatSettings(config.heartBeatPeriod(), config.heartBeatAttempts(), config.heartBeatRetryPause(),
        config.heartBeatConnectTimeout(), config.heartBeatReadTimeout(), config.heartBeatParallelism());
  }
}
