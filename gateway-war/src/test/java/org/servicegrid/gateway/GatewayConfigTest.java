package org.servicegrid.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.servicegrid.testsupport.ConfigFixture;

class GatewayConfigTest {

  @Test
  void acceptsTheShippedDefaultsAndExposesThemAsDurations() {
    GatewayConfig config = ConfigFixture.load(GatewayConfig.class);

    config.validate();

    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(config.responseTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.retries()).isEqualTo(2);
    assertThat(config.maxConnections()).isEqualTo(256);
  }

  /** Values that would hang requests, flood the registry or forbid every connection. */
  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({"gateway.connect-timeout, 0", "gateway.response-timeout, 0", "gateway.read-timeout, -1",
      "gateway.retries, 11", "gateway.max-connections, 0", "gateway.catalog.refresh-period, 10",
      "gateway.catalog.retry-delay, 10", "gateway.catalog.miss-refresh-rate, 0"})
  void refusesToStartNamingTheKey(String key, String value) {
    ConfigFixture.assertRejected(GatewayConfig.class, key, value);
  }
}
