package org.servicegrid.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.servicegrid.testsupport.ConfigFixture;

class RegistryConfigTest {

  @Test
  void acceptsTheShippedDefaultsAndExposesThemAsDurations() {
    RegistryConfig config = ConfigFixture.load(RegistryConfig.class);

    config.validate();

    assertThat(config.heartBeatPeriod()).isEqualTo(Duration.ofSeconds(1));
    assertThat(config.notifyReadTimeout()).isEqualTo(Duration.ofSeconds(2));
  }

  /** Settings that cannot work: no heart-beats, no attempts, no notice threads, no room for events. */
  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({"registry.heartbeat.period, 0", "registry.heartbeat.attempts, 0", "registry.heartbeat.retry-pause, -1",
      "registry.heartbeat.connect-timeout, 0", "registry.heartbeat.read-timeout, 0",
      "registry.heartbeat.parallelism, 0", "registry.notify.connect-timeout, 0", "registry.notify.read-timeout, 0",
      "registry.notify.queue-capacity, 0", "registry.notify.max-connections, 0", "registry.notify.threads, 0",
      "registry.table.max-idle-services, -1", "registry.events.capacity, 0", "registry.cluster.port, 0",
      "registry.cluster.port, 65536", "registry.cluster.members, 127.0.0.1", "registry.cluster.members, a:1;b:2",
      "registry.cluster.member-timeout, 0", "registry.cluster.write-timeout, 0"})
  void refusesSettingsThatCannotWorkNamingTheirKey(String key, String value) {
    ConfigFixture.assertRejected(RegistryConfig.class, key, value);
  }
}
