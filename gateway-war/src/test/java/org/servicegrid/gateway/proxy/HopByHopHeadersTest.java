package org.servicegrid.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HopByHopHeadersTest {

  @Test
  void removesEveryStandardHopByHopHeaderInAnyCase() {
    Map<String, List<String>> headers = headers(
        "Connection", "keep-alive", "keep-alive", "timeout=5", "TE", "trailers", "Trailer", "X-Sum",
        "Transfer-Encoding", "chunked", "UPGRADE", "websocket", "Proxy-Authorization", "Basic eA==",
        "proxy-authenticate", "Basic", "Proxy-Connection", "close", "Content-Type", "text/plain");

    assertThat(HopByHopHeaders.strip(headers)).containsOnlyKeys("Content-Type");
  }

  @Test
  void removesTheHeadersListedInConnection() {
    Map<String, List<String>> headers = headers(
        "Connection", "close, X-Secret ,x-other", "X-Secret", "s", "X-OTHER", "o", "X-Kept", "k");

    assertThat(HopByHopHeaders.strip(headers)).containsOnlyKeys("X-Kept");
  }

  @Test
  void readsEveryConnectionHeaderLine() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("connection", List.of("X-A", "X-B"));
    headers.put("X-A", List.of("a"));
    headers.put("X-B", List.of("b"));
    headers.put("X-C", List.of("c"));

    assertThat(HopByHopHeaders.strip(headers)).containsOnlyKeys("X-C");
  }

  @Test
  void keepsEndToEndHeadersWithTheirCaseOrderAndValues() {
    Map<String, List<String>> headers = headers("Set-Cookie", "a=1", "X-Trace", "t", "Cache-Control", "no-store");
    headers.put("Set-Cookie", List.of("a=1", "b=2"));

    assertThat(HopByHopHeaders.strip(headers)).containsExactly(
        Map.entry("Set-Cookie", List.of("a=1", "b=2")),
        Map.entry("X-Trace", List.of("t")),
        Map.entry("Cache-Control", List.of("no-store")));
  }

  static Map<String, List<String>> headers(String... nameValuePairs) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      headers.put(nameValuePairs[i], List.of(nameValuePairs[i + 1]));
    }
    return headers;
  }
}
