package org.servicegrid.system.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.servicegrid.testsupport.Http.json;
import static org.servicegrid.testsupport.ServiceInfoJson.serviceInfo;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.servicegrid.system.UsesSharedSystem;
import org.servicegrid.testsupport.EvictionBound;
import org.servicegrid.testsupport.FakeInstance;
import org.servicegrid.testsupport.Http;
import org.servicegrid.testsupport.RecordedRequest;
import org.servicegrid.testsupport.TestTokens;

/**
 * The real registry server (127.0.0.1:20000, default configuration) as its peers see it. The other
 * servers run and register too, so every test uses service names of its own and never assumes an
 * empty table.
 */
@UsesSharedSystem
class RegistryIT {

  private static final Logger LOG = Logger.getLogger(RegistryIT.class.getName());
  private static final String SERVICES = "http://127.0.0.1:20000/services";
  private static final String ADMIN = TestTokens.admin();

  private static final Duration EVICTION_LIMIT = EvictionBound.DEFAULT_SETTINGS.bound();

  private static final Duration WAIT = Duration.ofSeconds(30);

  private final String prefix = "sys-" + UUID.randomUUID().toString().substring(0, 8) + "-";

  @Test
  void answersARegistrationWithTheLiveInstancesOfEachRequiredService() throws Exception {
    try (FakeInstance provider = new FakeInstance();
        FakeInstance consumer = new FakeInstance()) {
      ok(write("POST", serviceInfo(prefix + "provider", provider.addr())));

      HttpResponse<String> answer =
          ok(
              write(
                  "POST",
                  serviceInfo(
                      prefix + "consumer", consumer.addr(), prefix + "provider", prefix + "none")));

      JsonObject body = json(answer).asJsonObject();
      assertThat(body.keySet()).containsExactlyInAnyOrder(prefix + "provider", prefix + "none");
      assertThat(body.getJsonArray(prefix + "provider").getJsonObject(0).getString("Addr"))
          .isEqualTo(provider.addr());
      assertThat(body.getJsonArray(prefix + "none")).isEmpty();
      JsonObject all = json(ok(Http.get(SERVICES))).asJsonObject();
      assertThat(all.getJsonArray(prefix + "none")).as("known without a live instance").isEmpty();
      assertThat(all.containsKey(prefix + "never-mentioned")).isFalse();
    }
  }

  @Test
  void tellsDependentsOfAddedAndRemovedInstancesWithPostAndDelete() throws Exception {
    try (FakeInstance dependent = new FakeInstance();
        FakeInstance instance = new FakeInstance()) {
      ok(write("POST", serviceInfo(prefix + "front", dependent.addr(), prefix + "back")));
      String back = serviceInfo(prefix + "back", instance.addr());

      ok(write("POST", back));
      ok(write("DELETE", back));

      await().atMost(WAIT).until(() -> dependent.notices().size() >= 2);
      assertThat(dependent.notices())
          .extracting(RecordedRequest::method)
          .containsExactly("POST", "DELETE");
      for (RecordedRequest notice : dependent.notices()) {
        JsonObject changed = notice.json();
        assertThat(changed.getString("Name")).isEqualTo(prefix + "back");
        assertThat(changed.getString("Addr")).isEqualTo(instance.addr());
      }
    }
  }

  @Test
  void evictsAnInstanceThatStopsAnsweringAndTellsItsDependentsWithinItsBound() throws Exception {
    try (FakeInstance dependent = new FakeInstance();
        FakeInstance instance = new FakeInstance()) {
      ok(write("POST", serviceInfo(prefix + "watcher", dependent.addr(), prefix + "mortal")));
      ok(write("POST", serviceInfo(prefix + "mortal", instance.addr())));
      await()
          .atMost(WAIT)
          .until(() -> instance.heartBeats() > 0 && dependent.notices().size() == 1);

      long hungAt = System.nanoTime();
      instance.hangOnHeartBeats();

      await()
          .atMost(EVICTION_LIMIT)
          .pollInterval(Duration.ofMillis(50))
          .until(() -> dependent.notices().size() == 2);
      LOG.info(
          () ->
              "Eviction notice "
                  + (System.nanoTime() - hungAt) / 1_000_000
                  + " ms after the instance hung");
      RecordedRequest notice = dependent.notices().get(1);
      assertThat(notice.method()).isEqualTo("DELETE");
      assertThat(notice.json().getString("Addr")).isEqualTo(instance.addr());
      assertThat(json(ok(Http.get(SERVICES + "/" + prefix + "mortal"))).asJsonArray()).isEmpty();
    }
  }

  @Test
  void rejectsBadRegistrationsWith400AndChangesNothing() throws Exception {
    String name = prefix + "bad";
    badRequest(write("POST", "{\"Name\": \"" + name + "\", "), "malformed JSON");
    badRequest(write("POST", "{\"Addr\": \"127.0.0.1:9\"}"), "Name is required");
    badRequest(write("POST", "{\"Name\": \"" + name + "\"}"), "Addr is required");
    badRequest(write("POST", serviceInfo(name, "http://x:1/p")), "not a valid address");
    String oversize =
        "{\"Name\": \""
            + name
            + "\", \"Addr\": \"127.0.0.1:9\", \"Padding\": \""
            + "x".repeat(64 * 1024)
            + "\"}";
    badRequest(write("POST", oversize), "larger than");

    assertThat(json(ok(Http.get(SERVICES))).asJsonObject().containsKey(name)).isFalse();
  }

  /**
   * A registry write with an admin token (the fake services of these tests have no token of their
   * own).
   */
  private static HttpResponse<String> write(String method, String body) {
    return TestTokens.send(method, SERVICES, body, ADMIN);
  }

  private static HttpResponse<String> ok(HttpResponse<String> response) {
    return Http.assertStatus(response, 200);
  }

  private static void badRequest(HttpResponse<String> response, String reason) {
    Http.assertStatus(response, 400);
    assertThat(json(response).asJsonObject().getString("error")).contains(reason);
  }
}
