package org.servicegrid.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.servicegrid.protocol.InvalidRequestException;

class CallerNameTest {

  @Test
  void acceptsAServiceName() {
    assertThat(CallerName.of("visit")).isEqualTo("visit");
    assertThat(CallerName.of(" my-service_2.eu ")).isEqualTo("my-service_2.eu");
  }

  @Test
  void treatsAMissingOrBlankHeaderAsUnknown() {
    assertThat(CallerName.of(null)).isNull();
    assertThat(CallerName.of("  ")).isNull();
  }

  @Test
  void rejectsNamesThatCouldForgeColumns() {
    assertThatThrownBy(() -> CallerName.of("visit 42 forged"))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> CallerName.of("a\\nb")).isInstanceOf(InvalidRequestException.class);
  }
}
