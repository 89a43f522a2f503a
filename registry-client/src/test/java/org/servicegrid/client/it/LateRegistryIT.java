package org.servicegrid.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

/**
 * A service WAR that starts before its registry: it serves at once and registers when the registry
 * appears.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LateRegistryIT {

  private static final FakeRegistry REGISTRY =
      FakeRegistry.create().heartBeating(ProbeWar.ADDR); // not started yet

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ProbeWar.of("early", REGISTRY.url(), Map.of());
  }

  @AfterAll
  static void stopRegistry() {
    REGISTRY.close();
  }

  @Test
  void keepsRetryingRegistrationUntilALateRegistryAppears() {
    assertThat(Http.get(ProbeWar.url("/heart-beat")).statusCode())
        .as("GET /heart-beat before registration")
        .isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              Readiness readiness = Readiness.now();
              assertThat(readiness.up()).isFalse();
              assertThat(readiness.reason()).contains("registration failed");
              assertThat(readiness.data().getString("registry")).isEqualTo(REGISTRY.url());
            });
    assertThat(Http.get(ProbeWar.url("/probe/registered")).body()).isEqualTo("false");

    REGISTRY.start();

    await().atMost(Duration.ofSeconds(30)).until(() -> Readiness.now().up());
    assertThat(REGISTRY.registrations())
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.json().getString("Name")).isEqualTo("early"));
    assertThat(Http.get(ProbeWar.url("/probe/registered")).body()).isEqualTo("true");
  }
}
