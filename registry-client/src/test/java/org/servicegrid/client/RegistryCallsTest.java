package org.servicegrid.client;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.servicegrid.protocol.ServiceInfo;

class RegistryCallsTest {

  @Test
  void keepsOnlyWellFormedInstancesOfTheNamedServiceFromARegistryAnswer() {
    ServiceInfo good = ServiceInfo.of("log", "127.0.0.1:20002");

    assertThat(RegistryCalls.usable("log", Arrays.asList(
        good,
        null,
        new ServiceInfo("log", null, null),
        ServiceInfo.of("log", "http://evil/"),
        ServiceInfo.of("visit", "127.0.0.1:20003"))))
        .containsExactly(good);
    assertThat(RegistryCalls.usable("log", null)).isEmpty();
  }

  @Test
  void describesATransportFailureByItsInnermostCause() {
    assertThat(RegistryCalls.describe(new ProcessingException(new ConnectException("Connection refused"))))
        .isEqualTo("ConnectException: Connection refused");
  }
}
