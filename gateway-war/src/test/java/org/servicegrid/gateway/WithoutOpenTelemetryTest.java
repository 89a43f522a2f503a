package org.servicegrid.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.servicegrid.gateway.proxy.Forwarder;
import org.servicegrid.testsupport.WithoutOpenTelemetry;

/** The gateway runs, untraced, where the application does not see the OpenTelemetry API. */
class WithoutOpenTelemetryTest {

  @Test
  void everyClassLoadsWithoutTheApi() {
    assertThat(WithoutOpenTelemetry.failures(Forwarder.class)).isEmpty();
  }
}
