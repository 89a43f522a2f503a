package org.servicegrid.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.servicegrid.testsupport.ServiceInfoJson.serviceInfo;
import static org.servicegrid.testsupport.ServiceInfoJson.withMeta;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.servicegrid.testsupport.FakeRegistry;
import org.servicegrid.testsupport.Http;
import org.servicegrid.testsupport.TestTokens;

/**
 * Meta through the library: the service registers with the Meta of its {@code service.metadata.*}
 * keys, and its table holds the Meta of the instances it learns, from the registration answer and
 * from notices, which its {@code ServiceInfo}s show.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InstanceMetaIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final FakeRegistry REGISTRY = FakeRegistry.create().heartBeating(ProbeWar.ADDR);

  @Deployment(testable = false)
  static WebArchive deployment() {
    REGISTRY.putWithMeta(
        "meta-log", "127.0.0.1:3101", Map.of("version", "3.0", "zone", "z1", "weight", "7"));
    REGISTRY.put("meta-plain", "127.0.0.1:3102");
    REGISTRY.start();
    return ProbeWar.of(
        "probe",
        REGISTRY.url(),
        Map.of(
            "service.required", "meta-log,meta-plain,meta-late",
            "service.metadata.version", "1.4",
            "service.metadata.weight", "20",
            "service.metadata.owner", "team-a",
            "registry.client.auth.token", TestTokens.forService("probe")));
  }

  @AfterAll
  static void stopRegistry() {
    REGISTRY.close();
  }

  @Test
  void registersWithTheMetaOfItsMetadataKeys() {
    await().atMost(WAIT).until(() -> !REGISTRY.registrations().isEmpty());

    assertThat(REGISTRY.registrations().get(0).body())
        .isEqualTo(
            "{\"Name\":\"probe\",\"Addr\":\""
                + ProbeWar.ADDR
                + "\",\"RequiredServices\":[\"meta-log\",\"meta-plain\",\"meta-late\"],"
                + "\"Status\":\"UP\",\"Meta\":{\"owner\":\"team-a\",\"version\":\"1.4\",\"weight\":\"20\"}}");
  }

  @Test
  void takesTheMetaOfTheRegistrationAnswerIntoItsTable() {
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(Http.get(ProbeWar.url("/probe/meta/meta-log")).body())
                    .isEqualTo("[\"127.0.0.1:3101 7 3.0 z1\"]"));
    assertThat(Http.get(ProbeWar.url("/probe/meta/meta-plain")).body())
        .isEqualTo("[\"127.0.0.1:3102 1 - -\"]");
    assertThat(Http.get(ProbeWar.url("/probe/instances/meta-plain")).body())
        .as("an instance without Meta is written without it")
        .isEqualTo(
            "[{\"Name\":\"meta-plain\",\"Addr\":\"127.0.0.1:3102\",\"RequiredServices\":[],"
                + "\"Status\":\"UP\"}]");
  }

  @Test
  void takesTheMetaOfANoticeAndRefusesANoticeBeyondItsLimits() {
    String late = serviceInfo("meta-late", "127.0.0.1:3103");
    assertThat(notice(withMeta(late, Map.of("weight", "900", "zone", "z2"))).statusCode())
        .isEqualTo(200);
    assertThat(Http.get(ProbeWar.url("/probe/meta/meta-late")).body())
        .isEqualTo("[\"127.0.0.1:3103 900 - z2\"]");

    HttpResponse<String> refused = notice(withMeta(late, Map.of("weight", "1001")));

    assertThat(refused.statusCode()).as("a notice with weight 1001").isEqualTo(400);
    assertThat(refused.body()).contains("Meta weight '1001' must be an integer from 1 to 1000");
    assertThat(Http.get(ProbeWar.url("/probe/meta/meta-late")).body())
        .isEqualTo("[\"127.0.0.1:3103 900 - z2\"]");
  }

  @Test
  void takesAnInstanceAnnouncedOutOfServiceOutOfItsTable() {
    String up = "{\"Name\":\"meta-late\",\"Addr\":\"127.0.0.1:3104\",\"Status\":\"UP\"}";
    String drained = up.replace("\"UP\"", "\"OUT_OF_SERVICE\"");

    assertThat(notice(drained).statusCode()).isEqualTo(200);
    assertThat(Http.get(ProbeWar.url("/probe/meta/meta-late")).body())
        .as("announced out of service: never in the table")
        .doesNotContain("127.0.0.1:3104");

    assertThat(notice(up).statusCode()).isEqualTo(200);
    assertThat(Http.get(ProbeWar.url("/probe/meta/meta-late")).body()).contains("127.0.0.1:3104");

    assertThat(notice(drained).statusCode()).isEqualTo(200);
    assertThat(Http.get(ProbeWar.url("/probe/meta/meta-late")).body())
        .as("announced again, out of service: taken out")
        .doesNotContain("127.0.0.1:3104");
  }

  private static HttpResponse<String> notice(String body) {
    return TestTokens.send("POST", ProbeWar.url("/services"), body, TestTokens.registry());
  }
}
