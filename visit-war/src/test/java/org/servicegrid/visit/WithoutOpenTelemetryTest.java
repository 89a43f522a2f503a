package org.servicegrid.visit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.servicegrid.testsupport.WithoutOpenTelemetry;

/** The visit service runs, untraced, where the application does not see the OpenTelemetry API. */
class WithoutOpenTelemetryTest {

  @Test
  void everyClassLoadsWithoutTheApi() {
    assertThat(WithoutOpenTelemetry.failures(VisitFilter.class)).isEmpty();
  }
}
