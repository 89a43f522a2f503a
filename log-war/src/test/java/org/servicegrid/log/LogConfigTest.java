package org.servicegrid.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.servicegrid.testsupport.ConfigFixture;

class LogConfigTest {

  @Test
  void acceptsTheShippedDefaults() {
    LogConfig config = ConfigFixture.validated(LogConfig.class);

    assertThat(config.file.rotateKeep()).isEqualTo(5);
    assertThat(config.tail.defaultLines()).isEqualTo(20);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "log.rotate.max-bytes, 10",
    "log.rotate.keep, -1",
    "log.message.max-bytes, 0",
    "log.batch.max-bytes, 1",
    "log.tail.max-lines, 0",
    "log.tail.default-lines, 2000",
    "log.tail.max-bytes, 100"
  })
  void namesTheKeyOfAValueOutOfRange(String key, String value) {
    ConfigFixture.assertRejected(LogConfig.class, key, value);
  }
}
