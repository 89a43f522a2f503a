package org.servicegrid.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.servicegrid.testsupport.ConfigFixture;

class VisitConfigTest {

  @Test
  void acceptsTheShippedDefaults() {
    VisitConfig config = ConfigFixture.validated(VisitConfig.class);

    assertThat(config.counter.maxGroup()).isEqualTo(64);
    assertThat(config.store.lockTimeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "visit.counter.wait-timeout, 0",
    "visit.counter.max-group, 0",
    "visit.log.attempts, 0",
    "visit.db.lock-timeout, 0"
  })
  void namesTheKeyOfAValueOutOfRange(String key, String value) {
    ConfigFixture.assertRejected(VisitConfig.class, key, value);
  }
}
