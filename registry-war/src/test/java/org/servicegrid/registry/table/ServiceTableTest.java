package org.servicegrid.registry.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.servicegrid.protocol.ServiceInfo;

class ServiceTableTest {

  private final RecordingSink sink = new RecordingSink();
  private final List<Object> events = new ArrayList<>();
  private final ServiceTable table =
      TestCluster.table(
          sink, events::add, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), 2);

  @Test
  void answersEachRequiredServiceWithItsInstancesOrAnEmptyList() {
    ServiceInfo log = ServiceInfo.of("log", "127.0.0.1:9001");
    table.register(log);

    Map<String, List<ServiceInfo>> answer =
        table.register(ServiceInfo.of("visit", "127.0.0.1:9002", "log", "db"));

    assertThat(answer).containsOnlyKeys("log", "db");
    assertThat(answer.get("log")).containsExactly(log);
    assertThat(answer.get("db")).isEmpty();
  }

  @Test
  void theLookupAnswerFollowsEveryChangeOfItsService() {
    assertThat(json("log")).isEqualTo("[]");
    table.register(ServiceInfo.of("log", "127.0.0.1:9001"));
    assertThat(json("log"))
        .isEqualTo(
            "[{\"Name\":\"log\",\"Addr\":\"127.0.0.1:9001\",\"RequiredServices\":[],"
                + "\"Status\":\"UP\"}]");
    assertThat(json("log")).as("asked again, unchanged").isEqualTo(json("log"));

    table.register(ServiceInfo.of("log", "127.0.0.1:9001", "db")); // replaced
    table.register(ServiceInfo.of("log", "127.0.0.1:9002"));
    assertThat(json("log"))
        .isEqualTo(
            "[{\"Name\":\"log\",\"Addr\":\"127.0.0.1:9001\",\"RequiredServices\":[\"db\"],"
                + "\"Status\":\"UP\"},"
                + "{\"Name\":\"log\",\"Addr\":\"127.0.0.1:9002\",\"RequiredServices\":[],"
                + "\"Status\":\"UP\"}]");

    table.deregister(ServiceInfo.of("log", "127.0.0.1:9001"));
    Registration remaining = table.registrations().get(0);
    assertThat(table.evict(remaining)).isTrue();
    assertThat(remaining.isCurrent()).isFalse();
    assertThat(json("log")).isEqualTo("[]");
  }

  @Test
  void aRegistrationIsCurrentUntilReplacedOrRemoved() {
    table.register(ServiceInfo.of("log", "127.0.0.1:9001"));
    Registration first = table.registrations().get(0);
    assertThat(first.isCurrent()).isTrue();

    table.register(ServiceInfo.of("log", "127.0.0.1:9001"));
    Registration second = table.registrations().get(0);

    assertThat(first.isCurrent()).isFalse();
    assertThat(second.isCurrent()).isTrue();
    assertThat(table.evict(first)).as("a replaced registration is not evicted").isFalse();
    table.deregister(ServiceInfo.of("log", "127.0.0.1:9001"));
    assertThat(second.isCurrent()).isFalse();
  }

  @Test
  void aNewInstanceBeyondTheLimitsIsRefusedBeforeAnythingChanges() {
    ServiceTable limited =
        TestCluster.table(sink, events::add, Clock.systemUTC(), TestCluster.settings(2, 1, 10));
    ServiceInfo first = ServiceInfo.of("log", "127.0.0.1:9001");
    limited.register(first);

    assertThatThrownBy(() -> limited.register(ServiceInfo.of("log", "127.0.0.1:9002")))
        .isInstanceOfSatisfying(
            LimitExceededException.class, e -> assertThat(e.status()).isEqualTo(429));

    assertThat(limited.instancesOf("log")).containsExactly(first);
    assertThat(events).hasSize(1);
    limited.register(
        ServiceInfo.of("log", "127.0.0.1:9001", "db")); // the same instance again: replaced
    assertThat(limited.instancesOf("log"))
        .containsExactly(ServiceInfo.of("log", "127.0.0.1:9001", "db"));
  }

  private String json(String name) {
    return new String(table.instancesJsonOf(name), java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void registeringTheSameNameAndAddressAgainReplacesInsteadOfDuplicating() {
    table.register(ServiceInfo.of("log", "127.0.0.1:9001"));
    ServiceInfo updated = ServiceInfo.of("log", "127.0.0.1:9001", "metrics");

    table.register(updated);

    assertThat(table.instancesOf("log")).containsExactly(updated);
    assertThat(events)
        .extracting(e -> ((Change) e).kind())
        .containsExactly(Change.Kind.REGISTERED, Change.Kind.REPLACED);
  }

  @Test
  void aReplaceSendsNoNoticeButANewInstanceDoes() {
    table.register(ServiceInfo.of("gateway", "127.0.0.1:9000", "log"));
    table.register(ServiceInfo.of("log", "127.0.0.1:9001"));
    table.register(ServiceInfo.of("log", "127.0.0.1:9001"));

    assertThat(sink.notices).containsExactly("REGISTERED log@127.0.0.1:9001 -> [127.0.0.1:9000]");
  }

  @Test
  void deregisteringRemovesTheInstanceAndTellsItsDependents() {
    table.register(ServiceInfo.of("gateway", "127.0.0.1:9000", "log"));
    table.register(ServiceInfo.of("log", "127.0.0.1:9001"));

    assertThat(table.deregister(ServiceInfo.of("log", "127.0.0.1:9001"))).isTrue();

    assertThat(table.instancesOf("log")).isEmpty();
    assertThat(sink.notices)
        .last()
        .isEqualTo("DEREGISTERED log@127.0.0.1:9001 -> [127.0.0.1:9000]");
  }

  @Test
  void deregisteringAnUnknownInstanceChangesNothing() {
    assertThat(table.deregister(ServiceInfo.of("log", "127.0.0.1:9001"))).isFalse();
    assertThat(events).isEmpty();
    assertThat(sink.notices).isEmpty();
  }

  @Test
  void dependentsAreTheDistinctAddressesOfInstancesRequiringTheService() {
    table.register(ServiceInfo.of("gateway", "127.0.0.1:9000", "log"));
    table.register(ServiceInfo.of("admin", "127.0.0.1:9000", "log")); // same address: told once
    table.register(ServiceInfo.of("visit", "127.0.0.1:9003", "log"));
    table.register(ServiceInfo.of("other", "127.0.0.1:9004", "db"));

    table.register(ServiceInfo.of("log", "127.0.0.1:9001"));

    assertThat(sink.notices)
        .containsExactly("REGISTERED log@127.0.0.1:9001 -> [127.0.0.1:9000, 127.0.0.1:9003]");
  }

  @Test
  void listsKnownServicesWithoutInstancesAsEmpty() {
    table.register(ServiceInfo.of("visit", "127.0.0.1:9002", "log"));
    table.register(ServiceInfo.of("db", "127.0.0.1:9005"));
    table.deregister(ServiceInfo.of("db", "127.0.0.1:9005"));

    assertThat(table.services()).containsOnlyKeys("db", "log", "visit");
    assertThat(table.services().get("log")).isEmpty();
    assertThat(table.services().get("db")).isEmpty();
    assertThat(table.instancesOf("unknown")).isEmpty();
  }

  @Test
  void forgetsTheOldestIdleServicesBeyondTheLimit() {
    for (String name : List.of("a", "b", "c")) {
      table.register(ServiceInfo.of(name, "127.0.0.1:9001"));
      table.deregister(ServiceInfo.of(name, "127.0.0.1:9001"));
    }

    assertThat(table.services()).containsOnlyKeys("b", "c");
    assertThat(events).contains(new ServicesForgotten(List.of("a")));
  }

  @Test
  void evictsOnlyTheRegistrationThatWasChecked() {
    table.register(ServiceInfo.of("log", "127.0.0.1:9001"));
    Registration checked = table.registrations().get(0);
    ServiceInfo again = ServiceInfo.of("log", "127.0.0.1:9001");
    table.register(again); // re-registered while the check of the first registration was running

    assertThat(table.evict(checked)).isFalse();
    assertThat(table.instancesOf("log")).containsExactly(again);

    assertThat(table.evict(table.registrations().get(0))).isTrue();
    assertThat(table.instancesOf("log")).isEmpty();
  }

  @Test
  void forgetsTheNoticeQueueOfAnAddressOnlyWhenNothingServesThereAnyMore() {
    table.register(ServiceInfo.of("log", "127.0.0.1:9001"));
    table.register(ServiceInfo.of("admin", "127.0.0.1:9001"));

    table.deregister(ServiceInfo.of("log", "127.0.0.1:9001"));
    assertThat(sink.forgotten).isEmpty();
    table.deregister(ServiceInfo.of("admin", "127.0.0.1:9001"));
    assertThat(sink.forgotten).containsExactly("127.0.0.1:9001");
  }

  /** Records what the table queued, as "KIND name@addr -> [dependents]". */
  static final class RecordingSink implements ChangeSink {
    final List<String> notices = new ArrayList<>();
    final List<String> forgotten = new ArrayList<>();

    /** What each queued notice tells, as "NOTICE name@addr {meta}". */
    final List<String> sent = new ArrayList<>();

    @Override
    public synchronized Runnable enqueue(Change change, Collection<String> dependentAddresses) {
      if (!dependentAddresses.isEmpty()) {
        notices.add(change.kind() + " " + change.instance().id() + " -> " + dependentAddresses);
        sent.add(change.notice() + " " + change.instance().id() + " " + change.instance().meta());
      }
      return () -> {};
    }

    @Override
    public synchronized void forget(String address) {
      forgotten.add(address);
    }
  }
}
