package org.servicegrid.registry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.servicegrid.testsupport.ServiceInfoJson.serviceInfo;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.servicegrid.testsupport.FakeInstance;
import org.servicegrid.testsupport.Http;

/**
 * Health, metrics, OpenAPI and the dashboard's endpoints (/events, /instances) of the deployed
 * registry.
 */
class OperationsIT extends RegistryOverHttp {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RegistryDeployment.withFastHeartBeats();
  }

  @Test
  void healthChecksReportTheTableAndTheHeartBeatScheduler() {
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> assertThat(Http.get(root() + "health/started").statusCode()).isEqualTo(200));

    JsonObject ready = healthy("health/ready");
    assertThat(ready.toString()).contains("\"service-table\"");
    JsonObject live = healthy("health/live");
    assertThat(live.toString()).contains("\"heart-beat-scheduler\"", "\"lastRound\"");
  }

  @Test
  void metricsCountRegistrationsAndEvictionsAndGaugeInstancesPerService() throws Exception {
    try (FakeInstance instance = new FakeInstance()) {
      register(serviceInfo("ops-metered", instance.addr()));

      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(applicationMetrics())
                      .containsPattern(
                          "registry_instances\\{[^}]*service=\"ops-metered\"[^}]*} 1(\\.0)?\\n")
                      .contains("registry_registrations_total"));

      instance.stopAnsweringHeartBeats();
      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(applicationMetrics())
                      .containsPattern(
                          "registry_instances\\{[^}]*service=\"ops-metered\"[^}]*} 0(\\.0)?\\n")
                      .containsPattern("registry_evictions_total\\{[^}]*} [1-9]")
                      .containsPattern("registry_heartbeat_failures_total\\{[^}]*} [1-9]"));
    }
  }

  @Test
  void recentEventsAreListedNewestFirstWithABoundedLimit() {
    register(serviceInfo("ops-evented", "127.0.0.1:7101"));
    HttpResponse<String> gone = delete(serviceInfo("ops-evented", "127.0.0.1:7101"));
    assertThat(gone.statusCode()).isEqualTo(200);

    HttpResponse<String> events = Http.get(base + "events?limit=2");

    assertThat(events.statusCode()).as("GET %sevents: %s", base, events.body()).isEqualTo(200);
    var newest = Http.json(events).asJsonArray().getValuesAs(JsonObject.class);
    assertThat(newest)
        .extracting(e -> e.getString("type") + " " + e.getString("name"))
        .containsExactly("DEREGISTERED ops-evented", "REGISTERED ops-evented");
    assertThat(newest.get(0).getString("at")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(Http.get(base + "events?limit=0").statusCode()).isEqualTo(400);
    assertThat(Http.get(base + "events?limit=100000").statusCode()).isEqualTo(400);
    assertThat(Http.get(base + "events?limit=many").statusCode()).isEqualTo(400);
  }

  @Test
  void theOpenApiDocumentDescribesEveryEndpoint() {
    HttpResponse<String> openapi = Http.get(root() + "openapi");

    assertThat(openapi.statusCode()).as("GET %sopenapi", root()).isEqualTo(200);
    assertThat(openapi.body())
        .contains("/services:", "/services/{name}:", "/events:", "/instances:", "\"400\":");
  }

  private JsonObject healthy(String path) {
    HttpResponse<String> response = Http.get(root() + path);
    assertThat(response.statusCode())
        .as("GET %s%s: %s", root(), path, response.body())
        .isEqualTo(200);
    JsonObject body = Http.json(response).asJsonObject();
    assertThat(body.getString("status")).isEqualTo("UP");
    return body;
  }
}
