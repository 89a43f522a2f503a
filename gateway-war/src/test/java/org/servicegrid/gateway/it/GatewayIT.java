package org.servicegrid.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.servicegrid.gateway.it.GatewayDeployment.HOST;
import static org.servicegrid.gateway.it.GatewayDeployment.assertForwardingHeaders;
import static org.servicegrid.gateway.it.GatewayDeployment.awaitRoutes;
import static org.servicegrid.gateway.it.GatewayDeployment.get;
import static org.servicegrid.gateway.it.GatewayDeployment.getForwarded;
import static org.servicegrid.gateway.it.GatewayDeployment.metric;
import static org.servicegrid.gateway.it.GatewayDeployment.request;
import static org.servicegrid.gateway.it.GatewayDeployment.send;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
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
import org.servicegrid.testsupport.RecordedRequest;

/**
 * The packaged gateway WAR on a real Liberty server at context root {@code /}, with a fake registry
 * and fake service instances (JDK HttpServers) in this JVM, driven over HTTP like a client would.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GatewayIT {

  private static final Duration BOUND = Duration.ofSeconds(30);

  private static final FakeRegistry REGISTRY = FakeRegistry.started();
  private static final FakeHttpServer ECHO = FakeUpstream.echoing();
  private static final FakeHttpServer SLOW = FakeUpstream.holding();

  @Deployment(testable = false)
  static WebArchive deployment() {
    REGISTRY.put("echo", ECHO.addr());
    REGISTRY.put("ghost");
    // One service per test that counts on a refused instance: its round-robin cursor and the
    // instance's failure mark are its own, whatever other tests did and in whichever order.
    REGISTRY.put("flaky", FakeHttpServer.deadAddr(), ECHO.addr());
    REGISTRY.put("flaky-post", FakeHttpServer.deadAddr(), ECHO.addr());
    REGISTRY.put("lonely", FakeHttpServer.deadAddr());
    REGISTRY.put("slow", SLOW.addr());
    REGISTRY.put("counted", ECHO.addr());
    REGISTRY.put("counted-ghost");
    // Shorter response and read timeouts for the 504 and stall tests; the default (empty)
    // trusted-proxy list.
    return GatewayDeployment.of(
        REGISTRY.url(), "gateway.response-timeout=2000", "gateway.read-timeout=3000");
  }

  @BeforeAll
  static void awaitCatalogue() {
    awaitRoutes("echo", "slow", "flaky", "flaky-post", "counted", "counted-ghost");
  }

  @AfterAll
  static void stopFakes() {
    ECHO.close();
    SLOW.close();
    REGISTRY.close();
  }

  @Test
  void forwardsAGetWithThePrefixStrippedAndTheQueryIntact() throws Exception {
    HttpResponse<String> response = send(get("/echo/a/b%20c/?x=1&y=two%20words&z="));

    assertThat(response.statusCode()).as("GET /echo/a/b%%20c/").isEqualTo(200);
    RecordedRequest seen = ECHO.last();
    assertThat(seen.method()).isEqualTo("GET");
    assertThat(seen.path()).isEqualTo("/a/b%20c/");
    assertThat(seen.query()).isEqualTo("x=1&y=two%20words&z=");
  }

  @Test
  void forwardsTheBarePrefixToTheServiceRoot() throws Exception {
    assertThat(send(get("/echo?q=1")).statusCode()).isEqualTo(200);
    assertThat(ECHO.last().path()).isEqualTo("/");
    assertThat(ECHO.last().query()).isEqualTo("q=1");

    assertThat(send(get("/echo/")).statusCode()).isEqualTo(200);
    assertThat(ECHO.last().path()).isEqualTo("/");
  }

  @Test
  void forwardsAPostBodyIntactAndReturnsStatusHeadersAndBody() throws Exception {
    String body = "hello, body \u00e9\u00e8 " + "x".repeat(100_000);

    HttpResponse<String> response =
        send(
            request("/echo/submit")
                .header("Content-Type", "text/plain; charset=utf-8")
                .header("X-Custom", "kept")
                .POST(BodyPublishers.ofString(body, StandardCharsets.UTF_8)));

    assertThat(response.statusCode()).as("POST /echo/submit").isEqualTo(201);
    assertThat(response.body()).isEqualTo("echo " + body);
    assertThat(response.headers().firstValue("X-Upstream")).hasValue(ECHO.addr());
    assertThat(response.headers().allValues("Set-Cookie")).containsExactly("a=1", "b=2");
    assertThat(response.headers().allValues("Content-Language")).containsExactly("fr-CA");
    RecordedRequest seen = ECHO.last();
    assertThat(seen.method()).isEqualTo("POST");
    assertThat(seen.body()).isEqualTo(body);
    assertThat(seen.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
    assertThat(seen.header("X-Custom")).isEqualTo("kept");
    assertThat(seen.header("X-Forwarded-For")).isEqualTo("127.0.0.1");
    assertThat(seen.header("X-Forwarded-Host")).isEqualTo(HOST);
    assertThat(seen.header("X-Forwarded-Proto")).isEqualTo("http");
    assertThat(seen.header("Host")).isEqualTo(ECHO.addr());
  }

  @Test
  void replacesTheForwardingHeadersOfAClientThatIsNoTrustedProxyAndAddsVia() throws Exception {
    HttpResponse<String> response =
        getForwarded("/echo/forwarding", "bank.example", "1.0 corp-proxy");

    assertThat(response.statusCode()).as("GET /echo/forwarding").isEqualTo(200);
    assertForwardingHeaders(
        ECHO.last("GET", "/forwarding"),
        "127.0.0.1",
        "http",
        HOST,
        HOST.substring(HOST.indexOf(':') + 1),
        "for=127.0.0.1;host=\"" + HOST + "\";proto=http",
        "1.0 corp-proxy, 1.1 servicegrid-gateway");
  }

  @Test
  void forwardsAnyMethod() throws Exception {
    HttpResponse<String> response =
        send(request("/echo/item/7").method("PATCH", BodyPublishers.ofString("p")));

    assertThat(response.statusCode()).as("PATCH /echo/item/7").isEqualTo(200);
    assertThat(ECHO.last().method()).isEqualTo("PATCH");
    assertThat(ECHO.last().body()).isEqualTo("p");
  }

  @Test
  void dropsHopByHopHeadersIncludingThoseTheClientListsInConnection() throws Exception {
    // The JDK client refuses to send Connection, so this request is written by hand.
    try (RawHttpConnection connection = RawHttpConnection.open(HOST)) {
      connection.send(
          "GET /echo/hop HTTP/1.1\r\nHost: "
              + HOST
              + "\r\n"
              + "Connection: close, X-Per-Hop\r\n"
              + "X-Per-Hop: secret\r\n"
              + "Keep-Alive: timeout=5\r\n"
              + "TE: trailers\r\n"
              + "X-End-To-End: kept\r\n\r\n");
      assertThat(connection.statusLine())
          .as("status line of GET /echo/hop")
          .startsWith("HTTP/1.1 200");
    }

    RecordedRequest seen = ECHO.last();
    assertThat(seen.path()).isEqualTo("/hop");
    assertThat(seen.header("X-End-To-End")).isEqualTo("kept");
    assertThat(seen.headerNames()).doesNotContain("x-per-hop", "keep-alive", "te");
  }

  @Test
  void streamsATwoMegabyteResponseThroughByteIdentical() throws Exception {
    HttpResponse<byte[]> response = Http.send(request("/echo/big"), BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).as("GET /echo/big").isEqualTo(200);
    assertThat(response.headers().firstValueAsLong("Content-Length"))
        .hasValue(FakeUpstream.BIG_BODY_BYTES);
    assertThat(response.body()).hasSize(FakeUpstream.BIG_BODY_BYTES);
    assertThat(sha256(response.body())).isEqualTo(sha256(FakeUpstream.bigBody()));
  }

  @Test
  void answersAHeadWithTheUpstreamsHeadersAndNoBody() throws Exception {
    HttpResponse<byte[]> response =
        Http.send(
            request("/echo/resource").method("HEAD", BodyPublishers.noBody()),
            BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).as("HEAD /echo/resource").isEqualTo(200);
    assertThat(response.headers().firstValue("X-Upstream")).hasValue(ECHO.addr());
    assertThat(response.body()).isEmpty();
    assertThat(ECHO.last().method()).isEqualTo("HEAD");
  }

  @Test
  void deliversTheStartOfAResponseBeforeTheUpstreamHasFinishedIt() throws Exception {
    HttpResponse<InputStream> response =
        Http.send(request("/echo/drip"), BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).as("GET /echo/drip").isEqualTo(200);
    BufferedReader body =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.US_ASCII));

    // The upstream holds the second line back until released: the first can only arrive if it was
    // streamed.
    String first =
        CompletableFuture.supplyAsync(() -> readLine(body))
            .get(BOUND.toSeconds(), TimeUnit.SECONDS);
    ECHO.release();
    String second =
        CompletableFuture.supplyAsync(() -> readLine(body))
            .get(BOUND.toSeconds(), TimeUnit.SECONDS);

    assertThat(first).isEqualTo("first");
    assertThat(second).isEqualTo("second");
  }

  @Test
  void streamsAChunkedUploadToTheUpstreamBeforeTheClientHasFinishedIt() throws Exception {
    // The client sends its second chunk only once the upstream has received the first: if the
    // gateway
    // collected the body before forwarding it, the upstream would never see the first line.
    try (RawHttpConnection connection = RawHttpConnection.open(HOST)) {
      connection.send(
          "PATCH /echo/upload HTTP/1.1\r\nHost: "
              + HOST
              + "\r\nTransfer-Encoding: chunked\r\n\r\n"
              + "6\r\nfirst\n\r\n");

      ECHO.awaitBodyStart("PATCH", "/upload", "first\n");

      connection.send("7\r\nsecond\n\r\n0\r\n\r\n");
      assertThat(connection.statusLine())
          .as("status line of PATCH /echo/upload (chunked)")
          .startsWith("HTTP/1.1 200");
    }

    RecordedRequest seen = ECHO.last();
    assertThat(seen.method()).isEqualTo("PATCH");
    assertThat(seen.body()).isEqualTo("first\nsecond\n");
    assertThat(seen.header("Transfer-Encoding")).isEqualTo("chunked");
  }

  @Test
  void keepsServingAfterAClientLeavesInTheMiddleOfALargeResponse() throws Exception {
    try (RawHttpConnection connection = RawHttpConnection.open(HOST)) {
      connection.send("GET /echo/big HTTP/1.1\r\nHost: " + HOST + "\r\n\r\n");
      assertThat(connection.read(64 * 1024)).hasSize(64 * 1024);
    }

    for (int i = 0; i < 3; i++) {
      HttpResponse<byte[]> response = Http.send(request("/echo/big"), BodyHandlers.ofByteArray());
      assertThat(response.statusCode()).as("GET /echo/big after an abandoned one").isEqualTo(200);
      assertThat(response.body()).hasSize(FakeUpstream.BIG_BODY_BYTES);
    }
  }

  @Test
  void cutsTheClientConnectionWhenTheUpstreamStallsMidBody() {
    long started = System.nanoTime();

    // 10 of 100 promised bytes arrive, then nothing: after gateway.read-timeout the client must see
    // a short
    // body (an error), never a response that looks complete.
    assertThatThrownBy(() -> Http.send(request("/echo/stall"), BodyHandlers.ofByteArray()))
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(IOException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BOUND);
  }

  @Test
  void answers404ForAServiceTheRegistryDoesNotKnow() throws Exception {
    HttpResponse<String> response = send(get("/nosuch/x"));

    assertThat(response.statusCode()).as("GET /nosuch/x").isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.body()).isEqualTo("{\"error\":\"unknown service 'nosuch'\"}");
  }

  @Test
  void answers503ForAKnownServiceWithoutALiveInstance() throws Exception {
    HttpResponse<String> response = send(get("/ghost/x"));

    assertThat(response.statusCode()).as("GET /ghost/x").isEqualTo(503);
    assertThat(response.body())
        .contains("\"error\"")
        .contains("no live instance of service 'ghost'");
  }

  @Test
  void routesAServiceRegisteredAfterStartOnItsFirstRequest() throws Exception {
    REGISTRY.put("newcomer", ECHO.addr());

    HttpResponse<String> response = send(get("/newcomer/hello"));

    assertThat(response.statusCode()).as("GET /newcomer/hello").isEqualTo(200);
    assertThat(ECHO.last().path()).isEqualTo("/hello");
    await()
        .atMost(BOUND)
        .untilAsserted(() -> assertThat(REGISTRY.lastRequired()).contains("newcomer"));
  }

  /**
   * Round-robin over the refused instance and the echo: of two requests in a row exactly one picks
   * the refused instance first (later ones skip it while it cools down) and is retried on the echo,
   * which the retry counter shows.
   */
  @Test
  void retriesAGetOnAnotherInstanceWhenOneRefusesTheConnection() throws Exception {
    double retriesBefore = retries("flaky");
    String run = UUID.randomUUID().toString();

    for (int i = 0; i < 2; i++) {
      String path = "/try-" + i + "-" + run;
      HttpResponse<String> response = send(get("/flaky" + path));
      assertThat(response.statusCode()).as("GET /flaky%s", path).isEqualTo(200);
      assertThat(ECHO.requests("GET", path)).as("GET %s at the echo", path).hasSize(1);
    }

    awaitMetric(() -> retries("flaky"), retriesBefore + 1);
  }

  /** As for the GET above: one of the two POSTs was refused first and re-sent to the echo. */
  @Test
  void sendsAPostToAnotherInstanceWhenOneRefusesTheConnection() throws Exception {
    double retriesBefore = retries("flaky-post");
    String run = UUID.randomUUID().toString();

    for (int i = 0; i < 2; i++) {
      String body = "{\"run\":\"" + run + "\",\"n\":" + i + "}";
      HttpResponse<String> response =
          send(request("/flaky-post/orders").POST(BodyPublishers.ofString(body)));
      assertThat(response.statusCode()).as("POST /flaky-post/orders #%d", i).isEqualTo(201);
      assertThat(ECHO.requests("POST", "/orders"))
          .as("POSTs of #%d at the echo", i)
          .filteredOn(seen -> seen.body().equals(body))
          .hasSize(1);
    }

    awaitMetric(() -> retries("flaky-post"), retriesBefore + 1);
  }

  @Test
  void answers502ForAPostWhoseOnlyInstanceRefusesTheConnection() throws Exception {
    HttpResponse<String> response =
        send(request("/lonely/orders").POST(BodyPublishers.ofString("{}")));

    assertThat(response.statusCode()).as("POST /lonely/orders").isEqualTo(502);
    assertThat(response.body()).contains("\"error\"");
  }

  @Test
  void answers504WhenTheUpstreamIsSlowerThanTheResponseTimeout() throws Exception {
    long started = System.nanoTime();

    HttpResponse<String> response = send(get("/slow/report"));

    assertThat(response.statusCode()).as("GET /slow/report").isEqualTo(504);
    assertThat(response.body()).contains("\"error\"");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BOUND);
  }

  @Test
  void listsTheRoutableServicesWithTheirInstanceCounts() throws Exception {
    HttpResponse<String> json = send(get("/"));
    HttpResponse<String> html =
        send(request("/").header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"));

    assertThat(json.statusCode()).as("GET /").isEqualTo(200);
    assertThat(json.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    JsonArray services =
        Json.createReader(new StringReader(json.body())).readObject().getJsonArray("services");
    assertThat(services.getValuesAs(JsonObject.class))
        .anySatisfy(service -> assertRoute(service, "echo", 1))
        .anySatisfy(service -> assertRoute(service, "ghost", 0))
        .noneSatisfy(service -> assertThat(service.getString("name")).isEqualTo("gateway"));
    assertThat(html.statusCode()).as("GET / as a browser").isEqualTo(200);
    assertThat(html.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(html.body()).contains("<a href=\"echo/\">/echo/</a>");
  }

  @Test
  void subscribesToEveryServiceItRoutesTo() {
    await()
        .atMost(BOUND)
        .untilAsserted(
            () ->
                assertThat(REGISTRY.lastRequired())
                    .contains("echo", "ghost", "flaky", "lonely", "slow")
                    .doesNotContain("gateway"));
  }

  /** Counted on services no other test calls, so that each counter moves by exactly one. */
  @Test
  void countsRequestsByServiceAndStatusClass() throws Exception {
    Supplier<Double> answered2xx =
        () -> metric("gateway_requests_total", "class=\"2xx\"", "service=\"counted\"");
    Supplier<Double> answered5xx =
        () -> metric("gateway_requests_total", "class=\"5xx\"", "service=\"counted-ghost\"");
    Supplier<Double> timed =
        () -> metric("gateway_upstream_latency_seconds_count", "service=\"counted\"");
    double answered2xxBefore = answered2xx.get();
    double answered5xxBefore = answered5xx.get();
    double timedBefore = timed.get();

    assertThat(send(get("/counted/x")).statusCode()).as("GET /counted/x").isEqualTo(200);
    assertThat(send(get("/counted-ghost/x")).statusCode())
        .as("GET /counted-ghost/x")
        .isEqualTo(503);

    // The gateway counts an answer once it has sent it: the client can see it first.
    awaitMetric(answered2xx, answered2xxBefore + 1);
    awaitMetric(answered5xx, answered5xxBefore + 1);
    awaitMetric(timed, timedBefore + 1);
  }

  @Test
  void reportsTheCatalogueInReadinessAndTheRouteInOpenApi() throws Exception {
    HttpResponse<String> ready = send(get("/health/ready"));
    HttpResponse<String> openapi = send(get("/openapi"));

    JsonArray checks =
        Json.createReader(new StringReader(ready.body())).readObject().getJsonArray("checks");
    assertThat(checks.getValuesAs(JsonObject.class))
        .anySatisfy(
            check -> {
              assertThat(check.getString("name")).isEqualTo("service-catalog");
              assertThat(check.getString("status")).isEqualTo("UP");
            });
    assertThat(openapi.statusCode()).as("GET /openapi").isEqualTo(200);
    assertThat(openapi.body()).contains("/{service}/{path}").contains("The routable services");
  }

  private static double retries(String service) {
    return metric("gateway_retries_total", "service=\"" + service + "\"");
  }

  /** Waits until the metric has reached exactly {@code expected}. */
  private static void awaitMetric(Supplier<Double> metric, double expected) {
    await()
        .atMost(BOUND)
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(() -> assertThat(metric.get()).isEqualTo(expected));
  }

  private static void assertRoute(JsonObject service, String name, int instances) {
    assertThat(service.getString("name")).isEqualTo(name);
    assertThat(service.getString("path")).isEqualTo("/" + name + "/");
    assertThat(service.getInt("instances")).isEqualTo(instances);
  }

  private static String readLine(BufferedReader reader) {
    try {
      return reader.readLine();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
