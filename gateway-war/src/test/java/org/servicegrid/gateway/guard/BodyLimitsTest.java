package org.servicegrid.gateway.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BodyLimitsTest {

  @Test
  void givesListedServicesTheirOwnLimitAndTheRestTheDefault() {
    BodyLimits limits = BodyLimits.parse(1000, " upload = 5000000 ,log=65536,, ");

    assertThat(limits.of("upload")).isEqualTo(5_000_000);
    assertThat(limits.of("log")).isEqualTo(65_536);
    assertThat(limits.of("visit")).isEqualTo(1000);
    assertThat(BodyLimits.parse(7, "").of("any")).isEqualTo(7);
  }

  @ParameterizedTest
  @ValueSource(strings = {"upload", "=5", "upload=-1", "upload=lots"})
  void refusesEntriesThatAreNoServiceAndSize(String entry) {
    assertThatThrownBy(() -> BodyLimits.parse(1000, "log=1," + entry))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + entry + "'");
  }
}
