package org.servicegrid.system.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real registry server (127.0.0.1:20000, default configuration) as its peers see it. The other servers
 * run and register too, so every test uses service names of its own and never assumes an empty table.
 */
class RegistryIT {

  private static final Logger LOG = Logger.getLogger(RegistryIT.class.getName());
  private static final String SERVICES = "http://127.0.0.1:20000/services";
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  /** The protocol promises eviction and notice within 5 s; 3 s more for a loaded machine. */
  private static final Duration EVICTION_LIMIT = Duration.ofSeconds(8);
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final String prefix = "sys-" + UUID.randomUUID().toString().substring(0, 8) + "-";

  @BeforeAll
  static void registryIsReady() {
    await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250)).until(
        () -> send("GET", "http://127.0.0.1:20000/health/ready", null).statusCode() == 200);
  }

  @Test
  void answersARegistrationWithTheLiveInstancesOfEachRequiredService() throws Exception {
    try (FakeDependent provider = new FakeDependent(); FakeDependent consumer = new FakeDependent()) {
      ok(send("POST", SERVICES, info(prefix + "provider", provider.addr())));

      HttpResponse<String> answer =
          ok(send("POST", SERVICES, info(prefix + "consumer", consumer.addr(), prefix + "provider", prefix + "none")));

      JsonObject body = json(answer).asJsonObject();
      assertThat(body.keySet()).containsExactlyInAnyOrder(prefix + "provider", prefix + "none");
      assertThat(body.getJsonArray(prefix + "provider").getJsonObject(0).getString("Addr")).isEqualTo(provider.addr());
      assertThat(body.getJsonArray(prefix + "none")).isEmpty();
      JsonObject all = json(ok(send("GET", SERVICES, null))).asJsonObject();
      assertThat(all.getJsonArray(prefix + "none")).as("known without a live instance").isEmpty();
      assertThat(all.containsKey(prefix + "never-mentioned")).isFalse();
    }
  }

  @Test
  void tellsDependentsOfAddedAndRemovedInstancesWithPostAndDelete() throws Exception {
    try (FakeDependent dependent = new FakeDependent(); FakeDependent instance = new FakeDependent()) {
      ok(send("POST", SERVICES, info(prefix + "front", dependent.addr(), prefix + "back")));
      String back = info(prefix + "back", instance.addr());

      ok(send("POST", SERVICES, back));
      ok(send("DELETE", SERVICES, back));

      await().atMost(WAIT).until(() -> dependent.notices().size() >= 2);
      assertThat(dependent.notices()).extracting(FakeDependent.Notice::method).containsExactly("POST", "DELETE");
      for (FakeDependent.Notice notice : dependent.notices()) {
        JsonObject changed = json(notice.body()).asJsonObject();
        assertThat(changed.getString("Name")).isEqualTo(prefix + "back");
        assertThat(changed.getString("Addr")).isEqualTo(instance.addr());
      }
    }
  }

  @Test
  void evictsAnInstanceThatStopsAnsweringAndTellsItsDependentsWithinFiveSeconds() throws Exception {
    try (FakeDependent dependent = new FakeDependent(); FakeDependent instance = new FakeDependent()) {
      ok(send("POST", SERVICES, info(prefix + "watcher", dependent.addr(), prefix + "mortal")));
      ok(send("POST", SERVICES, info(prefix + "mortal", instance.addr())));
      await().atMost(WAIT).until(() -> instance.heartBeats() > 0 && dependent.notices().size() == 1);

      long hungAt = System.nanoTime();
      instance.hangOnHeartBeats();

      await().atMost(EVICTION_LIMIT).pollInterval(Duration.ofMillis(50)).until(() -> dependent.notices().size() == 2);
      LOG.info(() -> "Eviction notice " + (System.nanoTime() - hungAt) / 1_000_000 + " ms after the instance hung");
      FakeDependent.Notice notice = dependent.notices().get(1);
      assertThat(notice.method()).isEqualTo("DELETE");
      assertThat(json(notice.body()).asJsonObject().getString("Addr")).isEqualTo(instance.addr());
      assertThat(json(ok(send("GET", SERVICES + "/" + prefix + "mortal", null))).asJsonArray()).isEmpty();
    }
  }

  @Test
  void rejectsBadRegistrationsWith400AndChangesNothing() throws Exception {
    String name = prefix + "bad";
    badRequest(send("POST", SERVICES, "{\"Name\": \"" + name + "\", "), "malformed JSON");
    badRequest(send("POST", SERVICES, "{\"Addr\": \"127.0.0.1:9\"}"), "Name is required");
    badRequest(send("POST", SERVICES, "{\"Name\": \"" + name + "\"}"), "Addr is required");
    badRequest(send("POST", SERVICES, info(name, "http://x:1/p")), "not a valid address");
    String oversize = "{\"Name\": \"" + name + "\", \"Addr\": \"127.0.0.1:9\", \"Padding\": \""
        + "x".repeat(64 * 1024) + "\"}";
    badRequest(send("POST", SERVICES, oversize), "larger than");

    assertThat(json(ok(send("GET", SERVICES, null))).asJsonObject().containsKey(name)).isFalse();
  }

  private static String info(String name, String addr, String... required) {
    var names = Json.createArrayBuilder();
    for (String r : required) {
      names.add(r);
    }
    return Json.createObjectBuilder().add("Name", name).add("Addr", addr).add("RequiredServices", names)
        .build().toString();
  }

  private static HttpResponse<String> send(String method, String url, String body)
      throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> ok(HttpResponse<String> response) {
    assertThat(response.statusCode())
        .as("%s %s: %s", response.request().method(), response.uri(), response.body()).isEqualTo(200);
    return response;
  }

  private static void badRequest(HttpResponse<String> response, String reason) {
    assertThat(response.statusCode())
        .as("%s %s: %s", response.request().method(), response.uri(), response.body()).isEqualTo(400);
    assertThat(json(response.body()).asJsonObject().getString("error")).contains(reason);
  }

  private static JsonStructure json(HttpResponse<String> response) {
    return json(response.body());
  }

  private static JsonStructure json(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.read();
    }
  }
}
