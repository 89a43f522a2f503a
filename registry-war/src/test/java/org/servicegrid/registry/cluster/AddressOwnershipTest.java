package org.servicegrid.registry.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Heart-beat probes are owned per address: on a cluster of members in one JVM, every address has
 * exactly one owner, which is also the owner of every instance at it as far as probes go, and the
 * addresses move to the others when a member leaves and spread to a member that joins.
 */
class AddressOwnershipTest {

  private static final Duration BOUND = Duration.ofSeconds(60);
  private static final List<String> ADDRESSES = addresses(300);

  private final TestMembers members = new TestMembers("ownership");

  @AfterEach
  void stopMembers() {
    members.terminateAll();
  }

  @Test
  void eachAddressIsOwnedByExactlyOneOfThreeMembers() {
    List<SharedRegistrations> nodes = start(3);

    await().atMost(BOUND).untilAsserted(() -> assertEachAddressOwnedOnce(nodes));
    for (SharedRegistrations node : nodes) {
      assertThat(owned(node)).as("addresses of member %s", node.localMemberId()).isNotEmpty();
    }
  }

  @Test
  void theAddressesOfAMemberThatLeavesMoveToTheOthers() {
    List<SharedRegistrations> nodes = start(3);
    await().atMost(BOUND).untilAsserted(() -> assertEachAddressOwnedOnce(nodes));
    List<String> ofLeaving = owned(nodes.get(2));
    assertThat(ofLeaving).as("the leaving member's addresses").isNotEmpty();

    members.all().get(2).getLifecycleService().terminate(); // as kill -9: no graceful hand-over
    List<SharedRegistrations> survivors = nodes.subList(0, 2);

    await()
        .atMost(BOUND)
        .untilAsserted(
            () -> {
              assertEachAddressOwnedOnce(survivors);
              assertThat(ofLeaving)
                  .allMatch(
                      a -> survivors.get(0).ownsAddress(a) || survivors.get(1).ownsAddress(a));
            });
  }

  @Test
  void aMemberThatJoinsTakesItsShareOfTheAddresses() {
    List<SharedRegistrations> nodes = new ArrayList<>(start(2));
    // a cluster can be safe before every partition has its first owner: polled, as after a change
    await().atMost(BOUND).untilAsserted(() -> assertEachAddressOwnedOnce(nodes));

    nodes.add(new SharedRegistrations(members.join(), ClusterSettings.MAP));
    awaitSafe(3);

    await().atMost(BOUND).untilAsserted(() -> assertEachAddressOwnedOnce(nodes));
    assertThat(owned(nodes.get(2))).as("the new member's addresses").isNotEmpty();
  }

  private List<SharedRegistrations> start(int count) {
    List<SharedRegistrations> nodes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      nodes.add(new SharedRegistrations(members.join(), ClusterSettings.MAP));
    }
    awaitSafe(count);
    return nodes;
  }

  private void awaitSafe(int size) {
    await()
        .atMost(BOUND)
        .until(
            () ->
                members.all().stream()
                    .filter(m -> m.getLifecycleService().isRunning())
                    .allMatch(
                        m ->
                            m.getCluster().getMembers().size() == size
                                && m.getPartitionService().isClusterSafe()));
  }

  private static void assertEachAddressOwnedOnce(List<SharedRegistrations> nodes) {
    for (SharedRegistrations node : nodes) { // the round's way of asking, for all addresses at once
      boolean[] owned = node.ownedPartitions();
      for (String address : ADDRESSES) {
        assertThat(owned[node.addressPartition(address)])
            .as("%s owned by %s, by partition", address, node.localMemberId())
            .isEqualTo(node.ownsAddress(address));
      }
    }
    for (String address : ADDRESSES) {
      assertThat(nodes.stream().filter(n -> n.ownsAddress(address)).count())
          .as("owners of %s", address)
          .isEqualTo(1);
    }
  }

  private static List<String> owned(SharedRegistrations node) {
    return ADDRESSES.stream().filter(node::ownsAddress).toList();
  }

  private static List<String> addresses(int count) {
    List<String> addresses = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      addresses.add("127.1." + (i / 250) + "." + (i % 250 + 1) + ":20060");
    }
    return addresses;
  }
}
