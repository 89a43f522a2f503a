package org.servicegrid.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.servicegrid.protocol.InstanceStatus;
import org.servicegrid.protocol.ServiceInfo;

class RegistryCallsTest {

  @Test
  void keepsOnlyValidNamesAndWellFormedInstancesOfEachFromARegistryAnswer() {
    ServiceInfo good = ServiceInfo.of("log", "127.0.0.1:20002");
    Map<String, List<ServiceInfo>> answer = new HashMap<>();
    answer.put(
        "log",
        Arrays.asList(
            good,
            null,
            new ServiceInfo("log", null, null),
            ServiceInfo.of("log", "http://evil/"),
            ServiceInfo.of("visit", "127.0.0.1:20003")));
    answer.put("visit", null);
    answer.put("../etc", List.of());

    assertThat(RegistryCalls.usable(answer))
        .containsOnly(entry("log", List.of(good)), entry("visit", List.of()));
    assertThat(RegistryCalls.usable(null)).isEmpty();
  }

  @Test
  void leavesOutTheInstancesOutOfServiceThatAListingForPeopleShows() {
    ServiceInfo up = ServiceInfo.of("visit", "127.0.0.1:20003");
    ServiceInfo drained =
        ServiceInfo.of("visit", "127.0.0.1:20103").withStatus(InstanceStatus.OUT_OF_SERVICE);

    assertThat(RegistryCalls.usable(Map.of("visit", List.of(up, drained))))
        .containsOnly(entry("visit", List.of(up)));
  }

  @Test
  void describesATransportFailureByItsInnermostCause() {
    assertThat(
            RegistryCalls.describe(
                new ProcessingException(new ConnectException("Connection refused"))))
        .isEqualTo("ConnectException: Connection refused");
  }
}
