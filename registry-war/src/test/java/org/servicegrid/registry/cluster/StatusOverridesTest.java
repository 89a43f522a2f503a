package org.servicegrid.registry.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicegrid.protocol.InstanceId;
import org.servicegrid.protocol.InstanceStatus;

/**
 * Each node answers a registration's status from its copy of the overrides: the node that set an
 * override answers from it at once, the others once the map's event reached them, and an override
 * set before a node started, or one that expired, is known to it too.
 */
class StatusOverridesTest {

  private static final Duration BOUND = Duration.ofSeconds(60);
  private static final InstanceId VISIT = new InstanceId("visit", "127.0.0.1:20003");

  private final TestMembers members = new TestMembers("overrides");

  @AfterEach
  void stopMembers() {
    members.terminateAll();
  }

  @Test
  void theNodeThatSetsAnOverrideAnswersWithItAtOnceAndTheOthersSoon() {
    StatusOverrides first = overrides(member());
    StatusOverrides second = overrides(member());

    first.set(VISIT, InstanceStatus.OUT_OF_SERVICE, "admin", Instant.now());

    assertThat(first.statusOf(VISIT)).isEqualTo(InstanceStatus.OUT_OF_SERVICE);
    await()
        .atMost(BOUND)
        .until(() -> second.statusOf(VISIT), s -> s == InstanceStatus.OUT_OF_SERVICE);

    second.set(VISIT, InstanceStatus.UP, "admin", Instant.now());

    assertThat(second.statusOf(VISIT)).isEqualTo(InstanceStatus.UP);
    await().atMost(BOUND).until(() -> first.statusOf(VISIT), s -> s == InstanceStatus.UP);
  }

  @Test
  void outAndBackAndOutAgainEndsOutOfServiceOnEveryNode() {
    StatusOverrides first = overrides(member());
    StatusOverrides second = overrides(member());

    for (int round = 0; round < 5; round++) {
      first.set(VISIT, InstanceStatus.OUT_OF_SERVICE, "admin", Instant.now());
      first.set(VISIT, InstanceStatus.UP, "admin", Instant.now());
    }
    first.set(VISIT, InstanceStatus.OUT_OF_SERVICE, "admin", Instant.now());

    // late removal events of earlier values must not drop the last override from either copy
    await()
        .atMost(BOUND)
        .untilAsserted(
            () -> {
              assertThat(first.statusOf(VISIT)).isEqualTo(InstanceStatus.OUT_OF_SERVICE);
              assertThat(second.statusOf(VISIT)).isEqualTo(InstanceStatus.OUT_OF_SERVICE);
            });
    assertThat(first.size()).isEqualTo(1);
  }

  @Test
  void aNodeThatStartsLaterKnowsTheOverridesSetBefore() {
    StatusOverrides first = overrides(member());
    first.set(VISIT, InstanceStatus.OUT_OF_SERVICE, "admin", Instant.now());

    StatusOverrides later = overrides(member());

    assertThat(later.statusOf(VISIT)).isEqualTo(InstanceStatus.OUT_OF_SERVICE);
  }

  @Test
  void anExpiredOverrideIsForgottenEverywhere() {
    StatusOverrides first = overrides(member());
    StatusOverrides second = overrides(member());
    first.set(VISIT, InstanceStatus.OUT_OF_SERVICE, "admin", Instant.now());
    await()
        .atMost(BOUND)
        .until(() -> second.statusOf(VISIT), s -> s == InstanceStatus.OUT_OF_SERVICE);

    first.retainFor(VISIT, Duration.ofSeconds(1));

    await()
        .atMost(BOUND)
        .untilAsserted(
            () -> {
              assertThat(first.statusOf(VISIT)).isEqualTo(InstanceStatus.UP);
              assertThat(second.statusOf(VISIT)).isEqualTo(InstanceStatus.UP);
            });
  }

  private static StatusOverrides overrides(HazelcastInstance member) {
    return new SharedRegistrations(member, ClusterSettings.MAP).statusOverrides();
  }

  /** A new member, once every member sees all the others. */
  private HazelcastInstance member() {
    HazelcastInstance member = members.join();
    int size = members.all().size();
    await()
        .atMost(BOUND)
        .until(
            () -> members.all().stream().allMatch(m -> m.getCluster().getMembers().size() == size));
    return member;
  }
}
