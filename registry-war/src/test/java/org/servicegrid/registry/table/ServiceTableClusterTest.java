package org.servicegrid.registry.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.servicegrid.protocol.InstanceStatus;
import org.servicegrid.protocol.ServiceInfo;
import org.servicegrid.registry.cluster.ClusterSettings;
import org.servicegrid.registry.cluster.RegistrationRecord;
import org.servicegrid.registry.cluster.SharedRegistrations;

/**
 * Two tables on two Hazelcast members of one cluster, in one JVM: what is written through one is
 * applied by both, each change's notices are queued by exactly one of them, and when a member dies
 * the survivor takes over its heart-beats and queues again the notices the dead one owed, and keeps
 * the out-of-service status the dead one set.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceTableClusterTest {

  private static final Duration BOUND = Duration.ofSeconds(30);
  private static final String MAP = ClusterSettings.MAP + ".cluster-test";
  private static final ServiceInfo GATEWAY = ServiceInfo.of("gateway", "127.0.0.1:9000", "svc");

  private static HazelcastInstance first;
  private static HazelcastInstance second;
  private static final ServiceTableTest.RecordingSink FIRST_SINK =
      new ServiceTableTest.RecordingSink();
  private static final ServiceTableTest.RecordingSink SECOND_SINK =
      new ServiceTableTest.RecordingSink();
  private static ServiceTable firstTable;
  private static ServiceTable secondTable;

  @BeforeAll
  static void twoMembers() {
    String name = "servicegrid-test-" + UUID.randomUUID();
    // Each member binds a port the system picks (0): the first alone, the second joins it there.
    first = member(name, List.of());
    int port = first.getCluster().getLocalMember().getAddress().getPort();
    second = member(name, List.of("127.0.0.1:" + port));
    await()
        .atMost(BOUND)
        .until(
            () ->
                first.getCluster().getMembers().size() == 2
                    && second.getCluster().getMembers().size() == 2
                    && first.getPartitionService().isClusterSafe());
    firstTable = table(first, FIRST_SINK);
    secondTable = table(second, SECOND_SINK);
  }

  @AfterAll
  static void stopMembers() {
    first.getLifecycleService().terminate();
    second.getLifecycleService().terminate();
  }

  @Test
  @Order(1)
  void aChangeThroughEitherNodeIsAppliedByBothAndNotifiedOnce() {
    firstTable.register(GATEWAY);
    List<ServiceInfo> instances = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      ServiceInfo instance = ServiceInfo.of("svc", "127.0.0.1:" + (9100 + i));
      instances.add(instance);
      (i % 2 == 0 ? firstTable : secondTable).register(instance);
    }
    secondTable.deregister(instances.get(0));
    firstTable.deregister(instances.get(1));

    await()
        .atMost(BOUND)
        .untilAsserted(
            () -> {
              assertThat(firstTable.instancesOf("svc"))
                  .containsExactlyInAnyOrderElementsOf(instances.subList(2, 40));
              assertThat(secondTable.instancesOf("svc"))
                  .containsExactlyInAnyOrderElementsOf(instances.subList(2, 40));
            });
    List<String> notices = new ArrayList<>(FIRST_SINK.notices);
    notices.addAll(SECOND_SINK.notices);
    List<String> expected = new ArrayList<>();
    instances.forEach(i -> expected.add("REGISTERED " + i.id() + " -> [127.0.0.1:9000]"));
    expected.add("DEREGISTERED " + instances.get(0).id() + " -> [127.0.0.1:9000]");
    expected.add("DEREGISTERED " + instances.get(1).id() + " -> [127.0.0.1:9000]");
    assertThat(notices).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(FIRST_SINK.notices).as("both nodes send some").isNotEmpty();
    assertThat(SECOND_SINK.notices).isNotEmpty();
    assertThat(ownedRegistrations(firstTable) + ownedRegistrations(secondTable))
        .as("each instance's heart-beats are checked by one node")
        .isEqualTo(39);
  }

  @Test
  @Order(2)
  void whenAMemberDiesTheSurvivorChecksEveryInstanceAndQueuesTheNoticesTheDeadOneOwed() {
    // an instance the dying member owns, taken out of service through it
    ServiceInfo drained =
        firstTable.instancesOf("svc").stream()
            .filter(i -> first.getPartitionService().getPartition(key(i)).getOwner().localMember())
            .findFirst()
            .orElseThrow();
    firstTable.setStatus(drained.id(), InstanceStatus.OUT_OF_SERVICE, "admin");
    assertThat(FIRST_SINK.notices)
        .last()
        .isEqualTo("OUT_OF_SERVICE " + drained.id() + " -> [127.0.0.1:9000]");
    Map<String, String> lastNoticeByFirst =
        new LinkedHashMap<>(); // per instance: its current state
    FIRST_SINK.notices.forEach(
        n -> lastNoticeByFirst.put(n.substring(n.indexOf(' '), n.indexOf(" -> ")), n));
    int sentBySecond = SECOND_SINK.notices.size();

    first.getLifecycleService().terminate();

    await()
        .atMost(BOUND)
        .ignoreExceptions()
        .untilAsserted(
            () -> { // the sink's list grows meanwhile
              assertThat(ownedRegistrations(secondTable)).isEqualTo(39);
              assertThat(SECOND_SINK.notices.subList(sentBySecond, SECOND_SINK.notices.size()))
                  .containsExactlyInAnyOrderElementsOf(lastNoticeByFirst.values());
            });
    assertThat(new SharedRegistrations(second, MAP).snapshot())
        .as("the backups of the dead member's partitions")
        .filteredOn(r -> r.isLive())
        .hasSize(39);
    secondTable.register(drained);
    assertThat(secondTable.instancesOf("svc"))
        .filteredOn(i -> i.id().equals(drained.id()))
        .extracting(ServiceInfo::status)
        .as("the override outlived the member that took the call")
        .containsExactly(InstanceStatus.OUT_OF_SERVICE);
    secondTable.register(ServiceInfo.of("svc", "127.0.0.1:9200"));
    assertThat(SECOND_SINK.notices)
        .last()
        .isEqualTo("REGISTERED svc@127.0.0.1:9200 -> [127.0.0.1:9000]");
  }

  /** How many registrations the node of {@code table} probes the addresses of. */
  private static int ownedRegistrations(ServiceTable table) {
    return table.ownedAddresses().stream().mapToInt(a -> a.registrations().size()).sum();
  }

  private static String key(ServiceInfo instance) {
    return RegistrationRecord.key(instance.id());
  }

  private static HazelcastInstance member(String name, List<String> members) {
    ClusterSettings settings =
        new ClusterSettings(name, "127.0.0.1", 0, members, Duration.ofSeconds(3));
    Config config = settings.hazelcastConfig(ServiceTableClusterTest.class.getClassLoader());
    // The first member lists no other yet; it still joins over TCP/IP, as members must agree on it.
    config.getNetworkConfig().getJoin().getTcpIpConfig().setEnabled(true);
    return Hazelcast.newHazelcastInstance(config);
  }

  private static ServiceTable table(HazelcastInstance member, ChangeSink sink) {
    return new ServiceTable(
        new SharedRegistrations(member, MAP),
        sink,
        e -> {},
        Clock.systemUTC(),
        TestCluster.settings(100, Integer.MAX_VALUE, Integer.MAX_VALUE),
        TestCluster.daemons());
  }
}
