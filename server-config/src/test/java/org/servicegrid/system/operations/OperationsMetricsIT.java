package org.servicegrid.system.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.servicegrid.system.Prometheus;
import org.servicegrid.system.Server;
import org.servicegrid.system.UsesSharedSystem;
import org.servicegrid.testsupport.FakeInstance;
import org.servicegrid.testsupport.Http;

/**
 * The application metrics tell what happened: the registry counts registrations, heart-beat
 * failures and evictions and gauges instances per service; a visit through the gateway shows in the
 * gateway's, the visit service's and the log service's counters. The other servers keep talking to
 * the registry meanwhile, so global counters are compared as deltas (at least the scenario's own
 * changes) and the per-service gauge exactly. The compared lines are printed.
 */
@Order(113)
@UsesSharedSystem
class OperationsMetricsIT {

  private static final Duration BOUND = Duration.ofSeconds(30);

  @Test
  void registryMetricsCountThreeRegistrationsAndOneEviction() throws Exception {
    String service = "ops-metrics-" + UUID.randomUUID().toString().substring(0, 8);
    Prometheus before = Prometheus.scrape(Server.REGISTRY);
    try (FakeInstance first = new FakeInstance();
        FakeInstance second = new FakeInstance();
        FakeInstance doomed = new FakeInstance()) {
      first.registerWith(Server.REGISTRY.url(""), service);
      second.registerWith(Server.REGISTRY.url(""), service);
      doomed.registerWith(Server.REGISTRY.url(""), service);
      await()
          .atMost(BOUND)
          .pollInterval(Duration.ofMillis(200))
          .until(
              () ->
                  Prometheus.scrape(Server.REGISTRY).value("registry_instances", "service", service)
                      == 3);

      doomed.stop();

      await()
          .atMost(BOUND)
          .pollInterval(Duration.ofMillis(200))
          .until(
              () ->
                  Prometheus.scrape(Server.REGISTRY).value("registry_instances", "service", service)
                      == 2);
      Prometheus after = Prometheus.scrape(Server.REGISTRY);
      print(before, after, service);

      assertThat(after.value("registry_instances", "service", service)).isEqualTo(2);
      assertThat(delta(before, after, "registry_registrations_total")).isGreaterThanOrEqualTo(3);
      assertThat(delta(before, after, "registry_evictions_total")).isGreaterThanOrEqualTo(1);
      assertThat(delta(before, after, "registry_heartbeat_failures_total")).isPositive();
    }
  }

  @Test
  void aVisitThroughTheGatewayShowsInTheGatewayVisitAndLogCounters() throws Exception {
    Prometheus gateway = Prometheus.scrape(Server.GATEWAY);
    Prometheus visit = Prometheus.scrape(Server.VISIT);
    Prometheus log = Prometheus.scrape(Server.LOG);

    HttpResponse<String> response = Http.get(Server.GATEWAY.url("/visit/"));
    assertThat(response.statusCode()).as("GET %s", response.uri()).isEqualTo(200);

    // The gateway counts a request once the response was relayed, so the counter may trail the
    // response.
    await()
        .atMost(BOUND)
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              assertThat(
                      delta(
                          gateway,
                          Prometheus.scrape(Server.GATEWAY),
                          "gateway_requests_total",
                          "service",
                          "visit",
                          "class",
                          "2xx"))
                  .isGreaterThanOrEqualTo(1);
              assertThat(
                      delta(visit, Prometheus.scrape(Server.VISIT), "visit_visits_counted_total"))
                  .isGreaterThanOrEqualTo(1);
              assertThat(delta(log, Prometheus.scrape(Server.LOG), "log_lines_appended_total"))
                  .isGreaterThanOrEqualTo(1);
            });
    gateway.print("gateway before", "gateway_requests_total", "service", "visit");
    Prometheus.scrape(Server.GATEWAY)
        .print("gateway after", "gateway_requests_total", "service", "visit");
    visit.print("visit before", "visit_visits_counted_total");
    Prometheus.scrape(Server.VISIT).print("visit after", "visit_visits_counted_total");
    log.print("log before", "log_lines_appended_total");
    Prometheus.scrape(Server.LOG).print("log after", "log_lines_appended_total");
  }

  private static double delta(Prometheus before, Prometheus after, String name, String... labels) {
    return after.value(name, labels) - before.value(name, labels);
  }

  private static void print(Prometheus before, Prometheus after, String service) {
    for (String counter :
        new String[] {
          "registry_registrations_total",
          "registry_evictions_total",
          "registry_heartbeat_failures_total"
        }) {
      before.print("registry before", counter);
      after.print("registry after", counter);
    }
    after.print("registry after", "registry_instances", "service", service);
  }
}
