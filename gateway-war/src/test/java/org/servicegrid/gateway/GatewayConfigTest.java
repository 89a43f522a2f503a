package org.servicegrid.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GatewayConfigTest {

  @Test
  void acceptsTheShippedDefaultsAndExposesThemAsDurations() {
    GatewayConfig config = defaults();

    config.validate();

    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(config.responseTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.retries()).isEqualTo(2);
    assertThat(config.maxConnections()).isEqualTo(256);
  }

  @Test
  void refusesToStartWithAValueThatWouldHangOrFloodTheRegistry() {
    GatewayConfig noTimeout = defaults();
    noTimeout.responseTimeout = 0;
    GatewayConfig tooManyRetries = defaults();
    tooManyRetries.retries = 11;
    GatewayConfig busyRefresh = defaults();
    busyRefresh.refreshPeriod = 10;
    GatewayConfig noConnections = defaults();
    noConnections.maxConnections = 0;

    assertThatThrownBy(noTimeout::validate).hasMessageContaining("gateway.response-timeout");
    assertThatThrownBy(tooManyRetries::validate).hasMessageContaining("gateway.retries");
    assertThatThrownBy(busyRefresh::validate).hasMessageContaining("gateway.catalog.refresh-period");
    assertThatThrownBy(noConnections::validate).hasMessageContaining("gateway.max-connections");
  }

  private static GatewayConfig defaults() {
    GatewayConfig config = new GatewayConfig();
    config.connectTimeout = 1000;
    config.responseTimeout = 10000;
    config.readTimeout = 10000;
    config.retries = 2;
    config.maxConnections = 256;
    config.refreshPeriod = 10000;
    config.retryDelay = 1000;
    config.missRefreshRate = 5;
    return config;
  }
}
