package org.servicegrid.gateway;

import static org.servicegrid.protocol.config.InvalidConfigurationException.require;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The gateway's settings ({@code gateway.*}), defaults only in {@code META-INF/microprofile-config.properties};
 * durations are milliseconds. Validated once, before the rest of the application starts: a bad value fails the
 * deployment naming its key.
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

  /** Creates this bean, and so validates it, before any other part of the application observes the start. */
  void onStart(
      @Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) @Initialized(ApplicationScoped.class) Object event) {
    // the bean's creation is the point
  }

  @PostConstruct
  void validate() {
    require(connectTimeout > 0, "gateway.connect-timeout", connectTimeout, "must be positive");
    require(responseTimeout > 0, "gateway.response-timeout", responseTimeout, "must be positive");
    require(readTimeout > 0, "gateway.read-timeout", readTimeout, "must be positive");
    require(retries >= 0 && retries <= 10, "gateway.retries", retries, "must be between 0 and 10");
    require(maxConnections >= 1 && maxConnections <= 10_000, "gateway.max-connections", maxConnections,
        "must be between 1 and 10000");
    require(refreshPeriod >= 100, "gateway.catalog.refresh-period", refreshPeriod, "must be at least 100");
    require(retryDelay >= 100, "gateway.catalog.retry-delay", retryDelay, "must be at least 100");
    require(missRefreshRate >= 1, "gateway.catalog.miss-refresh-rate", missRefreshRate, "must be at least 1");
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
