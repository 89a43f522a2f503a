package org.servicegrid.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.servicegrid.gateway.it.GatewayDeployment.HOST;
import static org.servicegrid.gateway.it.GatewayDeployment.assertForwardingHeaders;
import static org.servicegrid.gateway.it.GatewayDeployment.awaitRoutes;
import static org.servicegrid.gateway.it.GatewayDeployment.get;
import static org.servicegrid.gateway.it.GatewayDeployment.getForwarded;
import static org.servicegrid.gateway.it.GatewayDeployment.metric;
import static org.servicegrid.gateway.it.GatewayDeployment.request;
import static org.servicegrid.gateway.it.GatewayDeployment.send;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.servicegrid.testsupport.FakeHttpServer;
import org.servicegrid.testsupport.FakeRegistry;
import org.servicegrid.testsupport.FakeUpstream;
import org.servicegrid.testsupport.Http;
import org.servicegrid.testsupport.RawHttpConnection;

/**
 * The gateway's isolation and request limits, on the packaged WAR with limits set low: a hung
 * service gets at most {@value #LIMIT} requests in flight while the others keep answering;
 * forwarding headers of a trusted proxy (here the test itself, 127.0.0.1) are extended; loops,
 * large header sections and large bodies are refused with JSON, and the upstream receives nothing
 * of a refused request.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GatewayLimitsIT {

  private static final Duration BOUND = Duration.ofSeconds(30);
  private static final int LIMIT = 8;
  private static final int HUNG_REQUESTS = 64;

  private static final FakeRegistry REGISTRY = FakeRegistry.started();
  private static final FakeHttpServer ECHO = FakeUpstream.echoing();
  private static final FakeHttpServer HUNG = FakeUpstream.holding();

  @Deployment(testable = false)
  static WebArchive deployment() {
    REGISTRY.put("echo", ECHO.addr());
    REGISTRY.put("small", ECHO.addr());
    REGISTRY.put("hung", HUNG.addr());
    REGISTRY.put("mirror", HOST); // the gateway itself: a request to it comes straight back, a loop
    // Timeouts longer than any test, so hung requests stay in flight until the test releases them.
    return GatewayDeployment.of(
        REGISTRY.url(),
        "gateway.response-timeout=120000",
        "gateway.read-timeout=120000",
        "gateway.max-concurrent-per-service=" + LIMIT,
        "gateway.retry-after=7",
        "gateway.trusted-proxies=127.0.0.1/32, ::1",
        "gateway.via=edge-gw",
        "gateway.max-header-bytes=4096",
        "gateway.max-body-bytes=20000",
        "gateway.max-body-bytes.per-service=small=1000");
  }

  @BeforeAll
  static void awaitCatalogue() {
    awaitRoutes("hung", "mirror");
  }

  @AfterAll
  static void stopFakes() {
    ECHO.close();
    HUNG.close();
    REGISTRY.close();
  }

  @Test
  void refusesRequestsBeyondAHungServicesLimitAtOnceWhileOtherServicesKeepAnswering()
      throws Exception {
    List<CompletableFuture<HttpResponse<String>>> hung = new ArrayList<>();
    try {
      for (int i = 0; i < HUNG_REQUESTS; i++) {
        hung.add(Http.sendAsync(request("/hung/wait-" + i).GET()));
      }

      // LIMIT requests reach the upstream and wait there; the gateway answers every other one
      // itself.
      await().atMost(BOUND).until(() -> done(hung).size() == HUNG_REQUESTS - LIMIT);
      assertThat(done(hung))
          .allSatisfy(
              refused -> {
                assertThat(refused.statusCode())
                    .as("GET %s beyond the limit", refused.uri())
                    .isEqualTo(503);
                assertThat(refused.headers().firstValue("Retry-After")).hasValue("7");
                assertThat(refused.body())
                    .isEqualTo(
                        "{\"error\":\"service 'hung' already has "
                            + LIMIT
                            + " requests in flight, the most allowed\"}");
              });

      // While they are held, other services answer as always, one by one and many at once.
      for (int i = 0; i < 8; i++) {
        assertThat(send(get("/echo/meanwhile-" + i)).statusCode())
            .as("GET /echo/meanwhile-%d", i)
            .isEqualTo(200);
      }
      // At most LIMIT at once: with enough executor threads, more would meet echo's own limit.
      List<CompletableFuture<HttpResponse<String>>> together = new ArrayList<>();
      for (int i = 0; i < LIMIT; i++) {
        together.add(Http.sendAsync(request("/echo/together-" + i).GET()));
      }
      assertThat(together).allSatisfy(echo -> assertThat(echo.join().statusCode()).isEqualTo(200));
      assertThat(hung.stream().filter(call -> !call.isDone())).hasSize(LIMIT);
      assertThat(HUNG.requests()).hasSize(LIMIT);
    } finally {
      HUNG.release();
    }

    assertThat(
            hung.stream()
                .map(CompletableFuture::join)
                .filter(response -> response.statusCode() == 200))
        .hasSize(LIMIT);
    assertThat(send(get("/hung/after")).statusCode())
        .as("GET /hung/after once its slots are free")
        .isEqualTo(200);
    assertThat(HUNG.requests()).hasSize(LIMIT + 1);
    assertThat(metric("gateway_refusals_total", "reason=\"concurrency\"", "service=\"hung\""))
        .isGreaterThanOrEqualTo(HUNG_REQUESTS - LIMIT);
  }

  @Test
  void extendsTheForwardingHeadersOfATrustedProxy() throws Exception {
    HttpResponse<String> response = getForwarded("/echo/trusted", "shop.example", "1.1 corp-proxy");

    assertThat(response.statusCode()).as("GET /echo/trusted").isEqualTo(200);
    assertForwardingHeaders(
        ECHO.last("GET", "/trusted"),
        "203.0.113.9, 127.0.0.1",
        "https",
        "shop.example",
        "443",
        "for=203.0.113.9;proto=https, for=127.0.0.1;host=\"" + HOST + "\";proto=http",
        "1.1 corp-proxy, 1.1 edge-gw");
  }

  @Test
  void refusesARequestThatAlreadyPassedThroughThisGatewayWith508() throws Exception {
    HttpResponse<String> marked =
        send(get("/echo/marked").header("Via", "1.0 corp-proxy, 1.1 edge-gw"));
    // Through "mirror" the request comes back to the gateway itself, now carrying its Via.
    HttpResponse<String> mirrored = send(get("/mirror/echo/mirrored"));

    assertThat(marked.statusCode()).as("GET /echo/marked with this gateway in Via").isEqualTo(508);
    assertThat(marked.body())
        .isEqualTo("{\"error\":\"request loop: it already passed through edge-gw\"}");
    assertThat(mirrored.statusCode()).as("GET /mirror/echo/mirrored").isEqualTo(508);
    assertThat(ECHO.requests(FakeHttpServer.ANY, "/marked")).isEmpty();
    assertThat(ECHO.requests(FakeHttpServer.ANY, "/mirrored")).isEmpty();
    assertThat(metric("gateway_refusals_total", "reason=\"loop\"", "service=\"echo\""))
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void refusesHeaderFieldsLargerThanTheLimitWith431() throws Exception {
    HttpResponse<String> large =
        send(get("/echo/large-header").header("X-Large", "x".repeat(5000)));
    HttpResponse<String> fitting =
        send(get("/echo/fitting-header").header("X-Large", "x".repeat(3000)));

    assertThat(large.statusCode())
        .as("GET /echo/large-header with 5000 bytes in one field")
        .isEqualTo(431);
    assertThat(large.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(large.body())
        .contains("\"error\":\"request header fields are ")
        .contains("limit of 4096");
    assertThat(ECHO.requests(FakeHttpServer.ANY, "/large-header")).isEmpty();
    assertThat(fitting.statusCode()).as("GET /echo/fitting-header").isEqualTo(200);
    assertThat(ECHO.last("GET", "/fitting-header").header("X-Large")).hasSize(3000);
    assertThat(metric("gateway_refusals_total", "reason=\"header-size\""))
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void refusesADeclaredBodyOverTheServicesLimitWith413BeforeForwarding() throws Exception {
    HttpResponse<String> small =
        send(request("/small/too-large").POST(BodyPublishers.ofString("s".repeat(1001))));
    HttpResponse<String> fits =
        send(request("/small/fits").POST(BodyPublishers.ofString("s".repeat(1000))));
    HttpResponse<String> echo =
        send(request("/echo/too-large").POST(BodyPublishers.ofString("e".repeat(20001))));
    HttpResponse<String> echoFits =
        send(request("/echo/fits").POST(BodyPublishers.ofString("e".repeat(20000))));

    assertThat(small.statusCode()).as("POST /small/too-large, 1001 bytes").isEqualTo(413);
    assertThat(small.body())
        .isEqualTo(
            "{\"error\":\"request body of 1001 bytes is larger than the limit of 1000 for service"
                + " 'small'\"}");
    assertThat(echo.statusCode()).as("POST /echo/too-large, 20001 bytes").isEqualTo(413);
    assertThat(ECHO.requests(FakeHttpServer.ANY, "/too-large")).isEmpty();
    assertThat(fits.statusCode()).as("POST /small/fits, 1000 bytes").isEqualTo(201);
    assertThat(echoFits.statusCode()).as("POST /echo/fits, 20000 bytes").isEqualTo(201);
    assertThat(ECHO.requests("POST", "/fits")).hasSize(2);
  }

  @Test
  void cutsOffAChunkedUploadOnceItPassesTheLimitAndAnswers413() {
    try (RawHttpConnection connection = RawHttpConnection.open(HOST)) {
      connection.send(
          "PATCH /small/cut-off HTTP/1.1\r\nHost: "
              + HOST
              + "\r\nTransfer-Encoding: chunked\r\n\r\n"
              + chunk("a".repeat(600)));
      // The first 600 bytes are streamed on as they come...
      ECHO.awaitBodyStart("PATCH", "/cut-off", "a".repeat(600));

      // ...and the 1200th is past the limit: the upstream request is aborted, the client gets 413.
      connection.send(chunk("b".repeat(600)));
      assertThat(connection.statusLine())
          .as("status line of PATCH /small/cut-off (chunked)")
          .startsWith("HTTP/1.1 413");
    }

    assertThat(ECHO.requests(FakeHttpServer.ANY, "/cut-off")).isEmpty();
  }

  @Test
  void forwardsAChunkedUploadWithinTheLimit() {
    try (RawHttpConnection connection = RawHttpConnection.open(HOST)) {
      connection.send(
          "PATCH /small/chunked-fits HTTP/1.1\r\nHost: "
              + HOST
              + "\r\nTransfer-Encoding: chunked\r\n\r\n"
              + chunk("a".repeat(600))
              + chunk("b".repeat(400))
              + "0\r\n\r\n");
      assertThat(connection.statusLine())
          .as("status line of PATCH /small/chunked-fits")
          .startsWith("HTTP/1.1 200");
    }

    assertThat(ECHO.last("PATCH", "/chunked-fits").body())
        .isEqualTo("a".repeat(600) + "b".repeat(400));
  }

  private static String chunk(String data) {
    return Integer.toHexString(data.length()) + "\r\n" + data + "\r\n";
  }

  private static List<HttpResponse<String>> done(
      List<CompletableFuture<HttpResponse<String>>> calls) {
    return calls.stream().filter(CompletableFuture::isDone).map(CompletableFuture::join).toList();
  }
}
