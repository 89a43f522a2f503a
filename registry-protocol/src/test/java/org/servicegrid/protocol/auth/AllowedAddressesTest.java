package org.servicegrid.protocol.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AllowedAddressesTest {

  private static final AllowedAddresses DEFAULT = AllowedAddresses.parse("loopback,private,caller");

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "127.0.0.1, true",
    "127.9.8.7, true",
    "::1, true",
    "10.1.2.3, true",
    "172.16.0.1, true",
    "172.31.255.255, true",
    "172.32.0.1, false",
    "192.168.7.7, true",
    "192.169.0.1, false",
    "fd00::5, true",
    "fc00::1, true",
    "fe80::1, false",
    "169.254.169.254, false",
    "203.0.113.5, false",
    "0.0.0.0, false",
    "100.64.0.1, false",
    "::ffff:10.0.0.1, true",
    "::ffff:203.0.113.5, false"
  })
  void theDefaultAllowsLoopbackAndThePrivateRangesOnly(String address, boolean allowed) {
    assertThat(DEFAULT.allows(ip(address), null)).isEqualTo(allowed);
  }

  @Test
  void linkLocalIsASymbolicEntryOfItsOwn() {
    AllowedAddresses linkLocal = AllowedAddresses.parse("link-local");

    assertThat(linkLocal.allows(ip("169.254.169.254"), null)).isTrue();
    assertThat(linkLocal.allows(ip("fe80::1"), null)).isTrue();
    assertThat(linkLocal.allows(ip("127.0.0.1"), null)).isFalse();
  }

  @Test
  void theCallersOwnAddressIsAllowedOnlyWithCaller() {
    InetAddress caller = ip("203.0.113.5");

    assertThat(DEFAULT.allows(ip("203.0.113.5"), caller)).isTrue();
    assertThat(DEFAULT.allows(ip("203.0.113.6"), caller)).isFalse();
    assertThat(AllowedAddresses.parse("private").allows(ip("203.0.113.5"), caller)).isFalse();
    assertThat(DEFAULT.allowsCaller()).isTrue();
  }

  @Test
  void cidrRangesAndBareAddressesWidenTheSet() {
    AllowedAddresses wider = AllowedAddresses.parse("loopback, 203.0.113.0/24, 198.51.100.7");

    assertThat(wider.allows(ip("203.0.113.200"), null)).isTrue();
    assertThat(wider.allows(ip("198.51.100.7"), null)).isTrue();
    assertThat(wider.allows(ip("198.51.100.8"), null)).isFalse();
    assertThat(wider.allows(ip("10.0.0.1"), null)).isFalse();
  }

  @Test
  void aLiteralHostIsCheckedByItsAddressInBracketsToo() {
    assertThat(DEFAULT.firstRefused("[::1]", List.of(ip("::1")), null)).isEmpty();
    assertThat(DEFAULT.firstRefused("[2001:db8::1]", List.of(ip("2001:db8::1")), null))
        .contains(ip("2001:db8::1"));
  }

  @Test
  void aNameIsAllowedOnlyWhenEveryAddressItResolvesToIs() {
    assertThat(DEFAULT.firstRefused("db.example", List.of(ip("10.0.0.5"), ip("fd00::5")), null))
        .isEmpty();
    assertThat(DEFAULT.firstRefused("db.example", List.of(ip("10.0.0.5"), ip("203.0.113.5")), null))
        .contains(ip("203.0.113.5"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a.svc.cluster.local",
        "B.Svc.Cluster.Local",
        "x.y.svc.cluster.local",
        "api.example"
      })
  void aNameMatchingAPatternIsAllowedWhateverItResolvesTo(String host) {
    AllowedAddresses patterns =
        AllowedAddresses.parse("loopback, *.svc.cluster.local, api.example");

    assertThat(patterns.firstRefused(host, List.of(ip("203.0.113.5")), null)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"svc.cluster.local", "evilsvc.cluster.local", "api.example.org", "x.api.example"})
  void aNameOutsideThePatternsIsCheckedByItsAddresses(String host) {
    AllowedAddresses patterns =
        AllowedAddresses.parse("loopback, *.svc.cluster.local, api.example");

    assertThat(patterns.firstRefused(host, List.of(ip("203.0.113.5")), null))
        .contains(ip("203.0.113.5"));
  }

  @Test
  void aPatternNeverAdmitsAnIpLiteral() {
    AllowedAddresses patterns = AllowedAddresses.parse("loopback, *.0.113.5");

    assertThat(patterns.firstRefused("203.0.113.5", List.of(ip("203.0.113.5")), null))
        .contains(ip("203.0.113.5"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.0/33", "1.2.3", "http://x", "*.", "a b", "*", "10.0.0.0/x"})
  void aBadEntryIsRefusedByName(String entry) {
    assertThatThrownBy(() -> AllowedAddresses.parse("loopback," + entry))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(entry.substring(0, Math.min(entry.length(), 4)));
  }

  @Test
  void blankEntriesAreNothing() {
    assertThat(AllowedAddresses.parse(" , ").isEmpty()).isTrue();
    assertThat(AllowedAddresses.parse("caller").isEmpty()).isFalse();
    assertThat(AllowedAddresses.parse("a.example").isEmpty()).isFalse();
  }

  private static InetAddress ip(String literal) {
    return AddressRanges.literalAddress(literal);
  }
}
