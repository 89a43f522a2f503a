package org.servicegrid.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hc.core5.http.Header;
import org.junit.jupiter.api.Test;

class RequestHeadersTest {

  @Test
  void addsTheForwardedHeadersOfThisHop() {
    Map<String, List<String>> upstream = forUpstream(
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

    Map<String, List<String>> upstream = forUpstream(incoming, "10.0.0.7", "http");

    assertThat(upstream.get("X-Forwarded-For"))
        .containsExactly("203.0.113.1, 198.51.100.2, 192.0.2.3, 10.0.0.7");
    assertThat(upstream).doesNotContainKey("x-forwarded-for");
  }

  @Test
  void replacesForwardedHostAndProtoSentByTheClient() {
    Map<String, List<String>> upstream = forUpstream(
        headers("Host", "real:20001", "X-Forwarded-Host", "spoofed", "x-forwarded-proto", "https"),
        "127.0.0.1", "http");

    assertThat(upstream.get("X-Forwarded-Host")).containsExactly("real:20001");
    assertThat(upstream.get("X-Forwarded-Proto")).containsExactly("http");
    assertThat(upstream).doesNotContainKeys("x-forwarded-proto");
  }

  @Test
  void dropsHeadersTheHttpClientDerivesAndHopByHopOnes() {
    Map<String, List<String>> upstream = forUpstream(headers(
        "Host", "g:1", "Content-Length", "5", "Expect", "100-continue", "Connection", "X-Hop",
        "X-Hop", "1", "Keep-Alive", "300", "Transfer-Encoding", "chunked", "TE", "trailers",
        "Proxy-Authorization", "Basic eA==", "Content-Type", "text/plain"), "127.0.0.1", "http");

    assertThat(upstream).containsOnlyKeys(
        "Content-Type", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto");
  }

  @Test
  void keepsEndToEndHeadersWithTheirCaseOrderAndValues() {
    Map<String, List<String>> incoming = headers("Set-Cookie", "a=1", "X-Trace", "t", "Cache-Control", "no-store");
    incoming.put("Set-Cookie", List.of("a=1", "b=2"));

    Map<String, List<String>> upstream = forUpstream(incoming, "127.0.0.1", "http");

    assertThat(upstream.entrySet()).containsSubsequence(
        Map.entry("Set-Cookie", List.of("a=1", "b=2")),
        Map.entry("X-Trace", List.of("t")),
        Map.entry("Cache-Control", List.of("no-store")));
  }

  @Test
  void omitsForwardedHostWhenTheClientSentNoHost() {
    Map<String, List<String>> upstream = forUpstream(headers("Accept", "*/*"), "::1", "http");

    assertThat(upstream).doesNotContainKey("X-Forwarded-Host").containsEntry("X-Forwarded-For", List.of("::1"));
  }

  /** Runs the headers through as a servlet request would offer them: names as sent, values by any case. */
  private static Map<String, List<String>> forUpstream(
      Map<String, List<String>> incoming, String clientAddress, String scheme) {
    Header[] headers = RequestHeaders.forUpstream(Collections.enumeration(incoming.keySet()),
        name -> Collections.enumeration(incoming.entrySet().stream()
            .filter(header -> header.getKey().equalsIgnoreCase(name))
            .flatMap(header -> header.getValue().stream()).toList()),
        clientAddress, scheme);
    Map<String, List<String>> sent = new LinkedHashMap<>();
    for (Header header : headers) {
      sent.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
    }
    return sent;
  }

  private static Map<String, List<String>> headers(String... nameValuePairs) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      headers.put(nameValuePairs[i], List.of(nameValuePairs[i + 1]));
    }
    return headers;
  }
}
