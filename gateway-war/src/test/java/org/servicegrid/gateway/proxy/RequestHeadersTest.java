package org.servicegrid.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.hc.core5.http.Header;
import org.junit.jupiter.api.Test;
import org.servicegrid.protocol.auth.AddressRanges;

class RequestHeadersTest {

  private static final RequestHeaders UNTRUSTING =
      new RequestHeaders(AddressRanges.parse(""), "servicegrid-gateway", false);
  private static final RequestHeaders TRUSTING_10 =
      new RequestHeaders(AddressRanges.parse("10.0.0.0/8"), "servicegrid-gateway", false);

  @Test
  void addsTheForwardedHeadersOfThisHop() {
    Map<String, List<String>> upstream =
        forUpstream(
            UNTRUSTING,
            headers("Host", "gateway.example:20001", "Accept", "text/plain"),
            client("10.0.0.7"));

    assertThat(upstream)
        .containsEntry("X-Forwarded-For", List.of("10.0.0.7"))
        .containsEntry("X-Forwarded-Host", List.of("gateway.example:20001"))
        .containsEntry("X-Forwarded-Proto", List.of("http"))
        .containsEntry("X-Forwarded-Port", List.of("20001"))
        .containsEntry(
            "Forwarded", List.of("for=10.0.0.7;host=\"gateway.example:20001\";proto=http"))
        .containsEntry("Via", List.of("1.1 servicegrid-gateway"))
        .containsEntry("Accept", List.of("text/plain"));
  }

  @Test
  void replacesEveryForwardingHeaderAClientThatIsNoTrustedProxySent() {
    Map<String, List<String>> incoming = spoofed();

    Map<String, List<String>> upstream = forUpstream(UNTRUSTING, incoming, client("10.0.0.7"));

    assertThat(upstream.get("X-Forwarded-For")).containsExactly("10.0.0.7");
    assertThat(upstream.get("X-Forwarded-Host")).containsExactly("real:20001");
    assertThat(upstream.get("X-Forwarded-Proto")).containsExactly("http");
    assertThat(upstream.get("X-Forwarded-Port")).containsExactly("20001");
    assertThat(upstream.get("Forwarded"))
        .containsExactly("for=10.0.0.7;host=\"real:20001\";proto=http");
    assertThat(upstream)
        .doesNotContainKeys(
            "x-forwarded-for", "x-forwarded-proto", "forwarded", "X-FORWARDED-PORT");
  }

  @Test
  void extendsTheChainsAndKeepsTheOriginalRequestOfATrustedProxy() {
    Map<String, List<String>> upstream = forUpstream(TRUSTING_10, spoofed(), client("10.1.2.3"));

    assertThat(upstream.get("X-Forwarded-For"))
        .containsExactly("203.0.113.1, 198.51.100.2, 192.0.2.3, 10.1.2.3");
    assertThat(upstream.get("X-Forwarded-Host")).containsExactly("shop.example");
    assertThat(upstream.get("X-Forwarded-Proto")).containsExactly("https");
    assertThat(upstream.get("X-Forwarded-Port")).containsExactly("443");
    assertThat(upstream.get("Forwarded"))
        .containsExactly(
            "for=203.0.113.1;proto=https, for=10.1.2.3;host=\"real:20001\";proto=http");
  }

  @Test
  void passesTheClientsTraceContextThroughWhenTheGatewayDoesNotTrace() {
    Map<String, List<String>> upstream =
        forUpstream(UNTRUSTING, traceContext(), client("10.0.0.7"));

    assertThat(upstream)
        .containsEntry("traceparent", List.of(TRACEPARENT))
        .containsEntry("tracestate", List.of("vendor=1"));
  }

  @Test
  void dropsTheClientsTraceContextWhenTheGatewayTracesAndWritesItsOwn() {
    RequestHeaders tracing =
        new RequestHeaders(AddressRanges.parse("10.0.0.0/8"), "servicegrid-gateway", true);

    Map<String, List<String>> upstream = forUpstream(tracing, traceContext(), client("10.0.0.7"));

    assertThat(upstream).doesNotContainKeys("traceparent", "tracestate", "TraceParent");
    assertThat(upstream).containsEntry("Accept", List.of("text/plain"));
  }

  private static final String TRACEPARENT =
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  private static Map<String, List<String>> traceContext() {
    return headers(
        "Host",
        "real:20001",
        "traceparent",
        TRACEPARENT,
        "tracestate",
        "vendor=1",
        "Accept",
        "text/plain");
  }

  @Test
  void trustsOnlyTheConfiguredBlocks() {
    Map<String, List<String>> upstream = forUpstream(TRUSTING_10, spoofed(), client("11.0.0.1"));

    assertThat(upstream.get("X-Forwarded-For")).containsExactly("11.0.0.1");
    assertThat(upstream.get("X-Forwarded-Proto")).containsExactly("http");
  }

  @Test
  void appendsThisGatewayToViaAndSeesALoopInIt() {
    RequestHeaders.Outgoing passing =
        UNTRUSTING.forUpstream(
            names("Via"),
            values(headers("Via", "1.0 fred, 1.1 p.example (Apache/1.1)")),
            client("10.0.0.7"));
    RequestHeaders.Outgoing looping =
        UNTRUSTING.forUpstream(
            names("Via"),
            values(headers("Via", "1.0 fred, 1.1 SERVICEGRID-GATEWAY (second pass)")),
            client("10.0.0.7"));

    assertThat(passing.loop()).isFalse();
    assertThat(sent(passing.headers()).get("Via"))
        .containsExactly("1.0 fred, 1.1 p.example (Apache/1.1), 1.1 servicegrid-gateway");
    assertThat(looping.loop()).isTrue();
  }

  @Test
  void namesTheReceivedProtocolInVia() {
    RequestHeaders.Outgoing outgoing =
        UNTRUSTING.forUpstream(
            names(),
            values(headers()),
            new RequestHeaders.Client("10.0.0.7", "http", "HTTP/1.0", 20001));

    assertThat(sent(outgoing.headers()).get("Via")).containsExactly("1.0 servicegrid-gateway");
  }

  @Test
  void quotesAnIpv6ClientAndEscapesAHostileHostInForwarded() {
    Map<String, List<String>> upstream =
        forUpstream(UNTRUSTING, headers("Host", "a\"b\\c"), client("::1"));

    assertThat(upstream.get("Forwarded"))
        .containsExactly("for=\"[::1]\";host=\"a\\\"b\\\\c\";proto=http");
  }

  @Test
  void sumsTheSizeOfEveryHeaderFieldTheClientSentDroppedOnesIncluded() {
    Map<String, List<String>> incoming = headers("Host", "g:1", "Keep-Alive", "300");
    incoming.put("X-Many", List.of("12345", "6"));

    RequestHeaders.Outgoing outgoing =
        UNTRUSTING.forUpstream(
            Collections.enumeration(incoming.keySet()), values(incoming), client("10.0.0.7"));

    // "Host: g:1\r\n" 11, "Keep-Alive: 300\r\n" 17, "X-Many: 12345\r\n" 15, "X-Many: 6\r\n" 11
    assertThat(outgoing.bytes()).isEqualTo(11 + 17 + 15 + 11);
  }

  @Test
  void dropsHeadersTheHttpClientDerivesAndHopByHopOnes() {
    Map<String, List<String>> upstream =
        forUpstream(
            UNTRUSTING,
            headers(
                "Host",
                "g:1",
                "Content-Length",
                "5",
                "Expect",
                "100-continue",
                "Connection",
                "X-Hop",
                "X-Hop",
                "1",
                "Keep-Alive",
                "300",
                "Transfer-Encoding",
                "chunked",
                "TE",
                "trailers",
                "Proxy-Authorization",
                "Basic eA==",
                "Content-Type",
                "text/plain"),
            client("127.0.0.1"));

    assertThat(upstream)
        .containsOnlyKeys(
            "Content-Type",
            "X-Forwarded-For",
            "X-Forwarded-Host",
            "X-Forwarded-Proto",
            "X-Forwarded-Port",
            "Forwarded",
            "Via");
  }

  @Test
  void keepsEndToEndHeadersWithTheirCaseOrderAndValues() {
    Map<String, List<String>> incoming =
        headers("Set-Cookie", "a=1", "X-Trace", "t", "Cache-Control", "no-store");
    incoming.put("Set-Cookie", List.of("a=1", "b=2"));

    Map<String, List<String>> upstream = forUpstream(UNTRUSTING, incoming, client("127.0.0.1"));

    assertThat(upstream.entrySet())
        .containsSubsequence(
            Map.entry("Set-Cookie", List.of("a=1", "b=2")),
            Map.entry("X-Trace", List.of("t")),
            Map.entry("Cache-Control", List.of("no-store")));
  }

  @Test
  void omitsForwardedHostWhenTheClientSentNoHost() {
    Map<String, List<String>> upstream =
        forUpstream(UNTRUSTING, headers("Accept", "*/*"), client("::1"));

    assertThat(upstream)
        .doesNotContainKey("X-Forwarded-Host")
        .containsEntry("X-Forwarded-For", List.of("::1"))
        .containsEntry("Forwarded", List.of("for=\"[::1]\";proto=http"));
  }

  /** Forwarding headers as a client (a proxy, or a forger) might send them. */
  private static Map<String, List<String>> spoofed() {
    Map<String, List<String>> incoming =
        headers(
            "Host",
            "real:20001",
            "X-Forwarded-Host",
            "shop.example",
            "x-forwarded-proto",
            "https",
            "X-FORWARDED-PORT",
            "443",
            "forwarded",
            "for=203.0.113.1;proto=https");
    incoming.put("x-forwarded-for", List.of("203.0.113.1, 198.51.100.2", "192.0.2.3"));
    return incoming;
  }

  private static RequestHeaders.Client client(String address) {
    return new RequestHeaders.Client(address, "http", "HTTP/1.1", 20001);
  }

  /**
   * Runs the headers through as a servlet request would offer them: names as sent, values by any
   * case.
   */
  private static Map<String, List<String>> forUpstream(
      RequestHeaders requestHeaders,
      Map<String, List<String>> incoming,
      RequestHeaders.Client client) {
    return sent(
        requestHeaders
            .forUpstream(Collections.enumeration(incoming.keySet()), values(incoming), client)
            .headers());
  }

  private static Function<String, Enumeration<String>> values(Map<String, List<String>> incoming) {
    return name ->
        Collections.enumeration(
            incoming.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name))
                .flatMap(header -> header.getValue().stream())
                .toList());
  }

  private static Enumeration<String> names(String... names) {
    return Collections.enumeration(List.of(names));
  }

  private static Map<String, List<String>> sent(Header[] headers) {
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
