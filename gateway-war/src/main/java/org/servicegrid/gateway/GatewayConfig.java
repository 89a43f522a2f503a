package org.servicegrid.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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

  @Override
  public void validate() {
    requireAtLeast("gateway.connect-timeout", connectTimeout, 1);
    requireAtLeast("gateway.response-timeout", responseTimeout, 1);
    requireAtLeast("gateway.read-timeout", readTimeout, 1);
    requireBetween("gateway.retries", retries, 0, 10);
    requireBetween("gateway.max-connections", maxConnections, 1, 10_000);
    requireAtLeast("gateway.catalog.refresh-period", refreshPeriod, 100);
    requireAtLeast("gateway.catalog.retry-delay", retryDelay, 100);
    requireAtLeast("gateway.catalog.miss-refresh-rate", missRefreshRate, 1);
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
}
