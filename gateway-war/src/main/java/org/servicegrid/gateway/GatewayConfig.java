package org.servicegrid.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.servicegrid.protocol.config.Range;
import org.servicegrid.protocol.config.ValidatedConfig;

/**
 * The gateway's settings ({@code gateway.*}), defaults only in {@code META-INF/microprofile-config.properties};
 * durations are milliseconds. Validated once, before the rest of the application starts: a bad value fails the
 * deployment naming its key.
 */
@ApplicationScoped
public class GatewayConfig extends ValidatedConfig {

  @Inject
  @ConfigProperty(name = "gateway.connect-timeout")
  @Range(min = 1)
  long connectTimeout;

  @Inject
  @ConfigProperty(name = "gateway.response-timeout")
  @Range(min = 1)
  long responseTimeout;

  @Inject
  @ConfigProperty(name = "gateway.read-timeout")
  @Range(min = 1)
  long readTimeout;

  @Inject
  @ConfigProperty(name = "gateway.retries")
  @Range(min = 0, max = 10)
  int retries;

  @Inject
  @ConfigProperty(name = "gateway.max-connections")
  @Range(min = 1, max = 10_000)
  int maxConnections;

  @Inject
  @ConfigProperty(name = "gateway.catalog.refresh-period")
  @Range(min = 100)
  long refreshPeriod;

  @Inject
  @ConfigProperty(name = "gateway.catalog.retry-delay")
  @Range(min = 100)
  long retryDelay;

  @Inject
  @ConfigProperty(name = "gateway.catalog.miss-refresh-rate")
  @Range(min = 1)
  int missRefreshRate;

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
}
