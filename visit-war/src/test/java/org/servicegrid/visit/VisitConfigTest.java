package org.servicegrid.visit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.servicegrid.protocol.config.InvalidConfigurationException;

class VisitConfigTest {

  @Test
  void acceptsTheShippedDefaults() {
    assertThatCode(defaults()::validate).doesNotThrowAnyException();
  }

  @Test
  void namesTheKeyOfAValueOutOfRange() {
    VisitConfig noGroup = defaults();
    noGroup.maxGroup = 0;
    VisitConfig noAttempts = defaults();
    noAttempts.logAttempts = 0;

    assertThatThrownBy(noGroup::validate).isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("visit.counter.max-group is '0'");
    assertThatThrownBy(noAttempts::validate).hasMessageContaining("visit.log.attempts");
  }

  private static VisitConfig defaults() {
    VisitConfig config = new VisitConfig();
    config.stateFile = Optional.empty();
    config.lockTimeoutMillis = 5000;
    config.waitTimeoutMillis = 5000;
    config.maxGroup = 64;
    config.logAttempts = 2;
    return config;
  }
}
