package org.servicegrid.registry.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.servicegrid.protocol.ServiceInfo;
import org.servicegrid.registry.cluster.RegistrationRecord;

class TableLimitsTest {

  private final Directory directory = new Directory(100);
  private final TableLimits limits = new TableLimits(2, 3);

  @Test
  void admitsInstancesUpToTheLimitOfTheirServiceThen429() {
    admitAndApply(ServiceInfo.of("log", "127.0.0.1:1"));
    admitAndApply(ServiceInfo.of("log", "127.0.0.1:2"));

    assertThatThrownBy(() -> limits.admit(directory, ServiceInfo.of("log", "127.0.0.1:3")))
        .isInstanceOfSatisfying(
            LimitExceededException.class, e -> assertThat(e.status()).isEqualTo(429))
        .hasMessageContaining("'log' already has 2 instances")
        .hasMessageContaining("registry.limits.max-instances-per-service");
  }

  @Test
  void neverRefusesAnInstanceAlreadyInTheTable() {
    admitAndApply(ServiceInfo.of("log", "127.0.0.1:1"));
    admitAndApply(ServiceInfo.of("log", "127.0.0.1:2"));
    admitAndApply(ServiceInfo.of("a", "127.0.0.1:3"));

    limits.admit(
        directory,
        ServiceInfo.of("log", "127.0.0.1:2", "b", "c")); // full on both counts: a re-registration
  }

  @Test
  void countsRequiredNamesAsServicesThen507() {
    admitAndApply(ServiceInfo.of("gateway", "127.0.0.1:1", "log"));
    admitAndApply(ServiceInfo.of("log", "127.0.0.1:2")); // in use already: 2 names

    admitAndApply(ServiceInfo.of("visit", "127.0.0.1:3", "log")); // the third
    assertThatThrownBy(() -> limits.admit(directory, ServiceInfo.of("x", "127.0.0.1:4")))
        .isInstanceOfSatisfying(
            LimitExceededException.class, e -> assertThat(e.status()).isEqualTo(507))
        .hasMessageContaining("already holds 3 services")
        .hasMessageContaining("registry.limits.max-services");
    assertThatThrownBy(() -> limits.admit(directory, ServiceInfo.of("log", "127.0.0.1:5", "db")))
        .as("a new required name counts too")
        .isInstanceOf(LimitExceededException.class);
    limits.admit(directory, ServiceInfo.of("gateway", "127.0.0.1:6", "visit")); // only names in use
  }

  @Test
  void namesWithoutInstancesOrDependentsDoNotCount() {
    admitAndApply(ServiceInfo.of("a", "127.0.0.1:1"));
    admitAndApply(ServiceInfo.of("b", "127.0.0.1:1"));
    admitAndApply(ServiceInfo.of("c", "127.0.0.1:1"));
    directory.remove(ServiceInfo.of("c", "127.0.0.1:1").id()); // "c" stays known, idle

    limits.admit(directory, ServiceInfo.of("d", "127.0.0.1:1"));
  }

  @Test
  void admissionsNotYetAppliedCountUntilReleased() {
    ServiceInfo first = ServiceInfo.of("log", "127.0.0.1:1");
    ServiceInfo second = ServiceInfo.of("log", "127.0.0.1:2");
    limits.admit(directory, first);
    limits.admit(directory, second);
    limits.admit(directory, second); // the same instance written twice at once is one instance

    assertThatThrownBy(() -> limits.admit(directory, ServiceInfo.of("log", "127.0.0.1:3")))
        .isInstanceOf(LimitExceededException.class);
    limits.release(second);
    limits.release(second);
    limits.admit(directory, ServiceInfo.of("log", "127.0.0.1:3"));
  }

  @Test
  void anAppliedAdmissionIsNotCountedTwice() {
    ServiceInfo first = ServiceInfo.of("log", "127.0.0.1:1");
    limits.admit(directory, first);
    apply(first); // in the table, not yet released

    limits.admit(directory, ServiceInfo.of("log", "127.0.0.1:2"));
  }

  private void admitAndApply(ServiceInfo info) {
    limits.admit(directory, info);
    apply(info);
    limits.release(info);
  }

  private void apply(ServiceInfo info) {
    directory.put(new Registration(RegistrationRecord.live(info, Instant.EPOCH, ""), 0));
  }
}
