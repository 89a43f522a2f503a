package org.servicegrid.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.servicegrid.protocol.InvalidRequestException;
import org.servicegrid.protocol.ServiceInfo;
import org.servicegrid.protocol.ServiceInfoValidator;

class SelfDescriptionTest {

  private final SelfDescription self =
      new SelfDescription(ServiceInfo.of("gateway", "127.0.0.1:20001", "log"));

  @Test
  void requiringNewServicesAppendsThemAndReportsAChange() {
    assertThat(self.require(List.of("visit", "log"))).isTrue();

    assertThat(self.current())
        .isEqualTo(ServiceInfo.of("gateway", "127.0.0.1:20001", "log", "visit"));
  }

  @Test
  void requiringServicesKeepsTheMeta() {
    SelfDescription weighted =
        new SelfDescription(
            ServiceInfo.of("gateway", "127.0.0.1:20001").withMeta(Map.of("weight", "5")));

    weighted.require(List.of("visit"));

    assertThat(weighted.current().meta()).isEqualTo(Map.of("weight", "5"));
    assertThat(weighted.current().requiredServices()).containsExactly("visit");
  }

  @Test
  void requiringKnownServicesChangesNothing() {
    ServiceInfo before = self.current();

    assertThat(self.require(Set.of("log"))).isFalse();
    assertThat(self.current()).isSameAs(before);
  }

  @Test
  void anInvalidNameIsRejectedAndNothingChanges() {
    assertThatThrownBy(() -> self.require(List.of("visit", "../etc")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("../etc");

    assertThat(self.current().requiredServices()).containsExactly("log");
  }

  @Test
  void theProtocolsLimitOnRequiredServicesIsNeverExceeded() {
    List<String> many =
        IntStream.range(0, ServiceInfoValidator.MAX_REQUIRED_SERVICES)
            .mapToObj(i -> "s" + i)
            .toList();

    assertThatThrownBy(() -> self.require(many)).isInstanceOf(InvalidRequestException.class);

    assertThat(self.current().requiredServices()).containsExactly("log");
  }
}
