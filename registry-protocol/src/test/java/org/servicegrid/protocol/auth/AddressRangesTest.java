package org.servicegrid.protocol.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressRangesTest {

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "10.255.0.1, true",
    "11.0.0.1, false",
    "192.168.1.200, true",
    "192.168.1.127, false",
    "203.0.113.7, true",
    "203.0.113.8, false",
    "127.0.0.1, true",
    "127.0.0.2, false",
    "10.1.255.7, true"
  })
  void matchesIpv4RangesOnTheirPrefixAndABareAddressAsOneHost(String address, boolean contained) {
    AddressRanges ranges =
        AddressRanges.parse("10.0.0.0/8, 192.168.1.128/25,203.0.113.7, 127.0.0.1/32");

    assertThat(ranges.contains(address)).isEqualTo(contained);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "fd12:3456::1, true",
    "fe80::1, false",
    "0:0:0:0:0:0:0:1, true",
    "'[::1]', true",
    "::ffff:127.0.0.1, true",
    "10.0.0.1, false"
  })
  void matchesIpv6RangesAndIpv4MappedAddresses(String address, boolean contained) {
    AddressRanges ranges = AddressRanges.parse("fd00::/8,::1/128,127.0.0.0/8");

    assertThat(ranges.contains(address)).isEqualTo(contained);
  }

  @Test
  void anEmptyListContainsNobodyAndTheWholeIpv4SpaceOnlyWhenListed() {
    assertThat(AddressRanges.parse(" , ").isEmpty()).isTrue();
    assertThat(AddressRanges.parse(" ").contains("127.0.0.1")).isFalse();
    assertThat(AddressRanges.parse("0.0.0.0/0").contains("198.51.100.1")).isTrue();
    assertThat(AddressRanges.parse("0.0.0.0/0").contains("::2")).isFalse();
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"localhost", "999.1.1.1", "1.2.3", ""})
  void neverContainsSomethingThatIsNoAddressLiteral(String address) {
    assertThat(AddressRanges.parse("0.0.0.0/0, ::/0").contains(address))
        .isFalse(); // never resolved
  }

  @Test
  void neverContainsAnUnknownCaller() {
    assertThat(AddressRanges.parse("0.0.0.0/0").contains(null)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "10.0.0.0/33",
        "fd00::/129",
        "10.0.0.0/-1",
        "10.0.0.0/x",
        "example.com",
        "localhost/8",
        "10.0.0/8",
        "300.0.0.1"
      })
  void rejectsAnEntryThatIsNoCidrRangeNamingIt(String entry) {
    assertThatThrownBy(() -> AddressRanges.parse("127.0.0.1," + entry))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + entry + "'");
  }

  @Test
  void saysWhenThePrefixLengthIsOutOfRange() {
    assertThatThrownBy(() -> AddressRanges.parse("10.0.0.0/33"))
        .hasMessageContaining("prefix length outside 0..32");
  }
}
