package org.servicegrid.registry.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.servicegrid.protocol.InstanceStatus;
import org.servicegrid.protocol.ServiceInfo;

/** Taking an instance out of service and back: what the table lists, keeps and tells. */
class ServiceTableStatusTest {

  private final ServiceTableTest.RecordingSink sink = new ServiceTableTest.RecordingSink();
  private final List<Object> events = new ArrayList<>();
  private final ServiceTable table =
      TestCluster.table(
          sink, events::add, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), 8);

  private final ServiceInfo log = ServiceInfo.of("log", "127.0.0.1:9001");
  private final ServiceInfo visit = ServiceInfo.of("visit", "127.0.0.1:9002", "log");

  @Test
  void outOfServiceTellsDependentsToRemoveItAndRegistrationAnswersLeaveItOut() {
    table.register(log);
    table.register(visit);
    sink.sent.clear();

    ServiceInfo drained = table.setStatus(log.id(), InstanceStatus.OUT_OF_SERVICE, "admin").get();

    assertThat(drained.status()).isEqualTo(InstanceStatus.OUT_OF_SERVICE);
    assertThat(sink.sent).containsExactly("REMOVE log@127.0.0.1:9001 {}");
    assertThat(table.register(visit).get("log")).as("registration answer").isEmpty();
    assertThat(table.services().get("log")).as("listing for people").containsExactly(drained);
    assertThat(events)
        .filteredOn(e -> e instanceof Change c && c.kind() == Change.Kind.OUT_OF_SERVICE)
        .extracting(e -> ((Change) e).by())
        .containsExactly("admin");
  }

  @Test
  void upTellsDependentsToAddItAgain() {
    table.register(log);
    table.register(visit);
    table.setStatus(log.id(), InstanceStatus.OUT_OF_SERVICE, "admin");
    sink.sent.clear();

    ServiceInfo back = table.setStatus(log.id(), InstanceStatus.UP, "log").get();

    assertThat(back.status()).isEqualTo(InstanceStatus.UP);
    assertThat(sink.sent).containsExactly("ADD log@127.0.0.1:9001 {}");
    assertThat(table.register(visit).get("log")).containsExactly(log);
  }

  @Test
  void theStatusSurvivesRegistrationsAndDeregistrationsAndNothingIsTold() {
    table.register(log);
    table.register(visit);
    table.setStatus(log.id(), InstanceStatus.OUT_OF_SERVICE, "admin");
    sink.sent.clear();

    table.register(log); // registered again, as after a restart
    table.deregister(log);
    table.register(log.withStatus(InstanceStatus.UP)); // a registration's Status is ignored

    assertThat(table.instancesOf("log"))
        .extracting(ServiceInfo::status)
        .containsExactly(InstanceStatus.OUT_OF_SERVICE);
    assertThat(sink.sent).as("dependents never had it back").isEmpty();
  }

  @Test
  void settingTheStatusItHasChangesNothingAndAnUnknownInstanceIsEmpty() {
    table.register(log);
    table.register(visit);
    sink.sent.clear();
    events.clear();

    assertThat(table.setStatus(log.id(), InstanceStatus.UP, "admin")).contains(log);
    assertThat(table.setStatus(ServiceInfo.of("log", "127.0.0.1:1").id(), InstanceStatus.UP, "a"))
        .isEmpty();
    assertThat(sink.sent).isEmpty();
    assertThat(events).isEmpty();
  }

  @Test
  void newMetaOnARegistrationTellsDependentsWithAnAddButTheSameMetaDoesNot() {
    table.register(log.withMeta(Map.of("version", "1")));
    table.register(visit);
    sink.sent.clear();

    table.register(log.withMeta(Map.of("version", "1")));
    table.register(log.withMeta(Map.of("version", "2")));

    assertThat(sink.sent).containsExactly("ADD log@127.0.0.1:9001 {version=2}");
  }

  @Test
  void heartBeatRecordSurvivesAStatusChange() {
    table.register(log);
    table.registrations().get(0).heartBeatAnswered(Instant.parse("2026-01-01T00:00:01Z"));

    table.setStatus(log.id(), InstanceStatus.OUT_OF_SERVICE, "admin");

    Registration drained = table.registrations().get(0);
    assertThat(drained.lastHeartBeat()).isEqualTo(Instant.parse("2026-01-01T00:00:01Z"));
    assertThat(drained.isCurrent()).isTrue();
  }
}
