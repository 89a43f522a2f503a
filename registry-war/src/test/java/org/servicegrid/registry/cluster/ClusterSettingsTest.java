package org.servicegrid.registry.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.servicegrid.registry.RegistryConfig;
import org.servicegrid.testsupport.ConfigFixture;

class ClusterSettingsTest {

  @Test
  void theDefaultNodeIsAloneAndJoinsNobody() {
    ClusterSettings settings =
        ConfigFixture.produced(
            ClusterSettings.class, RegistryConfig.class, "registry.auth.enabled", "false");

    Config config = settings.hazelcastConfig(getClass().getClassLoader());

    assertThat(settings.isSingleNode()).isTrue();
    JoinConfig join = config.getNetworkConfig().getJoin();
    assertThat(join.getTcpIpConfig().isEnabled()).isFalse();
    assertThat(join.getMulticastConfig().isEnabled()).isFalse();
    assertThat(join.getAutoDetectionConfig().isEnabled()).isFalse();
    assertThat(config.getNetworkConfig().getPort()).isEqualTo(5701);
    assertThat(config.getNetworkConfig().isPortAutoIncrement()).isTrue();
    assertThat(config.getClusterName()).isEqualTo("servicegrid");
    assertThat(config.getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");
    assertThat(config.getProperty("hazelcast.shutdownhook.enabled")).isEqualTo("false");
    assertThat(config.getMapConfig(ClusterSettings.MAP).getBackupCount()).isEqualTo(1);
  }

  @Test
  void aNodeWithMembersJoinsExactlyThoseOnItsOwnPortAndInterface() {
    ClusterSettings settings =
        ConfigFixture.produced(
            ClusterSettings.class,
            RegistryConfig.class,
            "registry.auth.enabled",
            "false",
            "registry.cluster.members",
            " 127.0.0.1:20050, 127.0.0.1:20150 ,,127.0.0.1:20250",
            "registry.cluster.port",
            "20150",
            "registry.cluster.member-timeout",
            "2500");

    Config config = settings.hazelcastConfig(getClass().getClassLoader());

    assertThat(settings.members())
        .containsExactly("127.0.0.1:20050", "127.0.0.1:20150", "127.0.0.1:20250");
    assertThat(config.getNetworkConfig().getJoin().getTcpIpConfig().isEnabled()).isTrue();
    assertThat(config.getNetworkConfig().getJoin().getTcpIpConfig().getMembers())
        .containsExactly("127.0.0.1:20050", "127.0.0.1:20150", "127.0.0.1:20250");
    assertThat(config.getNetworkConfig().getJoin().getMulticastConfig().isEnabled()).isFalse();
    assertThat(config.getNetworkConfig().getPort()).isEqualTo(20150);
    assertThat(config.getNetworkConfig().isPortAutoIncrement()).isFalse();
    assertThat(config.getProperty("hazelcast.local.localAddress")).isEqualTo("127.0.0.1");
    assertThat(config.getProperty("hazelcast.max.no.heartbeat.seconds"))
        .as("2.5 s rounded up")
        .isEqualTo("3");
    assertThat(config.getProperty("hazelcast.heartbeat.interval.seconds")).isEqualTo("1");
  }

  @Test
  void aMemberTimeoutBelowASecondIsOneSecond() {
    assertThat(
            new ClusterSettings("c", "127.0.0.1", 5701, List.of(), Duration.ofMillis(1))
                .memberTimeoutSeconds())
        .isEqualTo(1);
  }
}
