package org.servicegrid.gateway.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedProxiesTest {

  @Test
  void trustsNoOneByDefault() {
    assertThat(TrustedProxies.parse("").trusts("127.0.0.1")).isFalse();
    assertThat(TrustedProxies.parse(" , ").isEmpty()).isTrue();
    assertThat(TrustedProxies.none().trusts("10.0.0.1")).isFalse();
  }

  @Test
  void matchesIpv4BlocksOnTheirPrefix() {
    TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, 192.168.1.128/25,203.0.113.7");

    assertThat(proxies.trusts("10.255.0.1")).isTrue();
    assertThat(proxies.trusts("11.0.0.1")).isFalse();
    assertThat(proxies.trusts("192.168.1.200")).isTrue();
    assertThat(proxies.trusts("192.168.1.127")).isFalse();
    assertThat(proxies.trusts("203.0.113.7")).isTrue();
    assertThat(proxies.trusts("203.0.113.8")).isFalse();
  }

  @Test
  void matchesIpv6BlocksAndIpv4MappedAddresses() {
    TrustedProxies proxies = TrustedProxies.parse("fd00::/8,::1,127.0.0.0/8");

    assertThat(proxies.trusts("fd12:3456::1")).isTrue();
    assertThat(proxies.trusts("fe80::1")).isFalse();
    assertThat(proxies.trusts("0:0:0:0:0:0:0:1")).isTrue();
    assertThat(proxies.trusts("[::1]")).isTrue();
    assertThat(proxies.trusts("::ffff:127.0.0.1")).isTrue();
    assertThat(proxies.trusts("10.0.0.1")).isFalse();
  }

  @Test
  void trustsEveryoneOnlyWhenToldTo() {
    assertThat(TrustedProxies.parse("0.0.0.0/0").trusts("198.51.100.1")).isTrue();
    assertThat(TrustedProxies.parse("0.0.0.0/0").trusts("::2")).isFalse();
  }

  @Test
  void neverTrustsSomethingThatIsNoAddress() {
    TrustedProxies proxies = TrustedProxies.parse("0.0.0.0/0");

    assertThat(proxies.trusts("localhost")).isFalse();
    assertThat(proxies.trusts("999.1.1.1")).isFalse();
    assertThat(proxies.trusts("1.2.3")).isFalse();
    assertThat(proxies.trusts("")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.0/33", "fd00::/129", "10.0.0.0/-1", "10.0.0.0/x", "example.com", "10.0.0/8",
      "300.0.0.1"})
  void refusesEntriesThatAreNoCidrBlock(String entry) {
    assertThatThrownBy(() -> TrustedProxies.parse("127.0.0.1," + entry))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + entry + "'");
  }
}
