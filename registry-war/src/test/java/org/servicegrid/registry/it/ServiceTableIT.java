package org.servicegrid.registry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.servicegrid.protocol.ServiceInfo;
import org.servicegrid.registry.table.Registration;
import org.servicegrid.registry.table.ServiceTable;

/** The table bean inside the server (plain JUnit assertions: the test runs in the deployed WAR). */
@ExtendWith(ArquillianExtension.class)
class ServiceTableIT {

  @Deployment
  static WebArchive deployment() {
    return RegistryDeployment.withoutEvictions();
  }

  @Inject private ServiceTable table;

  @Test
  void isOneStartedSingletonThatAnswersRegistrationsWithRequiredInstances() {
    assertTrue(table.isOpen());
    ServiceInfo log = ServiceInfo.of("tbl-log", "127.0.0.1:8001");
    table.register(log);

    Map<String, List<ServiceInfo>> answer =
        table.register(ServiceInfo.of("tbl-visit", "127.0.0.1:8002", "tbl-log"));

    assertEquals(Map.of("tbl-log", List.of(log)), answer);
    assertEquals(List.of(log), table.instancesOf("tbl-log"));
  }

  @Test
  void evictsOnlyTheRegistrationThatWasChecked() {
    ServiceInfo info = ServiceInfo.of("tbl-aba", "127.0.0.1:8003");
    table.register(info);
    Registration checked = registrationOf(info);
    table.register(info); // re-registered meanwhile

    assertFalse(table.evict(checked));
    assertEquals(List.of(info), table.instancesOf("tbl-aba"));
    assertTrue(table.evict(registrationOf(info)));
    assertEquals(List.of(), table.instancesOf("tbl-aba"));
  }

  @Test
  void deregisteringAnUnknownInstanceIsHarmless() {
    assertFalse(table.deregister(ServiceInfo.of("tbl-unknown", "127.0.0.1:8004")));
  }

  private Registration registrationOf(ServiceInfo info) {
    return table.registrations().stream()
        .filter(r -> r.info().id().equals(info.id()))
        .findFirst()
        .orElseThrow();
  }
}
