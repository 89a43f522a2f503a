package org.servicegrid.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GatewayMetricsTest {

  @Test
  void groupsStatusesByClass() {
    assertThat(GatewayMetrics.statusClass(200)).isEqualTo("2xx");
    assertThat(GatewayMetrics.statusClass(304)).isEqualTo("3xx");
    assertThat(GatewayMetrics.statusClass(404)).isEqualTo("4xx");
    assertThat(GatewayMetrics.statusClass(599)).isEqualTo("5xx");
    assertThat(GatewayMetrics.statusClass(999)).isEqualTo("other");
  }
}
