package org.servicegrid.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.servicegrid.testsupport.WithoutOpenTelemetry;

/** The client library loads where the application does not see the OpenTelemetry API. */
class WithoutOpenTelemetryTest {

  @Test
  void everyClassLoadsWithoutTheApi() {
    assertThat(WithoutOpenTelemetry.failures(ServiceInstances.class)).isEmpty();
  }
}
