package org.servicegrid.registry.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Nodes as on machines of their own: each member binds its own address, here two loopback addresses
 * that are no interface's address of their own (127.0.1.1, 127.0.1.2), on the same port, and they
 * join each other there.
 */
class OwnAddressMembersTest {

  private static final int PORT = 21460;
  private static final List<String> HOSTS = List.of("127.0.1.1", "127.0.1.2");
  private final List<HazelcastInstance> members = new ArrayList<>();

  @AfterEach
  void stopMembers() {
    members.forEach(m -> m.getLifecycleService().terminate());
  }

  @Test
  void membersOnTheirOwnAddressesAndTheSamePortFormOneCluster() {
    String name = "servicegrid-hosts-" + UUID.randomUUID();
    List<String> everyMember = HOSTS.stream().map(h -> h + ":" + PORT).toList();
    for (String host : HOSTS) {
      ClusterSettings settings =
          new ClusterSettings(name, host, PORT, everyMember, Duration.ofSeconds(5));
      members.add(
          Hazelcast.newHazelcastInstance(settings.hazelcastConfig(getClass().getClassLoader())));
    }

    for (int i = 0; i < HOSTS.size(); i++) {
      assertThat(members.get(i).getCluster().getLocalMember().getAddress().getHost())
          .as("address member %s bound", i + 1)
          .isEqualTo(HOSTS.get(i));
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> members.stream().allMatch(m -> m.getCluster().getMembers().size() == 2));
  }
}
