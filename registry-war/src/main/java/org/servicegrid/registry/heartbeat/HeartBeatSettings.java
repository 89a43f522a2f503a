package org.servicegrid.registry.heartbeat;

import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * The heart-beat timing, read once from MP Config ({@code registry.heartbeat.*}, milliseconds).
 *
 * <p>With the defaults (period 1000, 3 attempts, 200 ms pause, 500 ms timeouts) an instance that dies just
 * after a good check is evicted at worst about period + attempts x timeout + (attempts - 1) x pause = 2.9 s
 * later, which leaves room within the 5 s the protocol promises for telling its dependents.
 */
public record HeartBeatSettings(
    Duration period,
    int attempts,
    Duration retryPause,
    Duration connectTimeout,
    Duration readTimeout,
    int parallelism) {

  public HeartBeatSettings {
    require(!period.isNegative() && !period.isZero(), "registry.heartbeat.period must be positive");
    require(attempts >= 1, "registry.heartbeat.attempts must be at least 1");
    require(!retryPause.isNegative(), "registry.heartbeat.retry-pause must not be negative");
    require(!connectTimeout.isNegative() && !connectTimeout.isZero(),
        "registry.heartbeat.connect-timeout must be positive");
    require(!readTimeout.isNegative() && !readTimeout.isZero(), "registry.heartbeat.read-timeout must be positive");
    require(parallelism >= 1, "registry.heartbeat.parallelism must be at least 1");
  }

  public static HeartBeatSettings from(Config config) {
    return new HeartBeatSettings(
        millis(config, "registry.heartbeat.period"),
        config.getValue("registry.heartbeat.attempts", Integer.class),
        millis(config, "registry.heartbeat.retry-pause"),
        millis(config, "registry.heartbeat.connect-timeout"),
        millis(config, "registry.heartbeat.read-timeout"),
        config.getValue("registry.heartbeat.parallelism", Integer.class));
  }

  private static Duration millis(Config config, String key) {
    return Duration.ofMillis(config.getValue(key, Long.class));
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
