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
import org.servicegrid.testsupport.FakeHttpServer;
import org.servicegrid.testsupport.FakeRegistry;
import org.servicegrid.testsupport.Http;

/**
 * With several registries in registry.url, an instance registers with the next one when the first
 * is down.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RegistryFailoverIT {

  private static final String DOWN = "http://" + FakeHttpServer.deadAddr();
  private static final FakeRegistry REGISTRY = FakeRegistry.started().heartBeating(ProbeWar.ADDR);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ProbeWar.of("failover", DOWN + "," + REGISTRY.url(), Map.of());
  }

  @AfterAll
  static void stopRegistry() {
    REGISTRY.close();
  }

  @Test
  void registersWithTheNextRegistryWhenTheFirstDoesNotAnswer() {
    await().atMost(Duration.ofSeconds(30)).until(() -> Readiness.now().up());

    assertThat(REGISTRY.registrations())
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.json().getString("Name")).isEqualTo("failover"));
    assertThat(Readiness.now().data().getString("registry")).isEqualTo(DOWN + "," + REGISTRY.url());
    assertThat(Http.get(ProbeWar.url("/probe/registered")).body()).isEqualTo("true");
  }
}
