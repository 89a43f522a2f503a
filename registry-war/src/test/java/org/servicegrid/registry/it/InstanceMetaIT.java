package org.servicegrid.registry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.servicegrid.testsupport.Http.json;
import static org.servicegrid.testsupport.ServiceInfoJson.serviceInfo;
import static org.servicegrid.testsupport.ServiceInfoJson.withMeta;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.servicegrid.testsupport.FakeInstance;
import org.servicegrid.testsupport.Http;

/**
 * An instance's Meta over HTTP: kept and shown in every answer that lists instances and in the
 * notices; absent, every answer is what the original protocol sends plus the instance's Status;
 * beyond its limits, a 400 that changes nothing.
 */
class InstanceMetaIT extends RegistryOverHttp {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RegistryDeployment.withoutEvictions();
  }

  @Test
  void anInstanceWithMetaIsListedWithItEverywhereAndItsDependentsNoticeCarriesIt()
      throws Exception {
    try (FakeInstance dependent = new FakeInstance()) {
      register(serviceInfo("meta-front", dependent.addr(), "meta-svc"));
      // sent out of order: every answer lists the pairs sorted by key
      Map<String, String> meta = new LinkedHashMap<>();
      meta.put("zone", "eu-1a");
      meta.put("weight", "30");
      meta.put("version", "2.1");
      meta.put("team", "ops \"blue\"");
      String expected =
          "{\"Name\":\"meta-svc\",\"Addr\":\"127.0.0.1:7101\",\"RequiredServices\":[],"
              + "\"Status\":\"UP\",\"Meta\":"
              + "{\"team\":\"ops \\\"blue\\\"\",\"version\":\"2.1\",\"weight\":\"30\","
              + "\"zone\":\"eu-1a\"}}";

      register(withMeta(serviceInfo("meta-svc", "127.0.0.1:7101"), meta));

      await().atMost(WAIT).until(() -> dependent.notices().size() >= 1);
      assertThat(dependent.notices().get(0).method()).isEqualTo("POST");
      assertThat(dependent.notices().get(0).body()).isEqualTo(expected);
      assertThat(Http.get(services() + "/meta-svc").body()).isEqualTo("[" + expected + "]");
      assertThat(Http.get(services()).body()).contains("\"meta-svc\":[" + expected + "]");
      assertThat(post(serviceInfo("meta-front2", "127.0.0.1:7102", "meta-svc")).body())
          .isEqualTo("{\"meta-svc\":[" + expected + "]}");
      assertThat(instanceView("meta-svc").getJsonObject("Meta"))
          .isEqualTo(Json.createObjectBuilder(Map.<String, Object>copyOf(meta)).build());
      assertThat(instanceView("meta-front2").getJsonObject("Meta"))
          .as("/instances shows an empty Meta as {}")
          .isEqualTo(JsonValue.EMPTY_JSON_OBJECT);

      deregister(serviceInfo("meta-svc", "127.0.0.1:7101"));
      await().atMost(WAIT).until(() -> dependent.notices().size() >= 2);
      assertThat(dependent.notices().get(1).method()).isEqualTo("DELETE");
      assertThat(dependent.notices().get(1).body()).isEqualTo(expected);
    }
  }

  @Test
  void withoutMetaEveryAnswerAndNoticeIsTheOriginalProtocolsPlusTheStatus() throws Exception {
    try (FakeInstance dependent = new FakeInstance()) {
      // registered as a service of the original protocol does: its three fields, nothing more
      Http.assertStatus(
          post(
              "{\"Name\":\"plain-front\",\"Addr\":\""
                  + dependent.addr()
                  + "\",\"RequiredServices\":[\"plain-svc\"]}"),
          200);
      // the original fields, in the original order, then Status, which such a service ignores
      String expected =
          "{\"Name\":\"plain-svc\",\"Addr\":\"127.0.0.1:7201\",\"RequiredServices\":[\"plain-db\"],"
              + "\"Status\":\"UP\"}";

      // an empty Meta is no Meta
      register(withMeta(serviceInfo("plain-svc", "127.0.0.1:7201", "plain-db"), Map.of()));

      await().atMost(WAIT).until(() -> dependent.notices().size() >= 1);
      assertThat(dependent.notices().get(0).body()).isEqualTo(expected);
      assertThat(Http.get(services() + "/plain-svc").body()).isEqualTo("[" + expected + "]");
      assertThat(Http.get(services()).body())
          .contains("\"plain-svc\":[" + expected + "]")
          .contains("\"plain-db\":[]");
      assertThat(post(serviceInfo("plain-front2", "127.0.0.1:7202", "plain-svc")).body())
          .isEqualTo("{\"plain-svc\":[" + expected + "]}");
    }
  }

  @Test
  void aRegistrationBeyondMetasLimitsIs400AndChangesNothing() throws Exception {
    try (FakeInstance dependent = new FakeInstance()) {
      register(serviceInfo("limit-front", dependent.addr(), "limit-svc"));
      String known = serviceInfo("limit-svc", "127.0.0.1:7301");
      register(withMeta(known, Map.of("version", "1")));
      await().atMost(WAIT).until(() -> dependent.notices().size() >= 1);
      String services = Http.get(services()).body();
      String instances = Http.get(base + "instances").body();

      Map<String, String> tooMany = new LinkedHashMap<>();
      for (int i = 0; i < 65; i++) {
        tooMany.put("k" + i, "v");
      }
      assertBadRequest(post(withMeta(known, tooMany)), "Meta has 65 pairs");
      assertBadRequest(
          post(withMeta(known, Map.of("weight", "0"))),
          "Meta weight '0' must be an integer from 1 to 1000");
      assertBadRequest(post(withMeta(known, Map.of("a.b", "x"))), "Meta key 'a.b'");
      assertBadRequest(
          post(withMeta(known, Map.of("note", "x".repeat(513)))),
          "Meta value of 'note' has 513 characters");
      assertBadRequest(
          post("{\"Name\":\"limit-new\",\"Addr\":\"127.0.0.1:7302\",\"Meta\":[\"v1\"]}"),
          "Meta must be a JSON object");
      assertBadRequest(
          post("{\"Name\":\"limit-new\",\"Addr\":\"127.0.0.1:7302\",\"Meta\":{\"weight\":5}}"),
          "Meta value of 'weight' must be a string");

      assertThat(Http.get(services()).body()).isEqualTo(services);
      assertThat(Http.get(base + "instances").body()).isEqualTo(instances);
      assertThat(instanceView("limit-svc").getJsonObject("Meta").getString("version"))
          .isEqualTo("1");
      assertThat(dependent.notices()).as("no notice for a refused registration").hasSize(1);
    }
  }

  /** The entry of {@code GET /instances} for the one instance of {@code name}. */
  private JsonObject instanceView(String name) {
    return json(Http.get(base + "instances")).asJsonArray().stream()
        .map(JsonValue::asJsonObject)
        .filter(view -> view.getString("Name").equals(name))
        .findFirst()
        .orElseThrow();
  }

  private String services() {
    return base + "services";
  }

  private static void assertBadRequest(HttpResponse<String> response, String reason) {
    Http.assertStatus(response, 400);
    assertThat(json(response).asJsonObject().getString("error")).contains(reason);
  }
}
