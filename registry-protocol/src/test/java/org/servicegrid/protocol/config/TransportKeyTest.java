package org.servicegrid.protocol.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The switch {@code servicegrid.tls}, as every module's configuration bean reads it. */
class TransportKeyTest {

  @Test
  void falseIsPlainHttpAndTrueIsHttps() {
    assertThat(ValidatedConfig.transportOf("false").secure()).isFalse();
    assertThat(ValidatedConfig.transportOf("true").secure()).isTrue();
  }

  @Test
  void anyOtherValueFailsNamingTheKey() {
    for (String value : new String[] {"TRUE", "yes", "", " true"}) {
      assertThatThrownBy(() -> ValidatedConfig.transportOf(value))
          .isInstanceOf(InvalidConfigurationException.class)
          .hasMessage(
              "Invalid configuration: servicegrid.tls is '"
                  + value
                  + "' but must be true or false");
    }
  }
}
