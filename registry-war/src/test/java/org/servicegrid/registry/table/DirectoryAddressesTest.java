package org.servicegrid.registry.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.servicegrid.protocol.ServiceInfo;
import org.servicegrid.registry.cluster.RegistrationRecord;

/** The table's addresses as the heart-beat rounds read them: grouped, by partition, in order. */
class DirectoryAddressesTest {

  private static final boolean[] ALL = all(true);

  private final Directory directory = new Directory(100);

  @Test
  void groupsTheRegistrationsOfAnAddressSoThatOneHeartBeatAnswersForThem() {
    Registration log = put("log", "127.0.0.1:9001", 3);
    Registration visit = put("visit", "127.0.0.1:9001", 3);
    Registration other = put("log", "127.0.0.1:9002", 3);

    assertThat(directory.addressesIn(ALL))
        .containsExactly(
            new AddressRegistrations("127.0.0.1:9001", List.of(log, visit)),
            new AddressRegistrations("127.0.0.1:9002", List.of(other)));
  }

  @Test
  void aRegistrationThatReplacesAnotherTakesItsPlaceAtTheAddress() {
    put("log", "127.0.0.1:9001", 3);
    Registration visit = put("visit", "127.0.0.1:9001", 3);
    Registration again = put("log", "127.0.0.1:9001", 3);

    assertThat(directory.addressesIn(ALL))
        .containsExactly(new AddressRegistrations("127.0.0.1:9001", List.of(visit, again)));
  }

  @Test
  void anAddressWithoutRegistrationsIsNoLongerProbedNorServed() {
    Registration log = put("log", "127.0.0.1:9001", 3);
    put("visit", "127.0.0.1:9001", 3);
    Registration other = put("log", "127.0.0.1:9002", 3);

    directory.remove(ServiceInfo.of("visit", "127.0.0.1:9001").id());
    assertThat(directory.addressesIn(ALL))
        .containsExactly(
            new AddressRegistrations("127.0.0.1:9001", List.of(log)),
            new AddressRegistrations("127.0.0.1:9002", List.of(other)));

    directory.remove(log.info().id());
    assertThat(directory.addressesIn(ALL))
        .containsExactly(new AddressRegistrations("127.0.0.1:9002", List.of(other)));
    assertThat(directory.servesAt("127.0.0.1:9001")).isFalse();
    assertThat(directory.servesAt("127.0.0.1:9002")).isTrue();
  }

  @Test
  void listsOnlyTheOwnedPartitionsByPartitionThenInArrivalOrder() {
    Registration b = put("log", "127.0.0.1:9002", 5);
    Registration a = put("log", "127.0.0.1:9001", 7);
    Registration c = put("log", "127.0.0.1:9003", 5);
    Registration d = put("log", "127.0.0.1:9004", 1);
    boolean[] owned = all(false);
    owned[5] = true;
    owned[7] = true;

    assertThat(directory.addressesIn(owned))
        .extracting(AddressRegistrations::address)
        .containsExactly("127.0.0.1:9002", "127.0.0.1:9003", "127.0.0.1:9001");
    assertThat(directory.addressesIn(ALL))
        .extracting(AddressRegistrations::registrations)
        .containsExactly(List.of(d), List.of(b), List.of(c), List.of(a));
  }

  @Test
  void aRoundsListStaysAsItWasWhenTheTableChangesAfterIt() {
    Registration log = put("log", "127.0.0.1:9001", 3);
    List<AddressRegistrations> round = directory.addressesIn(ALL);

    put("visit", "127.0.0.1:9001", 3);
    directory.remove(log.info().id());

    assertThat(round).containsExactly(new AddressRegistrations("127.0.0.1:9001", List.of(log)));
  }

  private Registration put(String name, String addr, int partition) {
    Registration registration =
        new Registration(
            RegistrationRecord.live(ServiceInfo.of(name, addr), Instant.EPOCH, ""), partition);
    directory.put(registration);
    return registration;
  }

  private static boolean[] all(boolean owned) {
    boolean[] partitions = new boolean[271];
    Arrays.fill(partitions, owned);
    return partitions;
  }
}
