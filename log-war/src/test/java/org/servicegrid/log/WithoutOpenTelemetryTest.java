package org.servicegrid.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.servicegrid.testsupport.WithoutOpenTelemetry;

/** The log service runs, untraced, where the application does not see the OpenTelemetry API. */
class WithoutOpenTelemetryTest {

  @Test
  void everyClassLoadsWithoutTheApi() {
    assertThat(WithoutOpenTelemetry.failures(LogAppendFilter.class)).isEmpty();
  }
}
