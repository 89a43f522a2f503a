package org.servicegrid.gateway.catalog.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.servicegrid.client.Versions;
import org.servicegrid.protocol.InvalidRequestException;
import org.servicegrid.protocol.auth.AddressRanges;

class VersionRoutingTest {

  private static final String HEADER = "X-Servicegrid-Version";
  private static final UnaryOperator<String> NO_HEADERS = name -> null;

  @Test
  void theCanaryGetsExactlyItsShareSpreadEvenlyAndTheOthersTheRest() {
    VersionRouting routing = routing("visit=2.0@10", "");

    List<Versions> chosen =
        IntStream.range(0, 4000)
            .mapToObj(i -> routing.of("visit", NO_HEADERS, "10.0.0.1"))
            .toList();

    assertThat(chosen.stream().filter(Versions.only("2.0")::equals).count()).isEqualTo(400);
    assertThat(chosen.stream().filter(Versions.except("2.0")::equals).count()).isEqualTo(3600);
    assertThat(chosen.subList(0, 10).stream().filter(Versions::matching).count()).isEqualTo(1);
  }

  @Test
  void aServiceWithoutRuleGoesToAnyVersion() {
    assertThat(routing("visit=2.0@10", "").of("log", NO_HEADERS, "10.0.0.1"))
        .isEqualTo(Versions.ANY);
  }

  @Test
  void theTestersHeaderIsBelievedOnlyFromAllowedClients() {
    VersionRouting routing = routing("visit=2.0@0", "127.0.0.1/32");
    UnaryOperator<String> asking = Map.of(HEADER, "3.1")::get;

    assertThat(routing.of("visit", asking, "127.0.0.1")).isEqualTo(Versions.only("3.1"));
    assertThat(routing.of("log", asking, "127.0.0.1")).isEqualTo(Versions.only("3.1"));
    assertThat(routing.of("visit", asking, "10.0.0.1")).isEqualTo(Versions.except("2.0"));
  }

  @Test
  void withNoAllowedClientTheHeaderIsNeverBelieved() {
    VersionRouting routing = routing("", "");

    assertThat(routing.of("visit", Map.of(HEADER, "3.1")::get, "127.0.0.1"))
        .isEqualTo(Versions.ANY);
  }

  @Test
  void anAllowedClientsInvalidVersionIsABadRequestNamingTheHeader() {
    VersionRouting routing = routing("", "127.0.0.1");

    assertThatThrownBy(() -> routing.of("visit", Map.of(HEADER, "x".repeat(513))::get, "127.0.0.1"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith(HEADER + ": ");
  }

  @Test
  void onlyARequestMeantForAVersionMayBeRefusedWhenNoneOfItIsUsable() {
    VersionRouting strict =
        new VersionRouting(
            new CanarySettings(CanaryRules.parse(""), false, HEADER, AddressRanges.parse("")));

    assertThat(strict.fallsBack(Versions.only("2.0"))).isFalse();
    assertThat(strict.fallsBack(Versions.except("2.0"))).isTrue();
    assertThat(routing("", "").fallsBack(Versions.only("2.0"))).isTrue();
  }

  private static VersionRouting routing(String rules, String allowed) {
    return new VersionRouting(
        new CanarySettings(CanaryRules.parse(rules), true, HEADER, AddressRanges.parse(allowed)));
  }
}
