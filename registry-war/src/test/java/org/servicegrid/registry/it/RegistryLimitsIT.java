package org.servicegrid.registry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicegrid.testsupport.ServiceInfoJson.serviceInfo;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.servicegrid.testsupport.Http;
import org.servicegrid.testsupport.TestTokens;

/**
 * The table's limits ({@code registry.limits.*}, small here): a new instance beyond its service's
 * limit answers 429, a registration that would put more names in use than allowed 507, each with a
 * JSON error and no change to the table; up to the limits, and for instances already registered,
 * registrations succeed. Each test leaves no name in use behind, so that the other starts from an
 * empty table.
 */
class RegistryLimitsIT extends RegistryOverHttp {

  private static final int MAX_INSTANCES = 3;
  private static final int MAX_SERVICES = 5;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RegistryDeployment.withSettings(
        "registry.heartbeat.period",
        "600000",
        "registry.limits.max-instances-per-service",
        Integer.toString(MAX_INSTANCES),
        "registry.limits.max-services",
        Integer.toString(MAX_SERVICES));
  }

  @Test
  void aNewInstanceBeyondItsServicesLimitIs429AndChangesNothing() {
    List<String> registered = new ArrayList<>();
    for (int i = 1; i <= MAX_INSTANCES; i++) { // up to the limit: admitted
      registered.add(serviceInfo("lim-inst", "127.0.0.1:75" + i));
      Http.assertStatus(
          TestTokens.send(
              "POST", base + "services", registered.get(i - 1), TestTokens.forService("lim-inst")),
          200);
    }
    String before = instancesOf("lim-inst");

    HttpResponse<String> refused = post(serviceInfo("lim-inst", "127.0.0.1:7599"));

    assertThat(refused.statusCode()).as("POST a 4th instance: %s", refused.body()).isEqualTo(429);
    assertThat(error(refused))
        .contains(
            "'lim-inst' already has 3 instances", "registry.limits.max-instances-per-service");
    assertThat(instancesOf("lim-inst")).isEqualTo(before).doesNotContain("7599");

    register(
        serviceInfo("lim-inst", "127.0.0.1:751", "lim-other")); // already registered: never refused
    deregister(registered.get(1));
    register(serviceInfo("lim-inst", "127.0.0.1:7599")); // room again
    assertThat(instancesOf("lim-inst")).contains("7599");

    deregister(serviceInfo("lim-inst", "127.0.0.1:751"));
    deregister(registered.get(2));
    deregister(serviceInfo("lim-inst", "127.0.0.1:7599"));
  }

  @Test
  void aRegistrationBeyondTheServicesLimitIs507AndChangesNothing() {
    List<String> registered = new ArrayList<>();
    for (int i = 1; i < MAX_SERVICES; i++) {
      registered.add(serviceInfo("lim-svc" + i, "127.0.0.1:76" + i));
    }
    registered.add(
        serviceInfo("lim-front", "127.0.0.1:7609", "lim-svc1")); // the last name: admitted
    registered.forEach(this::register);
    String before = Http.get(base + "services").body();

    HttpResponse<String> newName = post(serviceInfo("lim-extra", "127.0.0.1:7610"));
    HttpResponse<String> newRequired = post(serviceInfo("lim-svc2", "127.0.0.1:7611", "lim-extra"));

    for (HttpResponse<String> refused : List.of(newName, newRequired)) {
      assertThat(refused.statusCode())
          .as("POST beyond the services limit: %s", refused.body())
          .isEqualTo(507);
      assertThat(error(refused))
          .contains("already holds 5 services", "registry.limits.max-services", "lim-extra");
    }
    assertThat(Http.get(base + "services").body()).isEqualTo(before);
    register(serviceInfo("lim-svc2", "127.0.0.1:7612", "lim-svc3")); // names in use only: admitted
    register(
        serviceInfo("lim-front", "127.0.0.1:7609", "lim-svc1", "lim-other")); // already registered

    registered.forEach(this::deregister);
    deregister(serviceInfo("lim-svc2", "127.0.0.1:7612"));
  }

  private String instancesOf(String name) {
    return Http.assertStatus(Http.get(base + "services/" + name), 200).body();
  }

  private static String error(HttpResponse<String> response) {
    return Http.json(response).asJsonObject().getString("error");
  }
}
