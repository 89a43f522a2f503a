package org.servicegrid.gateway.proxy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.servicegrid.gateway.guard.Refusal;

/**
 * The gateway's application metrics (Prometheus text at {@code /metrics?scope=application}):
 * forwarded requests by service and status class, upstream latency until the response headers,
 * retries, and refusals. Registered programmatically because the service is a tag known only per
 * request. Meters are cached per tag set so the hot path costs one map lookup; the {@code service}
 * tag only ever holds routable names (requests for unknown names count under {@value #UNROUTED}),
 * so clients cannot inflate the tag set.
 */
@ApplicationScoped
public class GatewayMetrics {

  /** The service tag of requests that named no routable service. */
  public static final String UNROUTED = "unknown";

  private static final Metadata REQUESTS =
      Metadata.builder()
          .withName("gateway.requests")
          .withDescription(
              "Requests for a service path, by service and class of the status sent to the client")
          .build();
  private static final Metadata LATENCY =
      Metadata.builder()
          .withName("gateway.upstream.latency")
          .withDescription(
              "Time from sending a forwarded request until the upstream's status line and headers")
          .build();
  private static final Metadata RETRIES =
      Metadata.builder()
          .withName("gateway.retries")
          .withDescription("Attempts repeated on another instance after a connect failure")
          .build();
  private static final Metadata REFUSALS =
      Metadata.builder()
          .withName("gateway.refusals")
          .withDescription(
              "Requests for a routable service refused over a limit, by service and reason "
                  + "(concurrency, loop, header-size, body-size)")
          .build();

  private static final String[] STATUS_CLASSES = {"1xx", "2xx", "3xx", "4xx", "5xx"};

  private record RequestKey(String service, String statusClass) {}

  private record RefusalKey(String service, Refusal refusal) {}

  @Inject MetricRegistry registry;

  private final ConcurrentMap<RequestKey, Counter> requests = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Timer> latencies = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Counter> retries = new ConcurrentHashMap<>();
  private final ConcurrentMap<RefusalKey, Counter> refusals = new ConcurrentHashMap<>();

  /** A request was answered with {@code status}, by the upstream or by the gateway itself. */
  public void answered(String service, int status) {
    requests
        .computeIfAbsent(
            new RequestKey(service, statusClass(status)),
            key ->
                registry.counter(
                    REQUESTS,
                    new Tag("service", key.service()),
                    new Tag("class", key.statusClass())))
        .inc();
  }

  public void upstreamLatency(String service, long nanos) {
    latencies
        .computeIfAbsent(service, s -> registry.timer(LATENCY, new Tag("service", s)))
        .update(Duration.ofNanos(nanos));
  }

  public void retried(String service) {
    retries.computeIfAbsent(service, s -> registry.counter(RETRIES, new Tag("service", s))).inc();
  }

  /**
   * A request was refused (not forwarded, or cut off) for this reason; it also counts as answered.
   */
  public void refused(String service, Refusal refusal) {
    refusals
        .computeIfAbsent(
            new RefusalKey(service, refusal),
            key ->
                registry.counter(
                    REFUSALS,
                    new Tag("service", key.service()),
                    new Tag("reason", key.refusal().reason())))
        .inc();
  }

  static String statusClass(int status) {
    return status >= 100 && status < 600 ? STATUS_CLASSES[status / 100 - 1] : "other";
  }
}
