package org.servicegrid.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.servicegrid.gateway.catalog.canary.CanaryRule;
import org.servicegrid.testsupport.ConfigFixture;

class GatewayConfigTest {

  @Test
  void acceptsTheShippedDefaultsAndExposesThemAsDurations() {
    GatewayConfig config = ConfigFixture.validated(GatewayConfig.class);

    assertThat(config.upstream.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(config.upstream.responseTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.upstream.retries()).isEqualTo(2);
    assertThat(config.upstream.maxConnections()).isEqualTo(256);
    assertThat(config.limits.maxConcurrentPerService()).isEqualTo(64);
    assertThat(config.limits.retryAfter()).isEqualTo(1);
    assertThat(config.forwarding.trustedProxies().isEmpty()).isTrue();
    assertThat(config.forwarding.via()).isEqualTo("servicegrid-gateway");
    assertThat(config.limits.maxHeaderBytes()).isEqualTo(16384);
    assertThat(config.limits.maxBodyBytes("any")).isEqualTo(10 * 1024 * 1024);
    assertThat(config.upstream.allowedUpstreams()).hasToString("loopback,private");
    assertThat(config.canary.rules().isEmpty()).isTrue();
    assertThat(config.canary.fallback()).isTrue();
    assertThat(config.canary.header()).isEqualTo("X-Servicegrid-Version");
    assertThat(config.canary.headerAllowedFrom().isEmpty()).isTrue();
  }

  @Test
  void readsCanaryRulesAndWhoMayAskForAVersion() {
    GatewayConfig config =
        ConfigFixture.validated(
            GatewayConfig.class,
            "gateway.canary",
            "visit=2.0@10",
            "gateway.canary.fallback",
            "false",
            "gateway.version-header.allowed-from",
            "10.0.0.0/8");

    assertThat(config.canary.rules().of("visit")).isEqualTo(new CanaryRule("2.0", 10));
    assertThat(config.canary.fallback()).isFalse();
    assertThat(config.canary.headerAllowedFrom().contains("10.1.2.3")).isTrue();
  }

  @Test
  void readsTrustedProxiesAndPerServiceBodyLimits() {
    GatewayConfig config =
        ConfigFixture.validated(
            GatewayConfig.class,
            "gateway.trusted-proxies",
            "10.0.0.0/8, ::1",
            "gateway.max-body-bytes",
            "1000",
            "gateway.max-body-bytes.per-service",
            "upload=2000");

    assertThat(config.forwarding.trustedProxies().contains("10.1.1.1")).isTrue();
    assertThat(config.forwarding.trustedProxies().contains("::1")).isTrue();
    assertThat(config.limits.maxBodyBytes("upload")).isEqualTo(2000);
    assertThat(config.limits.maxBodyBytes("other")).isEqualTo(1000);
  }

  /** Values that would hang requests, flood the registry or forbid every connection. */
  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "gateway.connect-timeout, 0",
    "gateway.response-timeout, 0",
    "gateway.read-timeout, -1",
    "gateway.retries, 11",
    "gateway.max-connections, 0",
    "gateway.catalog.refresh-period, 10",
    "gateway.catalog.retry-delay, 10",
    "gateway.catalog.miss-refresh-rate, 0",
    "gateway.max-concurrent-per-service, 0",
    "gateway.max-concurrent-per-service, 257",
    "gateway.retry-after, -1",
    "gateway.trusted-proxies, 10.0.0.0/40",
    "gateway.via, 'two words'",
    "gateway.via, 'a,b'",
    "gateway.max-header-bytes, 100",
    "gateway.max-body-bytes, -1",
    "gateway.max-body-bytes.per-service, upload",
    "gateway.allowed-upstreams, ''",
    "gateway.allowed-upstreams, 'loopback,caller'",
    "gateway.allowed-upstreams, 300.1.1.1",
    "gateway.canary, visit=2.0",
    "gateway.canary, visit=2.0@200",
    "gateway.canary.fallback, yes",
    "gateway.version-header, 'X Version'",
    "gateway.version-header.allowed-from, 127.0.0.1/33"
  })
  void refusesToStartNamingTheKey(String key, String value) {
    ConfigFixture.assertRejected(GatewayConfig.class, key, value);
  }
}
