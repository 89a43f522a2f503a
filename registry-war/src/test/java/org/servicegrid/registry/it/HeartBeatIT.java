package org.servicegrid.registry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.servicegrid.testsupport.ServiceInfoJson.serviceInfo;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.servicegrid.testsupport.FakeInstance;
import org.servicegrid.testsupport.Http;
import org.servicegrid.testsupport.RecordedRequest;

/**
 * Heart-beats against fakes, with fast timings (period 300 ms, 3 attempts 100 ms apart, 1 s
 * timeouts: a dead instance is evicted at worst ~3.5 s after its last answer, one that answers 503
 * within ~0.5 s).
 */
class HeartBeatIT extends RegistryOverHttp {

  private static final Logger LOG = Logger.getLogger(HeartBeatIT.class.getName());

  private static final Duration EVICTION_LIMIT = RegistryDeployment.FAST_HEART_BEATS.bound();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RegistryDeployment.withFastHeartBeats();
  }

  @Test
  void evictsAnInstanceThatStopsAnsweringAndTellsItsDependents() throws Exception {
    try (FakeInstance dependent = new FakeInstance();
        FakeInstance instance = new FakeInstance()) {
      register(serviceInfo("hb-front", dependent.addr(), "hb-svc"));
      register(serviceInfo("hb-svc", instance.addr()));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> instance.heartBeats() > 0 && dependent.notices().size() == 1);

      long stopped = System.nanoTime();
      instance.stopAnsweringHeartBeats();

      await().atMost(EVICTION_LIMIT).until(() -> dependent.notices().size() == 2);
      LOG.info(
          () ->
              "Dependent told of the eviction after "
                  + (System.nanoTime() - stopped) / 1_000_000
                  + " ms");
      assertThat(dependent.notices().get(1).method()).isEqualTo("DELETE");
      assertThat(dependent.notices().get(1).body()).contains(instance.addr());
      assertThat(Http.json(Http.get(base + "services/hb-svc")).asJsonArray()).isEmpty();
    }
  }

  @Test
  void anInstanceThatAnswersAgainBeforeEvictionStaysRegistered() throws Exception {
    try (FakeInstance dependent = new FakeInstance();
        FakeInstance instance = new FakeInstance()) {
      register(serviceInfo("hb-front2", dependent.addr(), "hb-flaky"));
      register(serviceInfo("hb-flaky", instance.addr()));
      await().atMost(Duration.ofSeconds(30)).until(() -> answeredHeartBeat(instance.addr()));

      int before = instance.heartBeats();
      instance.failNextHeartBeats(2); // one short of the 3 attempts that evict
      await().atMost(Duration.ofSeconds(30)).until(() -> instance.heartBeats() >= before + 4);

      assertThat(Http.json(Http.get(base + "services/hb-flaky")).asJsonArray()).hasSize(1);
      JsonObject view = instanceView(instance.addr()).orElseThrow();
      assertThat(view.getString("state")).isEqualTo("UP");
      assertThat(view.getInt("consecutiveFailures")).isZero();
      assertThat(dependent.notices()).extracting(RecordedRequest::method).containsExactly("POST");
    }
  }

  @Test
  void reportsRegistrationTimeAndLastHeartBeatPerInstance() throws Exception {
    try (FakeInstance instance = new FakeInstance()) {
      register(serviceInfo("hb-view", instance.addr(), "hb-other"));

      await().atMost(Duration.ofSeconds(30)).until(() -> answeredHeartBeat(instance.addr()));

      JsonObject view = instanceView(instance.addr()).orElseThrow();
      assertThat(view.getString("Name")).isEqualTo("hb-view");
      assertThat(view.getJsonArray("RequiredServices").getString(0)).isEqualTo("hb-other");
      assertThat(Instant.parse(view.getString("registeredSince")))
          .isBeforeOrEqualTo(Instant.parse(view.getString("lastHeartBeat")));
    }
  }

  private boolean answeredHeartBeat(String addr) {
    return instanceView(addr).map(v -> v.get("lastHeartBeat") != JsonValue.NULL).orElse(false);
  }

  private Optional<JsonObject> instanceView(String addr) {
    HttpResponse<String> response = Http.get(base + "instances");
    assertThat(response.statusCode())
        .as("GET %sinstances: %s", base, response.body())
        .isEqualTo(200);
    return Http.json(response).asJsonArray().getValuesAs(JsonObject.class).stream()
        .filter(v -> v.getString("Addr").equals(addr))
        .findFirst();
  }
}
