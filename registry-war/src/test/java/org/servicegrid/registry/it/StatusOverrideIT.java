package org.servicegrid.registry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.servicegrid.testsupport.Http.json;
import static org.servicegrid.testsupport.ServiceInfoJson.serviceInfo;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.servicegrid.testsupport.FakeInstance;
import org.servicegrid.testsupport.Http;
import org.servicegrid.testsupport.TestTokens;

/**
 * Taking an instance out of service and back over HTTP: who may, what the dependents are told, what
 * the listings show, and that the status outlives re-registrations while heart-beats go on.
 */
class StatusOverrideIT extends RegistryOverHttp {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private static final String OUT = "{\"Status\":\"OUT_OF_SERVICE\"}";
  private static final String UP = "{\"Status\":\"UP\"}";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RegistryDeployment.withFastHeartBeats();
  }

  @Test
  void outOfServiceRemovesItFromDependentsWhileHeartBeatsGoOnAndUpAddsItBack() throws Exception {
    try (FakeInstance dependent = new FakeInstance();
        FakeInstance drained = new FakeInstance()) {
      register(serviceInfo("st-front", dependent.addr(), "st-svc"));
      register(serviceInfo("st-svc", drained.addr()));
      await().atMost(WAIT).until(() -> dependent.notices().size() >= 1);
      String own = TestTokens.forService("st-svc");

      HttpResponse<String> out = status("st-svc", drained.addr(), OUT, own);

      Http.assertStatus(out, 200);
      assertThat(json(out).asJsonObject().getString("Status")).isEqualTo("OUT_OF_SERVICE");
      await().atMost(WAIT).until(() -> dependent.notices().size() >= 2);
      assertThat(dependent.notices().get(1).method()).isEqualTo("DELETE");
      assertThat(json(dependent.notices().get(1).body()).asJsonObject().getString("Addr"))
          .isEqualTo(drained.addr());
      assertThat(post(serviceInfo("st-front2", "127.0.0.1:20801", "st-svc")).body())
          .as("a registration answer leaves it out")
          .isEqualTo("{\"st-svc\":[]}");
      assertThat(listed("st-svc").getString("Status")).isEqualTo("OUT_OF_SERVICE");
      assertThat(instanceView("st-svc").getString("Status")).isEqualTo("OUT_OF_SERVICE");
      int beats = drained.heartBeats();
      await()
          .atMost(WAIT)
          .untilAsserted(() -> assertThat(drained.heartBeats()).isGreaterThan(beats + 2));
      assertThat(event("OUT_OF_SERVICE", drained.addr()).getString("detail"))
          .isEqualTo("by st-svc");

      Http.assertStatus(status("st-svc", drained.addr(), UP, ADMIN), 200);

      await().atMost(WAIT).until(() -> dependent.notices().size() >= 3);
      assertThat(dependent.notices().get(2).method()).isEqualTo("POST");
      assertThat(json(dependent.notices().get(2).body()).asJsonObject().getString("Status"))
          .isEqualTo("UP");
      assertThat(listed("st-svc").getString("Status")).isEqualTo("UP");
      assertThat(event("BACK_IN_SERVICE", drained.addr()).getString("detail"))
          .as("the admin token's subject")
          .isEqualTo("by test-admin");
      assertThat(applicationMetrics()).contains("registry_status_changes_total");
      deregister(serviceInfo("st-svc", drained.addr()));
      deregister(serviceInfo("st-front", dependent.addr()));
      deregister(serviceInfo("st-front2", "127.0.0.1:20801"));
    }
  }

  @Test
  void theStatusSurvivesRegisteringAgainAndDeregisteringUntilSetUp() throws Exception {
    try (FakeInstance dependent = new FakeInstance();
        FakeInstance drained = new FakeInstance()) {
      String instance = serviceInfo("sv-svc", drained.addr());
      register(serviceInfo("sv-front", dependent.addr(), "sv-svc"));
      register(instance);
      await().atMost(WAIT).until(() -> dependent.notices().size() >= 1);
      Http.assertStatus(status("sv-svc", drained.addr(), OUT, ADMIN), 200);
      await().atMost(WAIT).until(() -> dependent.notices().size() >= 2);

      register(instance); // again, as a restarted instance does
      assertThat(listed("sv-svc").getString("Status")).isEqualTo("OUT_OF_SERVICE");
      deregister(instance);
      register(instance.replace("}", ",\"Status\":\"UP\"}")); // a registration's Status is ignored

      assertThat(listed("sv-svc").getString("Status")).isEqualTo("OUT_OF_SERVICE");
      assertThat(dependent.notices()).as("dependents never had it back").hasSize(2);
      Http.assertStatus(status("sv-svc", drained.addr(), UP, ADMIN), 200);
      await().atMost(WAIT).until(() -> dependent.notices().size() >= 3);
      assertThat(dependent.notices().get(2).method()).isEqualTo("POST");
      deregister(instance);
      deregister(serviceInfo("sv-front", dependent.addr()));
    }
  }

  @Test
  void aRefusedStatusChangeAnswersWhyAndChangesNothing() throws Exception {
    try (FakeInstance dependent = new FakeInstance();
        FakeInstance target = new FakeInstance()) {
      register(serviceInfo("sr-front", dependent.addr(), "sr-svc"));
      register(serviceInfo("sr-svc", target.addr()));
      await().atMost(WAIT).until(() -> dependent.notices().size() >= 1);
      String addr = target.addr();

      assertRefused(status("sr-svc", addr, OUT, null), 401, "a bearer token is required");
      assertRefused(
          status("sr-svc", addr, OUT, TestTokens.expired("sr-svc")),
          401,
          "the bearer token is not valid");
      assertRefused(
          status("sr-svc", addr, OUT, TestTokens.forService("sr-front")),
          403,
          "the token of 'sr-front' may not change instances of 'sr-svc'");
      assertRefused(
          status("sr-svc", addr, "{\"Status\":\"DOWN\"}", ADMIN),
          400,
          "Status 'DOWN' is not OUT_OF_SERVICE or UP");
      assertRefused(status("sr-svc", addr, "[]", ADMIN), 400, "expected a JSON object");
      assertRefused(
          status("sr-svc", "127.0.0.1:20802", OUT, ADMIN),
          404,
          "no instance of 'sr-svc' is registered at '127.0.0.1:20802'");

      assertThat(listed("sr-svc").getString("Status")).isEqualTo("UP");
      assertThat(dependent.notices()).as("no notice for a refused change").hasSize(1);
      assertThat(
              json(Http.get(base + "events?limit=500")).asJsonArray().stream()
                  .map(JsonValue::asJsonObject)
                  .filter(e -> e.getString("addr").equals(addr))
                  .map(e -> e.getString("type")))
          .containsExactly("REGISTERED");
      deregister(serviceInfo("sr-svc", addr));
      deregister(serviceInfo("sr-front", dependent.addr()));
    }
  }

  private HttpResponse<String> status(String name, String addr, String body, String token) {
    return TestTokens.send("PUT", base + "services/" + name + "/" + addr + "/status", body, token);
  }

  private static void assertRefused(HttpResponse<String> response, int status, String error) {
    Http.assertStatus(response, status);
    assertThat(json(response).asJsonObject().getString("error")).startsWith(error);
  }

  /** The one instance of {@code name} as {@code GET /services/{name}} lists it. */
  private JsonObject listed(String name) {
    return json(Http.get(base + "services/" + name)).asJsonArray().getJsonObject(0);
  }

  private JsonObject instanceView(String name) {
    return json(Http.get(base + "instances")).asJsonArray().stream()
        .map(JsonValue::asJsonObject)
        .filter(view -> view.getString("Name").equals(name))
        .findFirst()
        .orElseThrow();
  }

  /** The newest event of {@code type} for the instance at {@code addr}. */
  private JsonObject event(String type, String addr) {
    return json(Http.get(base + "events?limit=500")).asJsonArray().stream()
        .map(JsonValue::asJsonObject)
        .filter(e -> e.getString("type").equals(type) && e.getString("addr").equals(addr))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " event for " + addr));
  }
}
