package org.servicegrid.system.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.servicegrid.testsupport.ServiceInfoJson.serviceInfo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.servicegrid.system.InParallel;
import org.servicegrid.system.Server;
import org.servicegrid.system.ServerInstance;
import org.servicegrid.system.StartsItsOwnSystem;
import org.servicegrid.system.tracing.ZipkinServer.Span;
import org.servicegrid.testsupport.Http;
import org.servicegrid.testsupport.TestTokens;

/**
 * The four servers with tracing on, sending to a real Zipkin server, and what an operator reads
 * back from Zipkin's API: one trace per visit from the gateway through the visit service to the log
 * write (and its log line naming it), a group's log batch linking the visits it carried, a failed
 * forward's attempts, and a client's {@code traceparent} continued only from a trusted proxy.
 */
@StartsItsOwnSystem
class TracingIT {

  private static final Duration SPANS_BOUND = Duration.ofSeconds(30);
  private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");
  private static final Pattern LINE_TRACE =
      Pattern.compile(" visit (\\d+) trace_id=([0-9a-f]{32})$");

  /** The gateway believes trace context (and forwarding headers) from this address only. */
  private static final String TRUSTED_PROXY = "127.0.0.2";

  private static final String FORGED_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String FORGED_TRACEPARENT = "00-" + FORGED_TRACE + "-00f067aa0ba902b7-01";

  private static final ZipkinServer ZIPKIN =
      ZipkinServer.start(20791, Path.of("target/tracing-it/zipkin-system.log"));
  private static final ServerInstance REGISTRY =
      Server.REGISTRY.instance("trace-registry", 20720, ZIPKIN.tracingEnvironment("registry"));
  private static final ServerInstance GATEWAY =
      Server.GATEWAY.instance(
          "trace-gateway",
          20721,
          service(
              "gateway",
              Map.of(
                  "GATEWAY_TRUSTED_PROXIES",
                  TRUSTED_PROXY + "/32",
                  "GATEWAY_CATALOG_REFRESH_PERIOD",
                  "1000")));
  private static final ServerInstance LOG =
      Server.LOG.instance("trace-log", 20722, service("log", Map.of()));
  private static final ServerInstance VISIT =
      Server.VISIT.instance("trace-visit", 20723, service("visit", Map.of()));
  private static final List<ServerInstance> ALL = List.of(REGISTRY, GATEWAY, LOG, VISIT);
  private static Instant ready;

  private static Map<String, String> service(String name, Map<String, String> more) {
    Map<String, String> environment = new HashMap<>(ZIPKIN.tracingEnvironment(name));
    environment.put("REGISTRY_URLS", "http://127.0.0.1:20720");
    environment.putAll(more);
    return Map.copyOf(environment);
  }

  @BeforeAll
  static void startTheSystemWithTracingOn() {
    ALL.forEach(ServerInstance::deleteOutput);
    InParallel.forEach(ALL, ServerInstance::start);
    ALL.forEach(ServerInstance::awaitReady);
    ready = Instant.now();
    Server.awaitUntilStarted(
        () -> assertThat(Http.get(GATEWAY.url("/visit/")).statusCode()).isEqualTo(200));
  }

  @AfterAll
  static void stopTheSystem() {
    try {
      InParallel.forEach(List.of(GATEWAY, VISIT, LOG), ServerInstance::stop);
      REGISTRY.stop();
    } finally {
      ZIPKIN.close();
    }
  }

  @Test
  void aVisitIsOneTraceFromTheGatewayThroughTheVisitServiceToTheLogWriteAndItsLineNamesIt() {
    long number = Long.parseLong(Http.get(GATEWAY.url("/visit/")).body().trim());
    String traceId = traceOfLine(number);

    List<Span> trace = awaitTrace(traceId, 6);

    Span gateway = only(trace, "gateway", "SERVER");
    assertThat(gateway.parentId()).as("the gateway starts the trace").isNull();
    assertThat(gateway.name()).isEqualTo("get /visit/*");
    assertThat(gateway.tags())
        .containsEntry("servicegrid.service", "visit")
        .containsEntry("servicegrid.instance", "127.0.0.1:20723")
        .containsEntry("http.response.status_code", "200");
    Span forward = childOf(trace, gateway, "gateway", "CLIENT");
    assertThat(forward.tags())
        .containsEntry("http.request.method", "GET")
        .containsEntry("server.address", "127.0.0.1")
        .containsEntry("server.port", "20723")
        .containsEntry("http.response.status_code", "200");
    Span visit = childOf(trace, forward, "visit", "SERVER");
    Span count = childOf(trace, visit, "visit", "INTERNAL");
    assertThat(count.name()).isEqualTo("count visits");
    assertThat(count.tags()).containsKey("servicegrid.visit.group_size");
    Span logCall = childOf(trace, count, "visit", "CLIENT");
    assertThat(logCall.tags())
        .containsEntry("server.port", "20722")
        .containsEntry("http.response.status_code", "200");
    Span logWrite = childOf(trace, logCall, "log", "SERVER");
    assertThat(logWrite.name()).isEqualTo("post /log/batch");
  }

  @Test
  void concurrentVisitsShareOneLogBatchWhoseSpanLinksTheOtherVisitsAndEachOfThemNamesIt() {
    Span group = null;
    for (int burst = 0; burst < 5 && group == null; burst++) {
      group = groupOfSeveral(concurrentVisits(24));
    }
    assertThat(group).as("a 'count visits' span of a group of several visits").isNotNull();

    List<String> others = traceIds(group.tag("servicegrid.linked_trace_ids"));
    assertThat(others)
        .hasSize(Integer.parseInt(group.tag("servicegrid.visit.group_size")) - 1)
        .doesNotContain(group.traceId());
    for (String other : others) {
      Span visit = only(awaitTrace(other, 3), "visit", "SERVER");
      assertThat(visit.tags())
          .as("the span of a visit that another visit's batch logged")
          .containsEntry("servicegrid.log.trace_id", group.traceId());
    }
  }

  @Test
  void aClientThatIsNoTrustedProxyStartsANewTraceWhateverTraceparentItSends() {
    long number =
        Long.parseLong(
            Http.get(GATEWAY.url("/visit/"), "traceparent", FORGED_TRACEPARENT).body().trim());
    assertThat(traceOfLine(number)).isNotEqualTo(FORGED_TRACE);

    for (String[] bad :
        List.of(
            new String[] {"traceparent", "00-not-a-trace-01"},
            new String[] {"traceparent", "00-" + "0".repeat(32) + "-" + "0".repeat(16) + "-01"},
            new String[] {"traceparent", "ff-" + FORGED_TRACE + "-00f067aa0ba902b7-01"},
            new String[] {"tracestate", "k=" + "v".repeat(8192)})) {
      HttpResponse<String> response = Http.get(GATEWAY.url("/visit/"), bad);
      assertThat(response.statusCode()).as("%s: %.40s", bad[0], bad[1]).isEqualTo(200);
      assertThat(traceOfLine(Long.parseLong(response.body().trim()))).matches(TRACE_ID);
    }
  }

  @Test
  void aTrustedProxysTraceparentIsContinued() throws IOException {
    String traceId = "5af7183fb1d4cf5f" + Long.toHexString(System.nanoTime() | (1L << 60));
    String answer = getFrom(TRUSTED_PROXY, "/visit/", "00-" + traceId + "-00f067aa0ba902b7-01");
    long number = Long.parseLong(answer.substring(answer.indexOf("\r\n\r\n") + 4).trim());

    assertThat(traceOfLine(number)).isEqualTo(traceId);
    Span gateway = only(awaitTrace(traceId, 6), "gateway", "SERVER");
    assertThat(gateway.parentId()).isEqualTo("00f067aa0ba902b7");
  }

  @Test
  void aFailedForwardShowsEachAttemptWithItsOutcomeAndTheAnswerAsAnError() {
    // Two instances that refuse connections: nothing listens on their ports.
    for (String addr : List.of("127.0.0.1:20728", "127.0.0.1:20729")) {
      assertThat(
              TestTokens.send(
                      "POST",
                      REGISTRY.url("/services"),
                      serviceInfo("refusing", addr),
                      TestTokens.forService("refusing"))
                  .statusCode())
          .isEqualTo(200);
    }
    await()
        .atMost(SPANS_BOUND)
        .untilAsserted(
            () -> assertThat(Http.get(GATEWAY.url("/refusing/x")).statusCode()).isEqualTo(502));

    List<Span> trace =
        await("the trace of a failed forward")
            .atMost(SPANS_BOUND)
            .pollInterval(Duration.ofMillis(250))
            .until(
                () ->
                    ZIPKIN.traces("gateway", 50).stream()
                        .filter(t -> t.stream().anyMatch(s -> s.name().equals("get /refusing/*")))
                        .filter(t -> t.size() >= 3)
                        .findFirst(),
                Optional::isPresent)
            .get();
    Span server = only(trace, "gateway", "SERVER");
    assertThat(server.tags())
        .containsEntry("http.response.status_code", "502")
        .containsEntry("otel.status_code", "ERROR");
    List<Span> attempts = trace.stream().filter(s -> s.kind().equals("CLIENT")).toList();
    assertThat(attempts)
        .hasSize(2)
        .allSatisfy(a -> assertThat(a.parentId()).isEqualTo(server.id()));
    assertThat(attempts)
        .allSatisfy(
            a ->
                assertThat(a.tags())
                    .containsEntry("otel.status_code", "ERROR")
                    .containsEntry("error.type", "refused"));
    assertThat(attempts)
        .extracting(a -> a.tag("servicegrid.instance"))
        .containsExactlyInAnyOrder("127.0.0.1:20728", "127.0.0.1:20729");
    assertThat(attempts)
        .anySatisfy(a -> assertThat(a.tag("http.request.resend_count")).isEqualTo("1"));
  }

  @Test
  void theGatewaysCatalogueRefreshIsNotATraceEveryPeriod() {
    // The catalogue is read at start and then every gateway.catalog.refresh-period (1 s here): let
    // a few periods pass, and their spans (if any) reach Zipkin.
    await("five catalogue refresh periods since the gateway was ready")
        .atMost(SPANS_BOUND)
        .until(() -> Duration.between(ready, Instant.now()).toSeconds() >= 5);
    Optional<Span> refresh =
        ZIPKIN.traces("gateway", 200).stream()
            .flatMap(List::stream)
            .filter(s -> s.parentId() == null && s.kind().equals("CLIENT"))
            .filter(s -> "GET".equals(s.tag("http.request.method")))
            .filter(s -> REGISTRY.url("/services").equals(s.tag("url.full")))
            .findAny();
    assertThat(refresh).as("a root span of the gateway's GET /services to the registry").isEmpty();
  }

  /** The trace id the log line of visit {@code number} ends with. */
  private static String traceOfLine(long number) {
    return await("the log line of visit " + number)
        .atMost(SPANS_BOUND)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                LOG.logLines().stream()
                    .map(LINE_TRACE::matcher)
                    .filter(Matcher::find)
                    .filter(m -> Long.parseLong(m.group(1)) == number)
                    .map(m -> m.group(2))
                    .findFirst(),
            Optional::isPresent)
        .get();
  }

  /** The trace once Zipkin holds at least {@code spans} of its spans. */
  private static List<Span> awaitTrace(String traceId, int spans) {
    return await("trace " + traceId + " with " + spans + " spans")
        .atMost(SPANS_BOUND)
        .pollInterval(Duration.ofMillis(250))
        .until(() -> ZIPKIN.trace(traceId), trace -> trace.size() >= spans);
  }

  private static List<Long> concurrentVisits(int count) {
    List<CompletableFuture<HttpResponse<String>>> visits = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      visits.add(Http.sendAsync(Http.request(GATEWAY.url("/visit/")).GET()));
    }
    return visits.stream().map(v -> Long.parseLong(v.join().body().trim())).toList();
  }

  /** The 'count visits' span of a group of more than one of these visits, or null. */
  private static Span groupOfSeveral(List<Long> numbers) {
    for (long number : numbers) {
      for (Span span : awaitTrace(traceOfLine(number), 6)) {
        if (span.name().equals("count visits")
            && Integer.parseInt(span.tag("servicegrid.visit.group_size")) > 1) {
          return span;
        }
      }
    }
    return null;
  }

  private static List<String> traceIds(String tag) {
    List<String> ids = new ArrayList<>();
    Matcher matcher = TRACE_ID.matcher(tag == null ? "" : tag);
    while (matcher.find()) {
      ids.add(matcher.group());
    }
    return ids;
  }

  private static Span only(List<Span> trace, String service, String kind) {
    List<Span> matching =
        trace.stream()
            .filter(s -> service.equals(s.serviceName()) && s.kind().equals(kind))
            .toList();
    assertThat(matching).as("%s %s spans in %s", service, kind, trace).hasSize(1);
    return matching.get(0);
  }

  private static Span childOf(List<Span> trace, Span parent, String service, String kind) {
    List<Span> children =
        trace.stream()
            .filter(s -> parent.id().equals(s.parentId()))
            .filter(s -> service.equals(s.serviceName()) && s.kind().equals(kind))
            .toList();
    assertThat(children)
        .as("%s %s children of %s in %s", service, kind, parent.name(), trace)
        .hasSize(1);
    return children.get(0);
  }

  /** A GET to the gateway from {@code localAddress}, with a {@code traceparent}; the raw answer. */
  private static String getFrom(String localAddress, String path, String traceparent)
      throws IOException {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(localAddress, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", GATEWAY.port()), 5_000);
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET "
                  + path
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\ntraceparent: "
                  + traceparent
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }
}
