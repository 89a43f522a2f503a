package org.servicegrid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.servicegrid.protocol.ServiceInfo;

class VersionsTest {

  private static final ServiceInfo V2 =
      new ServiceInfo("log", "a:1", List.of(), Map.of("version", "2.0"));
  private static final ServiceInfo V20 =
      new ServiceInfo("log", "b:1", List.of(), Map.of("version", "2.0.0"));
  private static final ServiceInfo NONE = ServiceInfo.of("log", "c:1");

  @Test
  void onlyAdmitsExactlyTheVersionAndExceptEveryOtherInstance() {
    assertThat(List.of(V2, V20, NONE)).filteredOn(Versions.only("2.0")::admits).containsExactly(V2);
    assertThat(List.of(V2, V20, NONE))
        .filteredOn(Versions.except("2.0")::admits)
        .containsExactly(V20, NONE);
    assertThat(List.of(V2, V20, NONE)).filteredOn(Versions.ANY::admits).hasSize(3);
  }

  @Test
  void aVersionMustBeGiven() {
    assertThatThrownBy(() -> Versions.only(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
