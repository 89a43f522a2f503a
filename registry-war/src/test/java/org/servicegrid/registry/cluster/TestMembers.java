package org.servicegrid.registry.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The members of one test's cluster in this JVM, configured as registry nodes but on ports the
 * system picks, each joining the first; a cluster name of its own keeps tests apart.
 */
final class TestMembers {

  private final String cluster;
  private final List<HazelcastInstance> members = new ArrayList<>();

  TestMembers(String purpose) {
    this.cluster = "servicegrid-" + purpose + "-" + UUID.randomUUID();
  }

  /** A new member, joining the first one started. */
  HazelcastInstance join() {
    List<String> first =
        members.isEmpty()
            ? List.of()
            : List.of(
                "127.0.0.1:" + members.get(0).getCluster().getLocalMember().getAddress().getPort());
    Config config =
        new ClusterSettings(cluster, "127.0.0.1", 0, first, Duration.ofSeconds(3))
            .hazelcastConfig(TestMembers.class.getClassLoader());
    config.getNetworkConfig().getJoin().getTcpIpConfig().setEnabled(true);
    HazelcastInstance member = Hazelcast.newHazelcastInstance(config);
    members.add(member);
    return member;
  }

  /** Every member started, running or not. */
  List<HazelcastInstance> all() {
    return members;
  }

  /** Stops every member at once, as kill -9 would. */
  void terminateAll() {
    members.forEach(m -> m.getLifecycleService().terminate());
  }
}
