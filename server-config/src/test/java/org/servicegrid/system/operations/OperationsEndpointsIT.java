package org.servicegrid.system.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.servicegrid.system.Prometheus;
import org.servicegrid.system.Server;
import org.servicegrid.system.UsesSharedSystem;
import org.servicegrid.testsupport.Http;

/**
 * What an operator or a platform finds on every server: the three health endpoints answering 200
 * with the server's own named checks UP, the application metrics in Prometheus text, an OpenAPI
 * document of the server's resources and the OpenAPI UI.
 */
@Order(110)
@UsesSharedSystem
class OperationsEndpointsIT {

  /** What one server is expected to expose. */
  record Expected(
      Server server,
      List<String> started,
      List<String> live,
      List<String> ready,
      List<String> metrics,
      List<String> paths) {
    @Override
    public String toString() {
      return server.serverName;
    }
  }

  static Stream<Expected> servers() {
    return Stream.of(
        new Expected(
            Server.REGISTRY,
            List.of("registry-started"),
            List.of("heart-beat-scheduler"),
            List.of("service-table"),
            List.of(
                "registry_registrations_total",
                "registry_deregistrations_total",
                "registry_evictions_total",
                "registry_heartbeat_failures_total",
                "registry_notification_failures_total",
                "registry_instances",
                "registry_notification_latency_seconds",
                "registry_notification_backlog"),
            List.of("/services", "/services/{name}", "/instances", "/events", "/")),
        new Expected(
            Server.LOG,
            List.of(),
            List.of("log-file"),
            List.of("registration"),
            List.of(
                "log_lines_appended_total",
                "log_bytes_appended_bytes_total",
                "log_rotations_total",
                "log_append_duration_seconds"),
            List.of("/log", "/heart-beat", "/services")),
        new Expected(
            Server.VISIT,
            List.of(),
            List.of(),
            List.of("registration"),
            List.of("visit_visits_counted_total", "visit_visits_refused_total", "visit_count"),
            List.of("/", "/heart-beat", "/services")),
        new Expected(
            Server.GATEWAY,
            List.of(),
            List.of(),
            List.of("registration", "service-catalog"),
            List.of("gateway_requests_total", "gateway_upstream_latency_seconds"),
            List.of("/{service}/{path}", "/", "/heart-beat", "/services")));
  }

  @BeforeAll
  static void systemIsReadyAndTheGatewayRoutedOnce() {
    // The gateway's meters are tagged by service and appear with the first request routed to it;
    // the gateway
    // learns of a service registered after its last catalog refresh within
    // gateway.catalog.refresh-period.
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () ->
                assertThat(Http.get(Server.GATEWAY.url("/log/log?tail=1")).statusCode())
                    .as("GET /log/log via the gateway")
                    .isEqualTo(200));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void answersTheThreeHealthEndpointsWithItsNamedChecksUp(Expected expected) throws Exception {
    assertAllUp(Health.of(expected.server(), "started"), expected.started());
    assertAllUp(Health.of(expected.server(), "live"), expected.live());
    assertAllUp(Health.of(expected.server(), "ready"), expected.ready());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void publishesItsApplicationMetricsAsPrometheusText(Expected expected) throws Exception {
    Prometheus metrics = Prometheus.scrape(expected.server());

    assertThat(metrics.applicationNames())
        .as("application metrics of %s", expected)
        .containsAll(expected.metrics());
    assertThat(metrics.samples("jvm_uptime_seconds")).as("base metrics too").isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void documentsItsResourcesInOpenApiWithSummariesAndResponses(Expected expected) throws Exception {
    HttpResponse<String> response = Http.get(expected.server().url("/openapi?format=JSON"));
    assertThat(response.statusCode()).as("GET %s", response.uri()).isEqualTo(200);
    JsonObject paths;
    try (var reader = Json.createReader(new StringReader(response.body()))) {
      paths = reader.readObject().getJsonObject("paths");
    }

    assertThat(paths.keySet()).as("paths of %s", expected).containsAll(expected.paths());
    for (String path : expected.paths()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : List.of("get", "post", "delete")) {
        JsonObject operation = item.getJsonObject(method);
        if (operation != null) {
          assertThat(operation.getString("summary", ""))
              .as("summary of %s %s", method, path)
              .isNotBlank();
          assertThat(operation.getJsonObject("responses"))
              .as("responses of %s %s", method, path)
              .isNotEmpty();
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void servesTheOpenApiUi(Expected expected) throws Exception {
    HttpResponse<String> ui = Http.get(expected.server().url("/openapi/ui"));

    assertThat(ui.statusCode()).as("GET %s", ui.uri()).isEqualTo(200);
    assertThat(ui.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
  }

  private static void assertAllUp(Health health, List<String> names) {
    assertThat(health.httpStatus()).as(health.body()).isEqualTo(200);
    assertThat(health.status()).isEqualTo("UP");
    assertThat(health.checks().keySet())
        .as(health.body())
        .containsExactlyInAnyOrderElementsOf(names);
    health.checks().forEach((name, check) -> assertThat(check.status()).as(name).isEqualTo("UP"));
  }
}
