package org.servicegrid.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceAddressTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"127.0.0.1:20000", "localhost:1", "svc-a.example.org:65535", "[::1]:8080"})
  void acceptsHostAndPort(String addr) {
    assertThat(ServiceAddress.isValid(addr)).as(addr).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        ":80",
        "host:",
        "http://host:80",
        "host:80/path",
        "host:0",
        "host:65536",
        "host:8o",
        "ho st:80",
        "user@host:80",
        "host:-1",
        "-host:80",
        "host:123456"
      })
  void rejectsAnythingButHostAndPort(String addr) {
    assertThat(ServiceAddress.isValid(addr)).as(addr).isFalse();
  }

  @Test
  void splitsHostAndPort() {
    assertThat(ServiceAddress.parse("127.0.0.1:20002"))
        .isEqualTo(new ServiceAddress("127.0.0.1", 20002));
  }

  @Test
  void explainsWhyAnAddressIsRejected() {
    assertThatThrownBy(() -> ServiceAddress.parse("http://h:1"))
        .hasMessage(
            "Addr 'http://h:1' is not a valid address: host must be a host name or an IP address,"
                + " without scheme or path");
  }
}
