package org.servicegrid.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.servicegrid.testsupport.WithoutOpenTelemetry;

/** The registry runs, untraced, where the application does not see the OpenTelemetry API. */
class WithoutOpenTelemetryTest {

  @Test
  void everyClassLoadsWithoutTheApi() {
    assertThat(WithoutOpenTelemetry.failures(RegistryApplication.class)).isEmpty();
  }
}
