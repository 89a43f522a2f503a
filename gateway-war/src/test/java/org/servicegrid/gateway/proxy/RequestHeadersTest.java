package org.servicegrid.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicegrid.gateway.proxy.HopByHopHeadersTest.headers;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestHeadersTest {

  @Test
  void addsTheForwardedHeadersOfThisHop() {
    Map<String, List<String>> upstream = RequestHeaders.forUpstream(
        headers("Host", "gateway.example:20001", "Accept", "text/plain"), "10.0.0.7", "http");

    assertThat(upstream).containsEntry("X-Forwarded-For", List.of("10.0.0.7"))
        .containsEntry("X-Forwarded-Host", List.of("gateway.example:20001"))
        .containsEntry("X-Forwarded-Proto", List.of("http"))
        .containsEntry("Accept", List.of("text/plain"));
  }

  @Test
  void appendsTheClientToAnExistingForwardedForChain() {
    Map<String, List<String>> incoming = headers("Host", "g:1");
    incoming.put("x-forwarded-for", List.of("203.0.113.1, 198.51.100.2", "192.0.2.3"));

    Map<String, List<String>> upstream = RequestHeaders.forUpstream(incoming, "10.0.0.7", "http");

    assertThat(upstream.get("X-Forwarded-For"))
        .containsExactly("203.0.113.1, 198.51.100.2, 192.0.2.3, 10.0.0.7");
    assertThat(upstream).doesNotContainKey("x-forwarded-for");
  }

  @Test
  void replacesForwardedHostAndProtoSentByTheClient() {
    Map<String, List<String>> upstream = RequestHeaders.forUpstream(
        headers("Host", "real:20001", "X-Forwarded-Host", "spoofed", "x-forwarded-proto", "https"),
        "127.0.0.1", "http");

    assertThat(upstream.get("X-Forwarded-Host")).containsExactly("real:20001");
    assertThat(upstream.get("X-Forwarded-Proto")).containsExactly("http");
    assertThat(upstream).doesNotContainKeys("x-forwarded-proto");
  }

  @Test
  void dropsHeadersTheHttpClientDerivesAndHopByHopOnes() {
    Map<String, List<String>> upstream = RequestHeaders.forUpstream(headers(
        "Host", "g:1", "Content-Length", "5", "Expect", "100-continue", "Connection", "X-Hop",
        "X-Hop", "1", "Keep-Alive", "300", "Content-Type", "text/plain"), "127.0.0.1", "http");

    assertThat(upstream).containsOnlyKeys(
        "Content-Type", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto");
  }

  @Test
  void omitsForwardedHostWhenTheClientSentNoHost() {
    Map<String, List<String>> upstream = RequestHeaders.forUpstream(headers("Accept", "*/*"), "::1", "http");

    assertThat(upstream).doesNotContainKey("X-Forwarded-Host").containsEntry("X-Forwarded-For", List.of("::1"));
  }
}
