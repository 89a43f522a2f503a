package org.servicegrid.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.servicegrid.protocol.InvalidRequestException;
import org.servicegrid.protocol.ServiceInfo;

class SubscriptionsTest {

  private static final ServiceInfo VISIT = ServiceInfo.of("visit", "127.0.0.1:20003");

  private final Subscriptions subscriptions = new Subscriptions();

  SubscriptionsTest() {
    subscriptions.self = new SelfDescription(ServiceInfo.of("gateway", "127.0.0.1:20001"));
    subscriptions.table = new InstanceTable();
    subscriptions.registrar = new Registrar(); // not started: a requested registration is dropped
  }

  @Test
  void requiresTheServicesAndPrimesTheTableWithTheirListedInstances() {
    subscriptions.subscribe(Map.of("visit", List.of(VISIT)));

    assertThat(subscriptions.self.current().requiredServices()).containsExactly("visit");
    assertThat(subscriptions.table.instances("visit")).containsExactly(VISIT);
  }

  @Test
  void anInvalidNameChangesNeitherTheRegistrationNorTheTable() {
    assertThatThrownBy(
            () -> subscriptions.subscribe(Map.of("visit", List.of(VISIT), "a b", List.of())))
        .isInstanceOf(InvalidRequestException.class);

    assertThat(subscriptions.self.current().requiredServices()).isEmpty();
    assertThat(subscriptions.table.instances("visit")).isEmpty();
  }
}
