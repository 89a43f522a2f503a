package org.servicegrid.log;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.servicegrid.protocol.config.InvalidConfigurationException;

class LogConfigTest {

  @Test
  void acceptsTheShippedDefaults() {
    assertThatCode(defaults()::validate).doesNotThrowAnyException();
  }

  @Test
  void namesTheKeyOfAValueOutOfRange() {
    LogConfig tinyRotation = defaults();
    tinyRotation.rotateMaxBytes = 10;
    LogConfig defaultAboveMax = defaults();
    defaultAboveMax.tailDefaultLines = 2000;

    assertThatThrownBy(tinyRotation::validate)
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("log.rotate.max-bytes is '10'");
    assertThatThrownBy(defaultAboveMax::validate).hasMessageContaining("log.tail.default-lines");
  }

  private static LogConfig defaults() {
    LogConfig config = new LogConfig();
    config.file = Optional.empty();
    config.rotateMaxBytes = 10_485_760;
    config.rotateKeep = 5;
    config.messageMaxBytes = 65_536;
    config.batchMaxBytes = 1_048_576;
    config.tailDefaultLines = 20;
    config.tailMaxLines = 1000;
    config.tailMaxBytes = 1_048_576;
    return config;
  }
}
