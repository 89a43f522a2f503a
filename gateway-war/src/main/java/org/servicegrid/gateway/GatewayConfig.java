package org.servicegrid.gateway;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The gateway's settings ({@code gateway.*}), read once from MicroProfile Config and checked at start so a bad
 * value stops the deployment with a clear message instead of surfacing later as hung or refused requests.
 * Defaults live in {@code META-INF/microprofile-config.properties}; durations are milliseconds.
 */
@ApplicationScoped
public class GatewayConfig {

  @Inject
  @ConfigProperty(name = "gateway.connect-timeout")
  long connectTimeout;

  @Inject
  @ConfigProperty(name = "gateway.response-timeout")
  long responseTimeout;

  @Inject
  @ConfigProperty(name = "gateway.read-timeout")
  long readTimeout;

  @Inject
  @ConfigProperty(name = "gateway.retries")
  int retries;

  @Inject
  @ConfigProperty(name = "gateway.max-connections")
  int maxConnections;

  @Inject
  @ConfigProperty(name = "gateway.catalog.refresh-period")
  long refreshPeriod;

  @Inject
  @ConfigProperty(name = "gateway.catalog.retry-delay")
  long retryDelay;

  @Inject
  @ConfigProperty(name = "gateway.catalog.miss-refresh-rate")
  int missRefreshRate;

  @PostConstruct
  void validate() {
    require(connectTimeout > 0, "gateway.connect-timeout must be positive");
    require(responseTimeout > 0, "gateway.response-timeout must be positive");
    require(readTimeout > 0, "gateway.read-timeout must be positive");
    require(retries >= 0 && retries <= 10, "gateway.retries must be between 0 and 10");
    require(maxConnections >= 1 && maxConnections <= 10_000, "gateway.max-connections must be between 1 and 10000");
    require(refreshPeriod >= 100, "gateway.catalog.refresh-period must be at least 100");
    require(retryDelay >= 100, "gateway.catalog.retry-delay must be at least 100");
    require(missRefreshRate >= 1, "gateway.catalog.miss-refresh-rate must be at least 1");
  }

  public Duration connectTimeout() {
    return Duration.ofMillis(connectTimeout);
  }

  public Duration responseTimeout() {
    return Duration.ofMillis(responseTimeout);
  }

  public Duration readTimeout() {
    return Duration.ofMillis(readTimeout);
  }

  public int retries() {
    return retries;
  }

  public int maxConnections() {
    return maxConnections;
  }

  public Duration refreshPeriod() {
    return Duration.ofMillis(refreshPeriod);
  }

  public Duration retryDelay() {
    return Duration.ofMillis(retryDelay);
  }

  public int missRefreshRate() {
    return missRefreshRate;
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException("Invalid configuration: " + message);
    }
  }
}
