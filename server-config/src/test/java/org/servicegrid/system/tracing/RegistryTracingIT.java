package org.servicegrid.system.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.servicegrid.system.Server;
import org.servicegrid.system.ServerInstance;
import org.servicegrid.system.StartsItsOwnSystem;
import org.servicegrid.system.tracing.ZipkinServer.Span;
import org.servicegrid.testsupport.EvictionBound;
import org.servicegrid.testsupport.FakeHttpServer;
import org.servicegrid.testsupport.FakeInstance;
import org.servicegrid.testsupport.Http;
import org.servicegrid.testsupport.RecordedRequest;
import org.servicegrid.testsupport.ServiceInfoJson;
import org.servicegrid.testsupport.TestTokens;

/**
 * The registry's traces, read back from a real Zipkin: a registry of its own (port 20780, cluster
 * port 20781) with tracing on and short heart-beats, fake services registering with it, and Zipkin
 * on 20790. A registration or deregistration and the notices it causes are one trace although the
 * notices leave from other threads; an eviction is a trace of its own whose remove notices are its
 * children; heart-beats make no span at the registry and tell the probed instance not to record
 * one. Last, a second node (20782, cluster port 20783) joins: the notices it sends for changes made
 * through the first join their trace too.
 */
@Order(-1)
@StartsItsOwnSystem
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegistryTracingIT {

  private static final String MEMBERS = "127.0.0.1:20781,127.0.0.1:20783";

  private static final Pattern TRACE_PARENT =
      Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");

  /** Spans leave the registry every 200 ms ({@code OTEL_BSP_SCHEDULE_DELAY}); Zipkin is local. */
  private static final Duration SPANS_BOUND = Duration.ofSeconds(30);

  private static final EvictionBound EVICTION =
      new EvictionBound(Duration.ofMillis(300), 2, Duration.ofMillis(100), Duration.ofMillis(300));

  private static ZipkinServer zipkin;
  private static ServerInstance registry;

  @BeforeAll
  static void startZipkinAndTheRegistry() {
    zipkin = ZipkinServer.start(20790, Path.of("target", "tracing-it", "zipkin.log"));
    Map<String, String> environment = new HashMap<>(zipkin.tracingEnvironment("registry"));
    environment.putAll(
        Map.of(
            "REGISTRY_CLUSTER_PORT", "20781",
            "REGISTRY_CLUSTER_MEMBERS", MEMBERS,
            "REGISTRY_HEARTBEAT_PERIOD", String.valueOf(EVICTION.period().toMillis()),
            "REGISTRY_HEARTBEAT_ATTEMPTS", String.valueOf(EVICTION.attempts()),
            "REGISTRY_HEARTBEAT_RETRY_PAUSE", String.valueOf(EVICTION.retryPause().toMillis()),
            "REGISTRY_HEARTBEAT_CONNECT_TIMEOUT", "300",
            "REGISTRY_HEARTBEAT_READ_TIMEOUT", String.valueOf(EVICTION.readTimeout().toMillis())));
    registry = Server.REGISTRY.instance("tracing-registry", 20780, environment);
    registry.deleteOutput();
    registry.start();
    registry.awaitReady();
  }

  @AfterAll
  static void stop() {
    try {
      if (registry != null) {
        registry.stop();
      }
    } finally {
      if (zipkin != null) {
        zipkin.close();
      }
    }
  }

  @Test
  void aRegistrationAndADeregistrationAreEachOneTraceWithTheirNotices() {
    try (FakeInstance dependent = new FakeInstance();
        FakeInstance instance = new FakeInstance()) {
      dependent.registerWith(registry.url(""), "traced-front", "traced-back");

      instance.registerWith(registry.url(""), "traced-back");
      assertNoticeIsChildOfRequestSpan(dependent, awaitNotice(dependent, "POST"), "POST");

      instance.deregister();
      assertNoticeIsChildOfRequestSpan(dependent, awaitNotice(dependent, "DELETE"), "DELETE");
    }
  }

  @Test
  void anEvictionIsATraceOfItsOwnWithItsRemoveNoticeAsChild() {
    try (FakeInstance dependent = new FakeInstance();
        FakeInstance doomed = new FakeInstance()) {
      dependent.registerWith(registry.url(""), "evicting-front", "evicting-back");
      doomed.registerWith(registry.url(""), "evicting-back");
      awaitNotice(dependent, "POST");

      doomed.stop();
      RecordedRequest notice =
          await("the DELETE notice of the eviction")
              .atMost(EVICTION.bound())
              .pollInterval(Duration.ofMillis(100))
              .until(() -> lastNotice(dependent, "DELETE"), Optional::isPresent)
              .orElseThrow();

      Matcher parent = traceParent(notice);
      List<Span> trace = awaitTraceWithSpan(parent.group(1), parent.group(2));
      Span client = span(trace, parent.group(2));
      assertThat(client.kind()).as("notice span %s", client).isEqualTo("CLIENT");
      assertThat(client.tag("url.full")).isEqualTo("http://" + dependent.addr() + "/services");
      Span root = root(trace, client);
      assertThat(root.name()).as("root of %s", trace).isEqualTo("evict evicting-back");
      assertThat(root.kind()).isEqualTo("INTERNAL");
      assertThat(root.serviceName()).isEqualTo("registry");
      // Zipkin's exporter writes an event as its name and attributes: "evicted":{}
      assertThat(root.annotations()).anyMatch(event -> event.startsWith("\"evicted\""));
      assertThat(root.tag("servicegrid.service.name")).isEqualTo("evicting-back");
      assertThat(root.tag("servicegrid.instance.addr")).isEqualTo(doomed.addr());
      assertThat(root.tag("servicegrid.heartbeat.failures"))
          .isEqualTo(String.valueOf(EVICTION.attempts()));
      assertThat(root.tag("servicegrid.heartbeat.last_failure")).isNotBlank();
    }
  }

  @Test
  void heartBeatsAreNotTracedAtTheRegistryNorAtTheProbedInstance() {
    try (FakeInstance probed = new FakeInstance()) {
      probed.registerWith(registry.url(""), "probed");
      await("three heart-beats of " + probed.addr())
          .atMost(Duration.ofSeconds(30))
          .until(() -> probed.heartBeats() >= 3);

      List<RecordedRequest> probes = probed.server().requests(FakeHttpServer.ANY, "/heart-beat");
      Set<String> traceIds = new HashSet<>();
      for (RecordedRequest probe : probes) {
        Matcher parent = traceParent(probe);
        assertThat(parent.group(3)).as("flags of %s", parent.group()).isEqualTo("00");
        traceIds.add(parent.group(1));
      }
      assertThat(traceIds).as("trace ids of %s probes", probes.size()).hasSize(probes.size());

      // A request in a trace of the test's own: once its span is in Zipkin, so are the spans the
      // probes above would have made (spans leave in the order they end).
      String marker = "00-" + "5eed".repeat(8) + "-" + "a11ce".repeat(3) + "0-01";
      Http.assertStatus(Http.get(registry.url("/services/probed"), "traceparent", marker), 200);
      awaitTraceWithSpan(marker.substring(3, 35), null);
      List<String> names = new ArrayList<>();
      zipkin.traces("registry", 10_000).forEach(t -> t.forEach(s -> names.add(s.name())));
      assertThat(names).as("names of the registry's spans").isNotEmpty();
      assertThat(names).noneMatch(name -> name.contains("heart-beat"));
    }
  }

  /**
   * Changes whose notices the other node sends (the owner of each key's partition notifies: with
   * sixteen names, both nodes own some) are still one trace with the request that made them.
   */
  @Test
  @Order(Integer.MAX_VALUE) // the second node's joining and leaving move partitions
  void noticesSentByAnotherNodeJoinTheTraceOfTheRegistration() {
    Map<String, String> environment = new HashMap<>(zipkin.tracingEnvironment("registry-b"));
    environment.putAll(
        Map.of("REGISTRY_CLUSTER_PORT", "20783", "REGISTRY_CLUSTER_MEMBERS", MEMBERS));
    ServerInstance second = Server.REGISTRY.instance("tracing-registry-b", 20782, environment);
    second.deleteOutput();
    try (FakeInstance dependent = new FakeInstance();
        FakeInstance instance = new FakeInstance()) {
      second.start();
      Server.awaitUntilStarted(
          () ->
              assertThat(Http.get(registry.url("/health/ready")).body())
                  .contains("\"clusterMembers\":2"));
      List<String> names = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        names.add("crossing-back-" + i);
      }
      dependent.registerWith(registry.url(""), "crossing-front", names.toArray(String[]::new));

      for (String name : names) {
        Http.assertStatus(
            TestTokens.send(
                "POST",
                registry.url("/services"),
                ServiceInfoJson.serviceInfo(name, instance.addr()),
                TestTokens.forService(name)),
            200);
      }

      await("16 POST notices at " + dependent.addr())
          .atMost(Duration.ofSeconds(30))
          .until(() -> dependent.notices().size() >= names.size());
      Set<String> senders = new HashSet<>();
      for (RecordedRequest notice : dependent.notices()) {
        senders.add(assertNoticeIsChildOfRequestSpan(dependent, notice, "POST"));
      }
      assertThat(senders).as("services of the notices' spans").contains("registry", "registry-b");
    } finally {
      second.stop();
    }
  }

  /**
   * The notice's span (named by the traceparent it carried) is a CLIENT span of a registry node
   * whose parents lead to the registry's SERVER span of the {@code method} /services that caused
   * it; returns the service name of the node that sent the notice.
   */
  private static String assertNoticeIsChildOfRequestSpan(
      FakeInstance dependent, RecordedRequest notice, String method) {
    Matcher parent = traceParent(notice);
    assertThat(parent.group(3)).as("sampled").isEqualTo("01");
    List<Span> trace = awaitTraceWithSpan(parent.group(1), parent.group(2));
    Span client = span(trace, parent.group(2));
    assertThat(client.kind()).as("notice span %s", client).isEqualTo("CLIENT");
    assertThat(client.serviceName()).startsWith("registry");
    assertThat(client.tag("url.full")).isEqualTo("http://" + dependent.addr() + "/services");
    Span root = root(trace, client);
    assertThat(root.kind()).as("root of %s", trace).isEqualTo("SERVER");
    assertThat(root.serviceName()).isEqualTo("registry");
    assertThat(root.name()).isEqualToIgnoringCase(method + " /services");
    return client.serviceName();
  }

  private static RecordedRequest awaitNotice(FakeInstance dependent, String method) {
    return await(method + " notice at " + dependent.addr())
        .atMost(Duration.ofSeconds(30))
        .until(() -> lastNotice(dependent, method), Optional::isPresent)
        .orElseThrow();
  }

  private static Optional<RecordedRequest> lastNotice(FakeInstance dependent, String method) {
    List<RecordedRequest> notices =
        dependent.notices().stream().filter(n -> n.method().equals(method)).toList();
    return notices.isEmpty() ? Optional.empty() : Optional.of(notices.get(notices.size() - 1));
  }

  private static Matcher traceParent(RecordedRequest request) {
    String header = request.header("traceparent");
    assertThat(header).as("traceparent of %s", request).isNotNull();
    Matcher matcher = TRACE_PARENT.matcher(header);
    assertThat(matcher.matches()).as("traceparent %s", header).isTrue();
    return matcher;
  }

  /**
   * The trace once Zipkin holds the span {@code spanId} (any span if null) and every parent of it.
   */
  private static List<Span> awaitTraceWithSpan(String traceId, String spanId) {
    return await("trace " + traceId + " with span " + spanId + " and its parents in Zipkin")
        .atMost(SPANS_BOUND)
        .pollInterval(Duration.ofMillis(250))
        .until(() -> zipkin.trace(traceId), trace -> complete(trace, spanId));
  }

  private static boolean complete(List<Span> trace, String spanId) {
    if (spanId == null) {
      return !trace.isEmpty();
    }
    Map<String, Span> byId = byId(trace);
    for (Span span = byId.get(spanId); span != null; span = byId.get(span.parentId())) {
      if (span.parentId() == null) {
        return true;
      }
    }
    return false;
  }

  private static Span span(List<Span> trace, String id) {
    Span span = byId(trace).get(id);
    assertThat(span).as("span %s in %s", id, trace).isNotNull();
    return span;
  }

  private static Span root(List<Span> trace, Span from) {
    Map<String, Span> byId = byId(trace);
    Span span = from;
    for (int depth = 0; span.parentId() != null && depth < trace.size(); depth++) {
      span = byId.get(span.parentId());
      assertThat(span).as("parent chain of %s in %s", from, trace).isNotNull();
    }
    return span;
  }

  private static Map<String, Span> byId(List<Span> trace) {
    Map<String, Span> byId = new HashMap<>();
    trace.forEach(span -> byId.put(span.id(), span));
    return byId;
  }
}
