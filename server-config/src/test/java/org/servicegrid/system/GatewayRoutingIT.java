package org.servicegrid.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.servicegrid.testsupport.ServiceInfoJson.serviceInfo;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.servicegrid.testsupport.FakeHttpServer;
import org.servicegrid.testsupport.FakeInstance;
import org.servicegrid.testsupport.FakeUpstream;
import org.servicegrid.testsupport.Http;
import org.servicegrid.testsupport.RecordedRequest;
import org.servicegrid.testsupport.TestTokens;

/**
 * The gateway routes to any registered service, a peer written only against the protocol included.
 */
@Order(3)
@UsesSharedSystem
class GatewayRoutingIT {

  private static final String ECHO = "echo-" + UUID.randomUUID().toString().substring(0, 8);
  private static FakeHttpServer echo;

  @BeforeAll
  static void registerAFakeService() {
    echo = FakeUpstream.echoing(ECHO);
    Http.assertStatus(
        TestTokens.send(
            "POST",
            Server.REGISTRY.url("/services"),
            serviceInfo(ECHO, echo.addr()),
            TestTokens.forService(ECHO)),
        200);
  }

  @AfterAll
  static void deregister() {
    try {
      TestTokens.send(
          "DELETE",
          Server.REGISTRY.url("/services"),
          serviceInfo(ECHO, echo.addr()),
          TestTokens.forService(ECHO));
    } finally {
      echo.close();
    }
  }

  @Test
  void forwardsMethodPathQueryAndBodyAndReturnsStatusAndHeaders() throws Exception {
    String url = Server.GATEWAY.url("/" + ECHO + "/echo/a/b?x=1&y=two%20words");

    HttpResponse<String> response =
        onceRoutable(
            Http.request(url)
                .header("X-Custom", "kept")
                .POST(HttpRequest.BodyPublishers.ofString("hello, body")));

    assertThat(response.statusCode()).as("POST %s", url).isEqualTo(201);
    assertThat(response.body()).isEqualTo("echo hello, body");
    assertThat(response.headers().firstValue("X-Upstream")).hasValue(ECHO);
    RecordedRequest seen = echo.last("POST", "/echo/a/b");
    assertThat(seen.method()).isEqualTo("POST");
    assertThat(seen.path()).isEqualTo("/echo/a/b");
    assertThat(seen.query()).isEqualTo("x=1&y=two%20words");
    assertThat(seen.body()).isEqualTo("hello, body");
    assertThat(seen.header("X-Forwarded-For")).isEqualTo("127.0.0.1");
    assertThat(seen.header("X-Forwarded-Host")).isEqualTo("127.0.0.1:20001");
    assertThat(seen.header("X-Forwarded-Proto")).isEqualTo("http");
    assertThat(seen.header("X-Custom")).isEqualTo("kept");
  }

  /**
   * The product gateway believes no client's forwarding headers ({@code trustedHeaderOrigin="none"}
   * in its server.xml, and no {@code gateway.trusted-proxies}): Liberty does not take a forged
   * scheme or address as the request's, and the gateway replaces them with what it saw.
   */
  @Test
  void forwardingHeadersForgedByAnUntrustedClientAreReplacedWithWhatTheGatewaySaw()
      throws Exception {
    String url = Server.GATEWAY.url("/" + ECHO + "/echo/forged");

    HttpResponse<String> response =
        onceRoutable(
            Http.request(url)
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-For", "203.0.113.9")
                .header("X-Forwarded-Host", "forged.invalid")
                .header("Forwarded", "for=203.0.113.9;proto=https;host=forged.invalid")
                .GET());

    assertThat(response.statusCode()).as("GET %s", url).isEqualTo(200);
    RecordedRequest seen = echo.last("GET", "/echo/forged");
    assertThat(seen.header("X-Forwarded-Proto")).isEqualTo("http");
    assertThat(seen.header("X-Forwarded-For")).isEqualTo("127.0.0.1");
    assertThat(seen.header("X-Forwarded-Host")).isEqualTo("127.0.0.1:20001");
    assertThat(seen.header("Forwarded"))
        .doesNotContain("203.0.113.9", "https", "forged.invalid")
        .contains("for=127.0.0.1", "proto=http");
  }

  @Test
  void streamsATwoMegabyteResponseThroughUnchanged() throws Exception {
    String url = Server.GATEWAY.url("/" + ECHO + "/big");

    HttpResponse<byte[]> response =
        await()
            .atMost(Duration.ofSeconds(20))
            .pollInterval(Duration.ofMillis(200))
            .until(
                () -> Http.send(Http.request(url), HttpResponse.BodyHandlers.ofByteArray()),
                r -> r.statusCode() == 200);

    assertThat(response.body()).hasSize(FakeUpstream.BIG_BODY_BYTES);
    assertThat(sha256(response.body())).isEqualTo(sha256(FakeUpstream.bigBody()));
  }

  @Test
  void answers404ForAServiceNobodyRegistered() throws Exception {
    HttpResponse<String> response =
        Http.get(Server.GATEWAY.url("/no-such-service-" + UUID.randomUUID() + "/x"));

    assertThat(response.statusCode()).as("unknown service").isEqualTo(404);
    assertThat(response.body()).contains("\"error\"");
  }

  @Test
  void answers503ForAKnownServiceWithoutLiveInstances() throws Exception {
    String gone = "gone-" + UUID.randomUUID().toString().substring(0, 8);
    try (FakeInstance instance = new FakeInstance()) {
      instance.registerWith(Server.REGISTRY.url(""), gone);
    } // deregistered and stopped

    HttpResponse<String> response = Http.get(Server.GATEWAY.url("/" + gone + "/x"));

    assertThat(response.statusCode()).as("service without instances").isEqualTo(503);
    assertThat(response.body()).contains("\"error\"");
  }

  private static String sha256(byte[] bytes) throws Exception {
    return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  /**
   * Sends {@code request} until the gateway knows the echo service (the catalogue refreshes in the
   * background: 404 or 503 until then), and returns the first other answer.
   */
  private static HttpResponse<String> onceRoutable(HttpRequest.Builder request) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> Http.send(request), r -> r.statusCode() != 404 && r.statusCode() != 503);
  }
}
