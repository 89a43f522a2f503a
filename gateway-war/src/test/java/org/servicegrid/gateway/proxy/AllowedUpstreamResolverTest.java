package org.servicegrid.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.servicegrid.protocol.Transport;
import org.servicegrid.protocol.auth.AllowedAddresses;
import org.servicegrid.protocol.auth.BoundedResolver;
import org.servicegrid.testsupport.FakeHttpServer;
import org.servicegrid.testsupport.Reply;

/**
 * The upstream client's resolver refuses addresses outside the allowed set, for names and IP
 * literals alike, before the HTTP client opens a connection: the refused upstream (a fake on
 * 127.0.0.2, outside {@code 127.0.0.1/32}) receives nothing.
 */
class AllowedUpstreamResolverTest {

  private static final BoundedResolver DNS =
      new BoundedResolver(Duration.ofSeconds(5), 2, Thread::new);

  @AfterAll
  static void stop() {
    DNS.close();
  }

  @Test
  void anAllowedNameResolvesToItsAddresses() throws Exception {
    AllowedUpstreamResolver resolver = resolver("127.0.0.1/32");

    assertThat(List.of(resolver.resolve("localhost")))
        .containsExactly(InetAddress.getByName("127.0.0.1"));
    assertThat(List.of(resolver.resolve("127.0.0.1")))
        .containsExactly(InetAddress.getByName("127.0.0.1"));
  }

  @Test
  void anAddressOutsideIsRefusedNamingItAndTheSetting() {
    AllowedUpstreamResolver resolver = resolver("127.0.0.1/32");

    assertThatThrownBy(() -> resolver.resolve("127.0.0.2"))
        .isInstanceOf(UpstreamNotAllowedException.class)
        .hasMessage("upstream 127.0.0.2, which gateway.allowed-upstreams does not allow");
    assertThatThrownBy(() -> resolver("10.0.0.0/8").resolve("localhost"))
        .isInstanceOf(UpstreamNotAllowedException.class)
        .hasMessage(
            "upstream localhost resolves to 127.0.0.1, which gateway.allowed-upstreams does not"
                + " allow");
  }

  @Test
  void aNameMatchingAPatternIsAllowedAndOneThatDoesNotResolveIsNoRefusal() throws Exception {
    assertThat(resolver("10.0.0.0/8, localhost").resolve("localhost")).isNotEmpty();
    assertThatThrownBy(() -> resolver("loopback").resolve("nosuch.invalid"))
        .isInstanceOf(UnknownHostException.class)
        .isNotInstanceOf(UpstreamNotAllowedException.class);
  }

  @Test
  void theHttpClientAsksItForIpLiteralsSoNothingIsSentToARefusedOne() throws IOException {
    try (FakeHttpServer outside =
            FakeHttpServer.startedAt(InetAddress.getByName("127.0.0.2"))
                .otherwise(Reply.text(200, "reached"));
        CloseableHttpClient refusing = client("127.0.0.1/32");
        CloseableHttpClient allowing = client("loopback")) {
      HttpGet get = new HttpGet(outside.url() + "/anything");

      assertThatThrownBy(() -> refusing.executeOpen(null, get, null).close())
          .isInstanceOf(UpstreamNotAllowedException.class);
      assertThat(outside.requests()).isEmpty();

      try (ClassicHttpResponse answer =
          allowing.executeOpen(null, new HttpGet(outside.url() + "/anything"), null)) {
        assertThat(answer.getCode()).isEqualTo(200);
      }
      assertThat(outside.requests()).hasSize(1);
    }
  }

  private static AllowedUpstreamResolver resolver(String allowed) {
    return new AllowedUpstreamResolver(AllowedAddresses.parse(allowed), DNS);
  }

  private static CloseableHttpClient client(String allowed) {
    UpstreamSettings settings =
        new UpstreamSettings(
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            4,
            0,
            AllowedAddresses.parse(allowed));
    return UpstreamClient.build(settings, Transport.http(), resolver(allowed));
  }
}
