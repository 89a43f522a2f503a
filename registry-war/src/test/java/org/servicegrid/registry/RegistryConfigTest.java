package org.servicegrid.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.servicegrid.protocol.config.InvalidConfigurationException;

class RegistryConfigTest {

  @Test
  void acceptsTheShippedDefaultsAndExposesThemAsDurations() {
    RegistryConfig config = defaults();

    assertThatCode(config::validate).doesNotThrowAnyException();
    assertThat(config.heartBeatPeriod()).isEqualTo(Duration.ofSeconds(1));
    assertThat(config.notifyReadTimeout()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void refusesSettingsThatCannotWorkNamingTheirKey() {
    RegistryConfig noPeriod = defaults();
    noPeriod.heartBeatPeriod = 0;
    RegistryConfig noAttempts = defaults();
    noAttempts.heartBeatAttempts = 0;
    RegistryConfig noNoticeThreads = defaults();
    noNoticeThreads.notifyThreads = 0;
    RegistryConfig noEvents = defaults();
    noEvents.eventsCapacity = 0;

    assertThatThrownBy(noPeriod::validate).isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("registry.heartbeat.period is '0'");
    assertThatThrownBy(noAttempts::validate).hasMessageContaining("registry.heartbeat.attempts");
    assertThatThrownBy(noNoticeThreads::validate).hasMessageContaining("registry.notify.threads");
    assertThatThrownBy(noEvents::validate).hasMessageContaining("registry.events.capacity");
  }

  private static RegistryConfig defaults() {
    RegistryConfig config = new RegistryConfig();
    config.heartBeatPeriod = 1000;
    config.heartBeatAttempts = 3;
    config.heartBeatRetryPause = 200;
    config.heartBeatConnectTimeout = 500;
    config.heartBeatReadTimeout = 500;
    config.heartBeatParallelism = 16;
    config.notifyConnectTimeout = 500;
    config.notifyReadTimeout = 2000;
    config.notifyQueueCapacity = 1000;
    config.notifyMaxConnections = 256;
    config.notifyThreads = 32;
    config.maxIdleServices = 1000;
    config.eventsCapacity = 500;
    return config;
  }
}
