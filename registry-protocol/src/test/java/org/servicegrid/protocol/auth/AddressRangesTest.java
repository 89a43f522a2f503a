package org.servicegrid.protocol.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AddressRangesTest {

  @Test
  void matchesAddressesInsideTheRangesOnly() {
    AddressRanges ranges = AddressRanges.parse("127.0.0.1/32, 10.1.0.0/16, ::1/128");

    assertThat(ranges.contains("127.0.0.1")).isTrue();
    assertThat(ranges.contains("127.0.0.2")).isFalse();
    assertThat(ranges.contains("10.1.255.7")).isTrue();
    assertThat(ranges.contains("10.2.0.1")).isFalse();
    assertThat(ranges.contains("0:0:0:0:0:0:0:1")).isTrue();
    assertThat(ranges.contains("localhost")).isFalse(); // never resolved
    assertThat(ranges.contains(null)).isFalse();
  }

  @Test
  void anEmptyListAdmitsNobodyAndABareAddressIsOneHost() {
    assertThat(AddressRanges.parse(" ").contains("127.0.0.1")).isFalse();
    assertThat(AddressRanges.parse("192.168.1.5").contains("192.168.1.5")).isTrue();
    assertThat(AddressRanges.parse("0.0.0.0/0").contains("203.0.113.9")).isTrue();
  }

  @Test
  void rejectsNamesAndBadPrefixes() {
    assertThatThrownBy(() -> AddressRanges.parse("localhost/8")).hasMessageContaining("localhost/8");
    assertThatThrownBy(() -> AddressRanges.parse("10.0.0.0/33")).hasMessageContaining("prefix");
    assertThatThrownBy(() -> AddressRanges.parse("10.0.0.0/x")).hasMessageContaining("10.0.0.0/x");
  }
}
